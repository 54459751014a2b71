/**
 * The whole local setup, shared by `npm start` and the e2e tests: the package built, packed and
 * installed into a fresh n8n user folder the way n8n does it, the WeCom sandbox, the sandbox
 * credentials and the example workflows imported, `n8n start` ready, the owner created and the
 * trigger-started examples published.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox';
import { importCredentials, importWorkflows } from './cli';
import type { N8nEnvOptions } from './env';
import {
	declaredCredentialFiles,
	EXAMPLES_DIR,
	exampleWorkflows,
	isPublishable,
	sandboxCredentials,
	webhookPaths,
} from './examples';
import type { WorkflowFile } from './examples';
import { buildPackage, installPackageLikeN8n, packPackage } from './installPackage';
import { declaredTypes } from './packageTypes';
import { freePort } from './ports';
import { log } from './proc';
import { N8nRest } from './rest';
import { ensureRuntime } from './runtime';
import type { RuntimeInfo } from './runtime';
import { startN8n } from './server';
import type { N8nServer } from './server';

export const DEFAULT_SANDBOX_PORT = 8931;
export const DEFAULT_N8N_PORT = 5678;

export interface StackOptions {
	/** Preferred ports; a busy one is replaced by a free one. */
	sandboxPort?: number;
	n8nPort?: number;
	/** Keep the n8n user folder after close() (for debugging). */
	keepUserFolder?: boolean;
	/** Sandbox settings other than the port (e.g. a short tokenTtlSeconds for token-lifecycle tests). */
	sandbox?: Omit<SandboxOptions, 'port'>;
	/** Install this `npm pack` tarball instead of building and packing the repository (e.g. an older build). */
	tarball?: string;
}

export interface ImportedWorkflow extends WorkflowFile {
	webhooks: string[];
	published: boolean;
	/** Why publishing failed, if it did. */
	problem?: string;
}

export interface Stack {
	runtime: RuntimeInfo;
	userFolder: string;
	sandbox: Sandbox;
	server: N8nServer;
	rest: N8nRest;
	env: N8nEnvOptions;
	types: { nodes: string[]; credentials: string[] };
	workflows: ImportedWorkflow[];
	/** RSS of n8n and its task runner once ready, in MB. */
	rssAtReadyMb: number;
	/** Seconds per step, in order. */
	timings: Array<[step: string, seconds: number]>;
	/** Options for a second n8n process next to the server (its own task-broker port). */
	sideProcessEnv(): Promise<N8nEnvOptions>;
	close(): Promise<void>;
}

async function startSandboxOn(preferred: number, options: Omit<SandboxOptions, 'port'> = {}): Promise<Sandbox> {
	try {
		return await startSandbox({ ...options, port: preferred });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
		log(`port ${preferred} is busy: the sandbox takes a free one`);
		return await startSandbox({ ...options, port: 0 });
	}
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const timings: Stack['timings'] = [];
	const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
		const since = Date.now();
		log(`${name} ...`);
		const result = await work();
		timings.push([name, (Date.now() - since) / 1000]);
		log(`${name}: ${((Date.now() - since) / 1000).toFixed(1)} s`);
		return result;
	};
	const cleanups: Array<() => Promise<void>> = [];
	const close = async () => {
		for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
	};

	try {
		const runtime = await step('n8n runtime', () => ensureRuntime());
		const sandbox = await step('WeCom sandbox', () =>
			startSandboxOn(options.sandboxPort ?? DEFAULT_SANDBOX_PORT, options.sandbox),
		);
		cleanups.push(() => sandbox.close());
		const userFolder = mkdtempSync(join(tmpdir(), 'wecom-n8n-'));
		if (!options.keepUserFolder) cleanups.push(async () => rmSync(userFolder, { recursive: true, force: true }));
		// Imports bind no port; the server's ports are chosen right before it starts.
		const importEnv: N8nEnvOptions = { userFolder, port: DEFAULT_N8N_PORT, brokerPort: DEFAULT_N8N_PORT + 1 };
		const workflows = exampleWorkflows();

		// Independent, so they overlap: our build and install (tsc), and n8n's imports (which
		// create the database) need nothing from each other.
		const buildAndPack = async () => {
			await step('build (npm run build)', () => buildPackage());
			const packed = await step('npm pack', () => packPackage());
			cleanups.push(async () => rmSync(join(packed, '..'), { recursive: true, force: true }));
			return packed;
		};
		const installed = (async () => {
			const tarball = options.tarball ?? (await buildAndPack());
			await step('install the package like n8n does', () => installPackageLikeN8n(runtime, userFolder, tarball));
		})();
		const imported = step('import credentials and example workflows', async () => {
			await importCredentials(runtime, importEnv, sandboxCredentials(sandbox.url, declaredCredentialFiles()));
			const folder = join(userFolder, 'import', 'workflows');
			mkdirSync(folder, { recursive: true });
			for (const workflow of workflows) {
				copyFileSync(
					join(EXAMPLES_DIR, workflow.file),
					join(folder, workflow.file.replace(/\.workflow\.json$/, '.json')),
				);
			}
			await importWorkflows(runtime, importEnv, folder);
		});
		await Promise.all([installed, imported]);
		const types = declaredTypes();

		const { server, env } = await step('n8n start (until /healthz/readiness)', () =>
			startOnFreePorts(runtime, userFolder, options.n8nPort ?? DEFAULT_N8N_PORT),
		);
		cleanups.push(() => server.stop());
		const rest = new N8nRest(server.url);
		await step('owner setup', () => rest.setupOwner());

		const published = await step('publish trigger-started examples', () => publishAll(rest, workflows));
		const rssAtReadyMb = server.rssMb();
		return {
			runtime,
			userFolder,
			sandbox,
			server,
			rest,
			env,
			types,
			workflows: published,
			rssAtReadyMb,
			timings,
			sideProcessEnv: async () => ({ ...env, brokerPort: await freePort(0, [env.port, env.brokerPort]) }),
			close,
		};
	} catch (error) {
		await close();
		throw error;
	}
}

/**
 * A free port for n8n (the preferred one if free) and one for its task broker (5679 next to the
 * default 5678, else any). Another process can take a port between the check and n8n binding
 * it: then n8n exits saying so, and it is tried once more on new ports.
 */
async function startOnFreePorts(
	runtime: RuntimeInfo,
	userFolder: string,
	preferred: number,
): Promise<{ server: N8nServer; env: N8nEnvOptions }> {
	for (let attempt = 1; ; attempt++) {
		const port = await freePort(attempt === 1 ? preferred : 0);
		const brokerPort = await freePort(port === DEFAULT_N8N_PORT ? port + 1 : 0, [port]);
		const env: N8nEnvOptions = { userFolder, port, brokerPort };
		try {
			return { server: await startN8n(runtime, env), env };
		} catch (error) {
			if (attempt >= 2 || !/already in use/i.test((error as Error).message)) throw error;
			log(`a port was taken while n8n started (${port}/${brokerPort}); trying other ports`);
		}
	}
}

async function publishAll(rest: N8nRest, workflows: WorkflowFile[]): Promise<ImportedWorkflow[]> {
	const result: ImportedWorkflow[] = [];
	for (const workflow of workflows) {
		const entry: ImportedWorkflow = { ...workflow, webhooks: webhookPaths(workflow), published: false };
		if (isPublishable(workflow)) {
			try {
				await rest.publishWorkflow(workflow.id);
				entry.published = true;
			} catch (error) {
				entry.problem = (error as Error).message;
				log(`could not publish ${workflow.file}: ${entry.problem}`);
			}
		}
		result.push(entry);
	}
	return result;
}
