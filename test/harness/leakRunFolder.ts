/**
 * The folder one jest run shares between its workers and its globalTeardown.
 *
 * No globalSetup exists to hand out a run id, so both sides derive it from the jest parent
 * process: its pid plus its start time (from /proc, so a recycled pid never reuses an old
 * folder). Only node builtins here: the teardown loads this file outside the test sandbox.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

export const RUN_FOLDER_PREFIX = 'wecom-card-leakscan-';

/** Overrides the derived folder (for example if a globalSetup is added later). */
export const RUN_FOLDER_ENV = 'WECOM_LEAKSCAN_DIR';

/** Start time of a process in clock ticks since boot, or '' where /proc is not available. */
function processStartTicks(pid: number): string {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may contain spaces, so count fields after its ')'.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return fields[19] ?? '';
	} catch {
		return '';
	}
}

/**
 * The pid of the jest parent process. Test files run either in that process (runInBand,
 * worker threads) or in a child forked by jest-worker, whose entry script is processChild.js.
 */
export function jestParentPid(): number {
	const entry = process.argv[1] ?? '';
	const isForkedWorker = isMainThread && /jest-worker[\\/].*processChild/.test(entry);
	return isForkedWorker ? process.ppid : process.pid;
}

export function runFolderName(pid: number): string {
	const ticks = processStartTicks(pid);
	return `${RUN_FOLDER_PREFIX}${pid}${ticks ? `-${ticks}` : ''}`;
}

export function currentRunFolder(): string {
	const override = process.env[RUN_FOLDER_ENV];
	if (override) return override;
	return join(tmpdir(), runFolderName(jestParentPid()));
}
