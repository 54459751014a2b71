/**
 * One measured child process: runs one path once and reports its result and peak RSS to the
 * parent over IPC. The parent starts it from the transpiled copy (see transpile.ts), so no
 * TypeScript compiler sits in the measured memory.
 */
import type { ChildMessage, PathJob, PathName, PathOutcome } from './job';

// n8n-core reads its settings folder when it loads: the environment comes first.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an import would be hoisted above that
require('../../test/harness/n8nEnv');

async function runPath(job: PathJob): Promise<PathOutcome> {
	const runners: Record<PathName, () => Promise<PathOutcome>> = {
		ours: async () => (await import('./paths/ours')).runOurs(job),
		httpRequest: async () => (await import('./paths/httpRequest')).runHttpRequest(job),
		floor: async () => (await import('./paths/floor')).runFloor(job),
		noop: async () => (await import('./paths/noop')).runNoop(job),
		trigger: async () => (await import('./paths/trigger')).runTrigger(job),
	};
	return await runners[job.path]();
}

function reply(message: ChildMessage): Promise<void> {
	return new Promise((resolve) => {
		if (!process.send) throw new Error('scripts/bench/child runs only as a child of scripts/bench/main');
		process.send(message, () => resolve());
	});
}

async function main(): Promise<void> {
	const job = JSON.parse(process.argv[2] ?? '') as PathJob;
	try {
		const outcome = await runPath(job);
		// maxRSS is in kilobytes; read it before the GC below.
		const maxRssBytes = process.resourceUsage().maxRSS * 1024;
		(globalThis as { gc?: () => void }).gc?.();
		const liveHeapBytes = process.memoryUsage().heapUsed;
		await reply({ ok: true, result: { path: job.path, ...outcome, maxRssBytes, liveHeapBytes } });
	} catch (error) {
		await reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
	}
	process.exit(0);
}

void main();
