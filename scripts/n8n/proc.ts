/**
 * Child processes for the n8n scripts: timestamped progress lines, and an environment free of
 * what `npm start` exports about this repository (npm_config_ignore_scripts=true from our .npmrc
 * would silently turn `npm rebuild` into a no-op; local_prefix points npm at the repository).
 * Other npm_config_* (a registry or cache set by CI) pass through.
 */
import { spawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
import { constants } from 'node:os';

const started = Date.now();

export function log(message: string): void {
	const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
	process.stdout.write(`[${seconds}s] ${message}\n`);
}

export function seconds(sinceMs: number): string {
	return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}

const REPOSITORY_NPM_VARIABLES =
	/^(npm_(lifecycle|package)_.*|npm_config_(ignore_scripts|local_prefix|call|nodedir)|npm_(command|execpath|node_execpath)|INIT_CWD|NODE)$/i;
/** jest sets NODE_ENV=test, and n8n 2.41 then exits with code 1 without a word. */
const TEST_RUNNER_VARIABLES = /^(NODE_ENV|JEST_WORKER_ID)$/;

/** process.env without what npm and jest exported about this repository, plus `extra`. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (!REPOSITORY_NPM_VARIABLES.test(name) && !TEST_RUNNER_VARIABLES.test(name)) env[name] = value;
	}
	return { ...env, ...extra };
}

export interface RunResult {
	/** The exit code; 128 + the signal number when a signal ended the process (as shells report it). */
	code: number;
	signal?: NodeJS.Signals;
	stdout: string;
	stderr: string;
}

/** Runs a command to completion. `echo` streams its output while still capturing it. */
export function run(
	command: string,
	args: string[],
	options: SpawnOptions & { echo?: boolean; input?: string } = {},
): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (options.echo) process.stdout.write(chunk);
		});
		child.stderr?.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
			if (options.echo) process.stderr.write(chunk);
		});
		child.on('error', reject);
		child.on('close', (code, signal) =>
			resolve({
				code: code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0),
				signal: signal ?? undefined,
				stdout,
				stderr,
			}),
		);
		// A child that exits before reading its input must not crash us with EPIPE.
		child.stdin?.on('error', () => undefined);
		child.stdin?.end(options.input ?? '');
	});
}

/** Like run(), but throws with the command's output tail when it fails. */
export async function runOrThrow(
	command: string,
	args: string[],
	options: SpawnOptions & { echo?: boolean; input?: string } = {},
): Promise<RunResult> {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		const tail = (text: string) => text.trim().split('\n').slice(-15).join('\n');
		const how = result.signal ? `was killed by ${result.signal}` : `exited with ${result.code}`;
		throw new Error(
			`${command} ${args.join(' ')} ${how}\n--- stdout (end) ---\n${tail(result.stdout)}\n--- stderr (end) ---\n${tail(result.stderr)}`,
		);
	}
	return result;
}
