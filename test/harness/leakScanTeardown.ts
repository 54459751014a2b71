/**
 * jest globalTeardown: scans everything the suite recorded for every registered secret,
 * prints a one-line summary, deletes the run folder and fails the run on any hit.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { currentRunFolder, RUN_FOLDER_PREFIX } from './leakRunFolder';
import { formatLeakHits, formatLeakSummary, scanForLeaks } from './leakScan';

/** Set to 1 to keep the run folder (records and secrets) for debugging the harness. */
const KEEP_ENV = 'WECOM_LEAKSCAN_KEEP';

const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/** Run folders of crashed or killed runs never reach a teardown: drop them after a day. */
function removeStaleRunFolders(current: string): void {
	const root = tmpdir();
	for (const name of readdirSync(root)) {
		const path = join(root, name);
		if (!name.startsWith(RUN_FOLDER_PREFIX) || path === current) continue;
		try {
			if (Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { recursive: true, force: true });
		} catch {
			// another run may be removing it at the same time
		}
	}
}

export default async function leakScanTeardown(): Promise<void> {
	const folder = currentRunFolder();
	removeStaleRunFolders(folder);
	if (!existsSync(folder)) {
		console.log('leak scan: 0 records, 0 secrets, 0 hits (nothing was recorded)');
		return;
	}
	const result = scanForLeaks({ folder });
	console.log(formatLeakSummary(result));
	// Records can hold the leaked values themselves: only keep them when asked to debug.
	if (process.env[KEEP_ENV] === '1') console.log(`leak scan: records kept in ${folder}`);
	else rmSync(folder, { recursive: true, force: true });
	if (result.hits.length > 0) {
		throw new Error(
			`Secrets leaked into test-visible output (${result.hits.length} hits):\n${formatLeakHits(result.hits)}`,
		);
	}
}
