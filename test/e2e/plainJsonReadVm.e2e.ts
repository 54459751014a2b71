/**
 * The `={{ $json.a.b }}` fast path against n8n 2.x's default expression engine: the corpus test
 * (test/engine/plainJsonRead.test.ts) again, on the runtime's Node 24, with n8n's `vm` engine
 * (isolated-vm, which has no build for the Node 20 the default jest run uses). jest needs
 * --experimental-vm-modules there: n8n loads the engine with a dynamic import.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { REPO_ROOT } from '../../scripts/n8n/config';
import { ensureRuntime } from '../../scripts/n8n/runtime';

const CORPUS_TEST = 'test/engine/plainJsonRead.test.ts';

function runJest(nodeBin: string): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const jest = spawn(
			nodeBin,
			['--experimental-vm-modules', join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), CORPUS_TEST],
			{ cwd: REPO_ROOT, env: { ...process.env, WECOM_EXPRESSION_ENGINE: 'vm' }, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let output = '';
		jest.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		jest.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		jest.on('error', reject);
		jest.on('close', (code) => resolve({ code, output }));
	});
}

describe("the plain $json read on n8n's vm expression engine (Node 24)", () => {
	it('returns what the vm engine returns, for every expression and item of the corpus', async () => {
		const runtime = await ensureRuntime();
		const { code, output } = await runJest(runtime.nodeBin);
		if (code !== 0) throw new Error(`the corpus test failed on Node 24 with the vm engine:\n${output}`);
		expect(output).toMatch(/vm expression engine returns/);
		expect(output).toMatch(/Tests:\s+2 passed, 2 total/);
	});
});
