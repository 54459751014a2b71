/**
 * ensureRuntime(): Node 24 and one n8n version (WECOM_N8N_VERSION, see versions.ts) installed once
 * in its own cache folder (see config.ts), reused after. Recipe measured on this machine, the same
 * for 1.x and 2.x: `npm install --ignore-scripts n8n@<version>` (a plain install fails: a Kafka
 * dependency downloads zlib) with the version's npm `overrides`, then rebuild only the two native
 * modules n8n needs, with Node 24's headers from the node package (no node-gyp download).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

import { NODE_PACKAGE, NODE_VERSION, runtimePaths } from './config';
import type { RuntimePaths } from './config';
import { cleanEnv, log, runOrThrow, seconds } from './proc';

export interface RuntimeInfo extends RuntimePaths {
	/** False when the cache was already complete. */
	installed: boolean;
}

/** Environment for npm and n8n: Node 24 first on PATH, its headers for node-gyp. */
export function runtimeEnv(paths: RuntimePaths, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return cleanEnv({
		PATH: `${dirname(paths.nodeBin)}${delimiter}${process.env.PATH ?? ''}`,
		npm_config_nodedir: paths.nodeDir,
		...extra,
	});
}

function isReady(paths: RuntimePaths): boolean {
	if (!existsSync(paths.marker) || !existsSync(paths.nodeBin) || !existsSync(paths.n8nBin)) return false;
	try {
		const marker = JSON.parse(readFileSync(paths.marker, 'utf8')) as Record<string, string>;
		return marker.n8n === paths.n8n.version && marker.node === NODE_VERSION;
	} catch {
		return false;
	}
}

/** The mirror is incomplete: say clearly which pinned version is missing before a long install. */
async function checkRegistry(paths: RuntimePaths): Promise<void> {
	for (const spec of [`${NODE_PACKAGE}@${NODE_VERSION}`, `n8n@${paths.n8n.version}`]) {
		const { stdout } = await runOrThrow('npm', ['view', spec, 'version'], { env: runtimeEnv(paths) });
		if (stdout.trim() === '') throw new Error(`${spec} is not in the npm registry`);
		log(`registry has ${spec}`);
	}
}

function freeBytes(folder: string): number {
	const stats = statfsSync(folder);
	return stats.bavail * stats.bsize;
}

/**
 * A line every 15 s during a long step, so a cold install visibly progresses: packages in
 * node_modules and disk space used since the step began (npm resolves first, then extracts).
 */
function heartbeat(what: string, folder: string): () => void {
	const since = Date.now();
	const freeAtStart = freeBytes(dirname(folder));
	const timer = setInterval(() => {
		const count = existsSync(folder) ? readdirSync(folder).length : 0;
		const written = Math.max(0, freeAtStart - freeBytes(dirname(folder))) / 1e9;
		const phase = count === 0 ? 'resolving dependencies' : `${count} packages`;
		log(`  ... ${what}: ${seconds(since)}, ${phase}, ${written.toFixed(2)} GB written`);
	}, 15000);
	return () => clearInterval(timer);
}

async function npmStep(paths: RuntimePaths, what: string, cwd: string, args: string[]): Promise<void> {
	const since = Date.now();
	log(`${what} (npm ${args.join(' ')})`);
	const stop = heartbeat(what, join(cwd, 'node_modules'));
	try {
		await runOrThrow('npm', [...args, '--no-audit', '--no-fund', '--loglevel=warn'], {
			cwd,
			env: runtimeEnv(paths),
			echo: true,
		});
	} finally {
		stop();
	}
	log(`${what}: done in ${seconds(since)}`);
}

async function install(paths: RuntimePaths): Promise<void> {
	await checkRegistry(paths);
	const nodeRoot = dirname(dirname(paths.nodeDir));
	for (const [folder, overrides] of [
		[nodeRoot, {}],
		[paths.n8nDir, paths.n8n.installOverrides],
	] as const) {
		mkdirSync(folder, { recursive: true });
		// Own package.json: npm must not walk up into some other project.
		writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ private: true, overrides }, null, 2)}\n`);
	}
	await npmStep(paths, `Node ${NODE_VERSION}`, nodeRoot, [
		'install',
		'--ignore-scripts',
		`${NODE_PACKAGE}@${NODE_VERSION}`,
	]);
	const { stdout: nodeVersion } = await runOrThrow(paths.nodeBin, ['--version']);
	if (nodeVersion.trim() !== `v${NODE_VERSION}`) throw new Error(`unexpected Node ${nodeVersion}`);

	const { version } = paths.n8n;
	await npmStep(paths, `n8n ${version}`, paths.n8nDir, ['install', '--ignore-scripts', `n8n@${version}`]);
	// Scripts on for this step only: sqlite3 compiles from source against Node 24.
	await npmStep(paths, 'native modules for Node 24', paths.n8nDir, [
		'rebuild',
		'--ignore-scripts=false',
		'sqlite3',
		'isolated-vm',
	]);
	const { stdout: n8nVersion } = await runOrThrow(paths.nodeBin, [paths.n8nBin, '--version'], {
		cwd: paths.n8nDir,
		env: runtimeEnv(paths, { N8N_LOG_LEVEL: 'warn' }),
	});
	if (!n8nVersion.includes(version)) throw new Error(`unexpected n8n --version: ${n8nVersion}`);
	const workflowManifest = join(paths.n8nDir, 'node_modules', 'n8n-workflow', 'package.json');
	const shipped = (JSON.parse(readFileSync(workflowManifest, 'utf8')) as { version: string }).version;
	if (paths.n8n.n8nWorkflow && shipped !== paths.n8n.n8nWorkflow) {
		throw new Error(`n8n ${version} ships n8n-workflow ${shipped}, versions.ts says ${paths.n8n.n8nWorkflow}`);
	}
	log(`n8n ${version} ships n8n-workflow ${shipped}`);
	await runOrThrow(paths.nodeBin, ['-e', "require('sqlite3'); require('isolated-vm')"], {
		cwd: paths.n8nDir,
		env: runtimeEnv(paths),
	});
}

/** One installer at a time (npm start and the e2e tests may race); a dead holder's lock is taken over. */
async function withLock<T>(root: string, work: () => Promise<T>): Promise<T> {
	const lock = `${root}.lock`;
	mkdirSync(dirname(root), { recursive: true });
	for (let waited = 0; ; waited++) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			break;
		} catch {
			const holder = lockHolder(lock);
			// No pid after a while: the holder died between creating the lock and writing its pid.
			if ((holder > 0 && !isAlive(holder)) || (holder === 0 && waited >= 5)) {
				rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (waited % 15 === 0) log(`waiting for another install of the n8n runtime (pid ${holder || '?'})`);
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await work();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

function lockHolder(lock: string): number {
	try {
		return Number(readFileSync(join(lock, 'pid'), 'utf8')) || 0;
	} catch {
		return 0;
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

export async function ensureRuntime(paths = runtimePaths()): Promise<RuntimeInfo> {
	if (isReady(paths)) {
		log(`n8n ${paths.n8n.version} on Node ${NODE_VERSION}: cached in ${paths.root}`);
		return { ...paths, installed: false };
	}
	return await withLock(paths.root, async () => {
		if (isReady(paths)) return { ...paths, installed: false };
		const since = Date.now();
		log(
			`Installing n8n ${paths.n8n.version} and Node ${NODE_VERSION} into ${paths.root} (once per version: about 6-12 minutes, 3 GB, plus 0.8 GB in the npm cache)`,
		);
		await install(paths);
		const marker = {
			n8n: paths.n8n.version,
			overrides: paths.n8n.installOverrides,
			node: NODE_VERSION,
			installedAt: new Date().toISOString(),
			seconds: (Date.now() - since) / 1000,
		};
		writeFileSync(paths.marker, `${JSON.stringify(marker, null, 2)}\n`);
		log(`n8n runtime ready in ${seconds(since)}`);
		return { ...paths, installed: true };
	});
}
