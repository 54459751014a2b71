/** Starts one measured child process (plain JavaScript, see transpile.ts) and awaits its report. */
import { fork } from 'node:child_process';
import { join } from 'node:path';

import { REPO_ROOT } from './config';
import type { ChildMessage, PathJob, PathResult } from './job';

export interface ChildRunner {
	run(job: PathJob): Promise<PathResult>;
}

/**
 * --expose-gc only lets the child measure its live heap after the timed run. BENCH_PROFILE=1
 * writes a V8 CPU profile per child into build/bench/profiles (open it in Chrome DevTools).
 */
function childExecArgv(job: PathJob): string[] {
	const argv = ['--expose-gc'];
	if (process.env.BENCH_PROFILE === '1') {
		argv.push(
			'--cpu-prof',
			`--cpu-prof-dir=${join(REPO_ROOT, 'build', 'bench', 'profiles')}`,
			`--cpu-prof-name=${job.path}-${job.runTag}.cpuprofile`,
		);
	}
	return argv;
}

/** `execPath`: the node binary of the children (default: this one); `env`: added to their environment. */
export function childRunner(
	jsFolder: string,
	leakScanFolder: string,
	execPath = process.execPath,
	env: Record<string, string> = {},
): ChildRunner {
	const entry = join(jsFolder, 'scripts', 'bench', 'child.js');
	return {
		run: (job) =>
			new Promise<PathResult>((resolve, reject) => {
				let answer: ChildMessage | undefined;
				const child = fork(entry, [JSON.stringify(job)], {
					cwd: REPO_ROOT,
					env: { ...process.env, ...env, WECOM_LEAKSCAN_DIR: leakScanFolder },
					execPath,
					execArgv: childExecArgv(job),
					stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
				});
				child.on('message', (message: ChildMessage) => {
					answer = message;
				});
				child.on('error', reject);
				child.on('exit', (code, signal) => {
					if (answer?.ok) resolve(answer.result);
					else if (answer) reject(new Error(`${job.path} child failed: ${answer.error}`));
					else reject(new Error(`${job.path} child exited (${signal ?? code}) without a result`));
				});
			}),
	};
}
