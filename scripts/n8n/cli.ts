/**
 * n8n's own CLI for what has no public REST call: import credentials and workflows (before the
 * server starts, so only one process writes the fresh database), and `n8n execute`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RuntimePaths } from './config';
import { n8nEnv } from './env';
import type { N8nEnvOptions } from './env';
import { run, runOrThrow } from './proc';

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	/** Plain values: n8n encrypts them with the user folder's key on import. */
	data: Record<string, unknown>;
}

async function n8n(paths: RuntimePaths, options: N8nEnvOptions, args: string[]): Promise<string> {
	const { stdout } = await runOrThrow(paths.nodeBin, [paths.n8nBin, ...args], {
		cwd: options.userFolder,
		env: n8nEnv(paths, { logLevel: 'warn', ...options }),
	});
	return stdout;
}

export async function importCredentials(
	paths: RuntimePaths,
	options: N8nEnvOptions,
	credentials: CredentialImport[],
): Promise<void> {
	const file = join(options.userFolder, 'import', 'credentials.json');
	mkdirSync(join(options.userFolder, 'import'), { recursive: true });
	writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
	await n8n(paths, options, ['import:credentials', `--input=${file}`]);
}

/** Imports every *.json file of `folder` in one n8n process (one boot instead of one per file). */
export async function importWorkflows(paths: RuntimePaths, options: N8nEnvOptions, folder: string): Promise<void> {
	await n8n(paths, options, ['import:workflow', '--separate', `--input=${folder}`]);
}

/** What `n8n execute --rawOutput` prints: the IRun (status, and per-node run data). */
export interface ExecutedRun {
	status: string;
	data: {
		resultData: {
			error?: { message?: string };
			runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>>;
		};
	};
}

export interface ExecuteResult {
	run: ExecutedRun;
	/** Everything the process printed (for the leak check). */
	output: string;
	seconds: number;
	/** Set when n8n crashed while exiting, after it had printed a successful run. */
	crashedOnExit?: NodeJS.Signals;
}

/**
 * `n8n execute --id`: needs its own task-broker port while `n8n start` runs.
 * n8n 2.41.1 sometimes segfaults while exiting (about 1 run in 20 here), after the run has
 * finished and been printed: such a run counts, with `crashedOnExit` set so callers report it.
 * Anything else that is not a clean exit throws.
 */
export async function executeWorkflow(
	paths: RuntimePaths,
	options: N8nEnvOptions,
	workflowId: string,
): Promise<ExecuteResult> {
	const started = Date.now();
	// The run JSON is printed at log level info: warn would print nothing at all.
	const args = [paths.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'];
	const result = await run(paths.nodeBin, args, {
		cwd: options.userFolder,
		env: n8nEnv(paths, { ...options, logLevel: 'info' }),
	});
	const output = `${result.stdout}\n${result.stderr}`;
	const failed = () =>
		new Error(`n8n execute --id=${workflowId}: ${result.signal ?? `exit code ${result.code}`}\n${output.slice(-3000)}`);
	// The run is printed as indented JSON (from a `{` line to a `}` line) among log lines.
	const json = /^\{$[\s\S]*?^\}$/m.exec(result.stdout)?.[0];
	let parsed: ExecutedRun;
	try {
		parsed = JSON.parse(json ?? '') as ExecutedRun;
	} catch {
		throw failed();
	}
	const crashedAfterSuccess = result.signal === 'SIGSEGV' && parsed.status === 'success';
	if (result.code !== 0 && !crashedAfterSuccess) throw failed();
	return {
		run: parsed,
		output,
		seconds: (Date.now() - started) / 1000,
		...(crashedAfterSuccess && { crashedOnExit: result.signal }),
	};
}
