/**
 * n8n 2.x evaluates expressions in an isolate (the `vm` engine), started once at startup; these are
 * the settings n8n 2.41 starts it with (its ExpressionEngineConfig defaults). isolated-vm has no
 * build for Node 20, so only a run on the runtime's Node 24 can start it.
 */
import { Expression } from 'n8n-workflow';

export async function startVmExpressionEngine(): Promise<void> {
	await Expression.initExpressionEngine({
		engine: 'vm',
		poolSize: 1,
		maxCodeCacheSize: 1024,
		bridgeTimeout: 5000,
		bridgeMemoryLimit: 128,
		lazyAcquire: false,
		compileCache: false,
	});
}
