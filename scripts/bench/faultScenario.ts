/**
 * The fault suite as a bench scenario: the same code as test/engine/faults.test.ts
 * (test/harness/faultSuite.ts), run in a child against a sandbox of its own; reports lost and
 * duplicated cards and the connections the run opened. A failure is reported, not fatal.
 */
import type { FaultSuiteResult } from '../../test/harness/faultSuite';
import type { BenchContext } from './scenarios';

export interface FaultScenario {
	result?: FaultSuiteResult;
	wallMs?: number;
	skipped?: string;
}

export async function faultSuiteScenario(context: BenchContext): Promise<FaultScenario> {
	try {
		const run = await context.runner.run({
			path: 'faults',
			sandboxUrl: '',
			items: context.config.faultItems,
			recipientsPerItem: 1,
			concurrency: context.config.concurrency,
			runTag: 'faults',
		});
		const result = run.faultSuite;
		if (!result) return { skipped: 'the fault suite child reported no result' };
		context.progress(
			`fault suite: ${JSON.stringify(result.outcome)}, ${result.connections.opened} connections, ${(run.wallMs / 1000).toFixed(2)} s`,
		);
		return { result, wallMs: run.wallMs };
	} catch (error) {
		return {
			skipped: `the fault suite failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
		};
	}
}
