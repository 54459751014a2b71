/**
 * `n8n start` as a child process: its output goes to a log file (kept for error messages and
 * for the e2e leak check), readiness is polled, and stop() ends it the way Ctrl-C would.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RuntimePaths } from './config';
import { n8nEnv } from './env';
import type { N8nEnvOptions } from './env';
import { READY_PATHS } from './versions';

export interface N8nServer {
	url: string;
	logFile: string;
	child: ChildProcess;
	/** Everything n8n printed so far. */
	output(): string;
	/** Resident memory of the n8n process (and its task runner), in MB, from /proc. */
	rssMb(): number;
	stop(): Promise<void>;
}

export async function startN8n(paths: RuntimePaths, options: N8nEnvOptions): Promise<N8nServer> {
	const logFile = join(options.userFolder, 'n8n.log');
	const log = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(paths.nodeBin, [paths.n8nBin, 'start'], {
		cwd: options.userFolder,
		env: n8nEnv(paths, options),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	// The log is complete once both pipes are drained and the file stream has flushed.
	const logWritten = new Promise<void>((resolve) => {
		child.once('close', () => log.end(resolve));
	});

	const url = `http://127.0.0.1:${options.port}`;
	const server: N8nServer = {
		url,
		logFile,
		child,
		output: () => readFileSync(logFile, 'utf8'),
		rssMb: () => treeRssMb(child.pid ?? 0),
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
				await exited;
				clearTimeout(timer);
			}
			await logWritten;
		},
	};
	try {
		await waitReady(url, exited);
	} catch (error) {
		await server.stop();
		const tail = server.output().trim().split('\n').slice(-30).join('\n');
		throw new Error(`${(error as Error).message}\n--- last lines of ${logFile} ---\n${tail}`);
	}
	return server;
}

/** Ready once every READY_PATHS answers 200 (see versions.ts for why there are several). */
async function waitReady(url: string, exited: Promise<number | null>, timeoutMs = 180000): Promise<void> {
	let stopped: number | null | undefined;
	void exited.then((code) => (stopped = code));
	const deadline = Date.now() + timeoutMs;
	const waiting = [...READY_PATHS];
	while (Date.now() < deadline) {
		if (stopped !== undefined) throw new Error(`n8n exited with code ${stopped} before it was ready`);
		try {
			const response = await fetch(`${url}${waiting[0]}`);
			if (response.ok) waiting.shift();
			if (waiting.length === 0) return;
			if (response.ok) continue;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n was not ready within ${timeoutMs / 1000} s (waiting for ${waiting[0]})`);
}

/** RSS of a process and its descendants (n8n starts its JS task runner as a child). */
function treeRssMb(pid: number): number {
	let total = 0;
	const visit = (current: number): void => {
		try {
			const status = readFileSync(`/proc/${current}/status`, 'utf8');
			total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			const children = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8').trim();
			for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
		} catch {
			// gone
		}
	};
	visit(pid);
	return Math.round(total / 1024);
}
