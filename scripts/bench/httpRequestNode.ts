/**
 * n8n's HTTP Request node, loaded from the cached n8n install (scripts/n8n) into our harness.
 *
 * n8n-nodes-base would otherwise load the cache's own copies of n8n-workflow and n8n-core, whose
 * classes (errors, NodeHelpers, the execution context) differ from the engine's. The least
 * invasive fix: a module resolution hook that answers `n8n-workflow` / `n8n-core` (and their
 * subpaths) requested from inside the cache with the repo's copies. Everything else the node
 * needs resolves inside the cache as n8n itself would.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join, sep } from 'node:path';

import type { IVersionedNodeType } from 'n8n-workflow';

import { REPO_ROOT } from './config';

export const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';
const SHARED_PACKAGES = ['n8n-workflow', 'n8n-core'];

export interface HttpRequestNodeInfo {
	packageDir: string;
	packageVersion: string;
}

export interface LoadedHttpRequestNode extends HttpRequestNodeInfo {
	nodeType: IVersionedNodeType;
	/** The version n8n's editor gives a new HTTP Request node (its defaultVersion). */
	typeVersion: number;
}

/**
 * The node's Options → Batching. It pauses `batchInterval` ms after every `batchSize` items while
 * it *starts* requests, then awaits them all together: a start-rate throttle, not a concurrency
 * limit, and an interval of 0 turns it off (every item's request starts at once). The closest it
 * gets to concurrency C is batchSize C with the smallest interval, 1 ms (BENCH_HTTP_BATCH_INTERVAL_MS).
 */
export function httpRequestBatching(
	concurrency: number,
	intervalMs?: number,
): { batchSize: number; batchInterval: number } {
	const interval = intervalMs ?? Number(process.env.BENCH_HTTP_BATCH_INTERVAL_MS ?? 1);
	return { batchSize: concurrency, batchInterval: Number.isFinite(interval) && interval >= 0 ? interval : 1 };
}

export function httpRequestNodeInfo(n8nDir: string): HttpRequestNodeInfo {
	const packageDir = join(n8nDir, 'node_modules', 'n8n-nodes-base');
	const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
	return { packageDir, packageVersion: version };
}

type ResolveFilename = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;

let hooked = false;

function resolveSharedPackagesToOurs(cacheModules: string): void {
	if (hooked) return;
	hooked = true;
	const loader = Module as unknown as { _resolveFilename: ResolveFilename };
	const original = loader._resolveFilename;
	const ours = (request: string) => require.resolve(request, { paths: [REPO_ROOT] });
	loader._resolveFilename = function (request, parent, ...rest) {
		const fromCache = parent?.filename?.startsWith(cacheModules + sep) ?? false;
		const shared = SHARED_PACKAGES.some((name) => request === name || request.startsWith(`${name}/`));
		return fromCache && shared ? ours(request) : original.call(this, request, parent, ...rest);
	};
}

export function loadHttpRequestNode(n8nDir: string): LoadedHttpRequestNode {
	const info = httpRequestNodeInfo(n8nDir);
	resolveSharedPackagesToOurs(join(n8nDir, 'node_modules'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n's own file, found at run time
	const { HttpRequest } = require(join(info.packageDir, 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js')) as {
		HttpRequest: new () => IVersionedNodeType;
	};
	const nodeType = new HttpRequest();
	return { ...info, nodeType, typeVersion: nodeType.currentVersion };
}
