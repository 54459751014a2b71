/** The environment line and the notes that explain how each figure was measured. */
import { cpus } from 'node:os';
import { join } from 'node:path';

import { REPO_ROOT } from '../config';
import type { PathName } from '../job';
import type { Measurement } from '../measure';

function packageVersion(name: string): string {
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known at run time
		return (require(join(REPO_ROOT, 'node_modules', name, 'package.json')) as { version: string }).version;
	} catch {
		return '?';
	}
}

export function environmentOf(nodesBaseVersion: string, n8nDir: string): Record<string, string> {
	return {
		Node: process.version,
		CPUs: String(cpus().length),
		'n8n-core': packageVersion('n8n-core'),
		'n8n-workflow': packageVersion('n8n-workflow'),
		'n8n-nodes-base': `${nodesBaseVersion} (from ${n8nDir})`,
		undici: packageVersion('undici'),
	};
}

/** All paths must have delivered the same card to the same first recipient. */
function payloadParity(runs: Record<PathName, Measurement[]>): string {
	const cards = (['ours', 'httpRequest', 'floor', 'fetchNode'] as const).map((path) => runs[path][0]?.firstCard);
	const same = cards.every((card) => card !== undefined && card === cards[0]);
	return same
		? `payload check: ours, HTTP Request, undici and the bare fetch delivered the identical card to alice (task_id aside): ${cards[0]}`
		: `payload check FAILED: the paths delivered different cards: ${cards.join(' | ')}`;
}

export function benchNotes(runs: Record<PathName, Measurement[]>, sandboxPerMinute: number): string[] {
	return [
		payloadParity(runs),
		...(runs.httpRequest[0]?.notes ?? []),
		"HTTP Request's Batching pauses between batches while it starts requests and then awaits them all: it throttles the start rate, it does not cap concurrency (max in flight shows what it reached); interval 0 disables it",
		"n8n-core 2.41's HTTP helpers build a new agent per request, so HTTP Request opens a connection per request; ours sends over kept-alive connections (the global fetch) and the undici floor reuses C connections; 'connections' = TCP connections the sandbox accepted during the run, each attributed to the first request it carried",
		'wall time = one node run in n8n-core WorkflowExecute (items built beforehand) or the undici send loop; the HTTP Request and undici paths fetch their token once before the timed run, ours and the bare fetch inside it',
		"bare fetch in a node = a node that only posts each item's card with the global fetch (no parameters, checks or retries): what any node sending with fetch pays, in time against the floor and in memory against the no-op node",
		"failed = items with an error or a WeCom errcode != 0 (HTTP Request treats WeCom's HTTP 200 + errcode as success); calls/card = every sandbox call incl. gettoken ÷ delivered messages",
		"own peak RSS = VmHWM from /proc/self/status of a fresh child process per run (plain JavaScript, no TypeScript compiler loaded, cold JIT), median of the runs; not process.resourceUsage().maxRSS, which on Linux keeps the peak of the address space before execve, a copy of the parent's (see scripts/bench/memory.ts)",
		"live heap = heapUsed after full GCs once the run is over, fetch's FinalizationRegistry cleanups run between them (what the run kept alive); peak RSS also holds garbage V8 had not collected yet",
		'client CPU = the child process over the timed span; sandbox CPU = the parent process, where the sandbox runs, while the child ran',
		`sandbox rate limit raised to ${sandboxPerMinute.toLocaleString('en-US')} calls/minute for the bench (WeCom allows 10,000)`,
	];
}
