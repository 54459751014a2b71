/**
 * One measured child process: runs one path once and reports its result and its own memory
 * figures (memory.ts) to the parent over IPC. The parent starts it from the transpiled copy (see transpile.ts), so no
 * TypeScript compiler sits in the measured memory.
 */
import type { ChildMessage, PathJob, PathName, PathOutcome } from './job';
import { liveHeapBytesAfterGc, ownPeakRssBytes, rusageMaxRssBytes } from './memory';

// n8n-core reads its settings folder when it loads: the environment comes first.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an import would be hoisted above that
require('../../test/harness/n8nEnv');

async function runPath(job: PathJob): Promise<PathOutcome> {
	const runners: Record<PathName, () => Promise<PathOutcome>> = {
		ours: async () => (await import('./paths/ours')).runOurs(job),
		httpRequest: async () => (await import('./paths/httpRequest')).runHttpRequest(job),
		floor: async () => (await import('./paths/floor')).runFloor(job),
		fetchNode: async () => (await import('./paths/fetchNode')).runFetchNode(job),
		noop: async () => (await import('./paths/noop')).runNoop(job),
		trigger: async () => (await import('./paths/trigger')).runTrigger(job),
		idle: async () => (await import('./paths/idle')).runIdle(),
		form: async () => (await import('./paths/form')).runForm(job),
		faults: async () => (await import('./paths/faults')).runFaults(job),
	};
	return await runners[job.path]();
}

function reply(message: ChildMessage): Promise<void> {
	return new Promise((resolve) => {
		if (!process.send) throw new Error('scripts/bench/child runs only as a child of scripts/bench/main');
		process.send(message, () => resolve());
	});
}

async function startExpressionEngine(job: PathJob): Promise<void> {
	if (job.expressionEngine !== 'vm') return;
	const { startVmExpressionEngine } = await import('../../test/harness/expressionEngine');
	await startVmExpressionEngine();
}

async function main(): Promise<void> {
	const job = JSON.parse(process.argv[2] ?? '') as PathJob;
	try {
		await startExpressionEngine(job);
		const outcome = await runPath(job);
		// Peaks first: the GC below allocates too.
		const peakRssBytes = ownPeakRssBytes();
		const rusageMaxRss = rusageMaxRssBytes();
		const liveHeapBytes = await liveHeapBytesAfterGc();
		await reply({
			ok: true,
			result: { path: job.path, ...outcome, peakRssBytes, rusageMaxRssBytes: rusageMaxRss, liveHeapBytes },
		});
	} catch (error) {
		await reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
	}
	process.exit(0);
}

void main();
