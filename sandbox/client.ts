/**
 * A tiny HTTP client for the sandbox: raw WeCom calls for tests, and the /sandbox/ control API for
 * driving a sandbox that runs in another process (for example next to a real n8n).
 */
import type { ConnectionCounts } from './network/connectionCounter';
import type { ApprovalChangeResult, ApprovalDecision, ApprovalSubmission } from './approvals/control';
import type { StoredApproval } from './approvals/store';
import type { ActiveFault, DeliveredMessage, FaultSpec, MemberDrop, SandboxStats, UserCard } from './types';

export interface CallOptions {
	method?: 'GET' | 'POST' | 'DELETE';
	query?: Record<string, string | number | undefined>;
	/** Sent as JSON. */
	body?: unknown;
	/** Sent verbatim (for malformed or key-order-sensitive bodies); wins over body. */
	rawBody?: string;
}

export interface CallResult<T = Record<string, unknown>> {
	status: number;
	/** Parsed JSON, or undefined when the answer is not JSON (gateway errors). */
	json: T;
	text: string;
}

export async function callSandbox<T = Record<string, unknown>>(
	baseUrl: string,
	path: string,
	options: CallOptions = {},
): Promise<CallResult<T>> {
	const url = new URL(path, baseUrl);
	for (const [name, value] of Object.entries(options.query ?? {})) {
		if (value !== undefined) url.searchParams.set(name, String(value));
	}
	const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
	const method = options.method ?? (payload === undefined ? 'GET' : 'POST');
	// The control API refuses anything but GET without this header (see crossSite.ts).
	const response = await fetch(url, {
		method,
		headers: method === 'GET' ? undefined : { 'Content-Type': 'application/json' },
		body: payload,
	});
	const text = await response.text();
	let json: T;
	try {
		json = JSON.parse(text) as T;
	} catch {
		json = undefined as T;
	}
	return { status: response.status, json, text };
}

type ApprovalControlAnswer = ({ ok: true } & ApprovalChangeResult) | { ok: false; error: string };

/** The /sandbox/ control API over HTTP. */
export function sandboxControl(baseUrl: string) {
	const get = async <T>(path: string): Promise<T> => (await callSandbox<T>(baseUrl, path)).json;
	const post = async <T>(path: string, body: unknown = {}): Promise<T> =>
		(await callSandbox<T>(baseUrl, path, { method: 'POST', body })).json;
	return {
		health: () => get<{ ok: boolean; corps: { corpId: string; agentIds: number[] }[]; now: number }>('/sandbox/health'),
		messages: () => get<DeliveredMessage[]>('/sandbox/messages'),
		stats: () => get<SandboxStats>('/sandbox/stats'),
		connections: () => get<ConnectionCounts>('/sandbox/connections'),
		cardsFor: (userid: string) => get<UserCard[]>(`/sandbox/cards?userid=${encodeURIComponent(userid)}`),
		issuedTokens: () => get<string[]>('/sandbox/issued-tokens'),
		faults: () => get<ActiveFault[]>('/sandbox/faults'),
		addFaults: (specs: FaultSpec | FaultSpec[]) =>
			post<{ ok: boolean; ids?: string[]; error?: string }>('/sandbox/faults', specs),
		clearFaults: async () => (await callSandbox(baseUrl, '/sandbox/faults', { method: 'DELETE' })).json,
		reset: () => post<{ ok: boolean }>('/sandbox/reset'),
		invalidateTokens: () => post<{ ok: boolean }>('/sandbox/invalidate-tokens'),
		expireTokens: () => post<{ ok: boolean }>('/sandbox/expire-tokens'),
		rotateSecret: (corpId: string, agentId: number, secret: string) =>
			post<{ ok: boolean; error?: string }>('/sandbox/rotate-secret', { corpId, agentId, secret }),
		memberDrops: () => get<MemberDrop[]>('/sandbox/member-drops'),
		advanceClock: (advanceMs: number) => post<{ ok: boolean; now: number }>('/sandbox/clock', { advanceMs }),
		approvals: () => get<StoredApproval[]>('/sandbox/approvals'),
		submitApproval: (submission: ApprovalSubmission) => post<ApprovalControlAnswer>('/sandbox/approvals', submission),
		decideApproval: (decision: ApprovalDecision) => post<ApprovalControlAnswer>('/sandbox/approvals/decide', decision),
	};
}
