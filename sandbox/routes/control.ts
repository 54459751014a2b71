import type { ServerResponse } from 'node:http';
import { faultSpecProblem } from '../faults';
import { isPlainObject, parseJson, sendJson } from '../http';
import type { SandboxState } from '../state';
import type { FaultSpec } from '../types';

/** A call to the sandbox's own JSON API under /sandbox/ (never part of WeCom). */
export interface ControlRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	bodyText: string;
}

function addFaults(state: SandboxState, bodyText: string, res: ServerResponse): void {
	const parsed = parseJson(bodyText);
	if (!parsed.ok) return sendJson(res, 400, { ok: false, error: 'body must be JSON' });
	const specs: unknown[] = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
	const problem = specs.map(faultSpecProblem).find((p) => p !== undefined);
	if (problem) return sendJson(res, 400, { ok: false, error: problem });
	const ids = specs.map((spec) => state.faults.add(spec as FaultSpec));
	sendJson(res, 200, { ok: true, ids });
}

function advanceClock(state: SandboxState, bodyText: string, res: ServerResponse): void {
	const parsed = parseJson(bodyText);
	const advanceMs = parsed.ok && isPlainObject(parsed.value) ? parsed.value.advanceMs : undefined;
	if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
		return sendJson(res, 400, { ok: false, error: 'body must be {"advanceMs": <ms >= 0>}' });
	}
	state.advanceClock(advanceMs);
	sendJson(res, 200, { ok: true, now: state.now() });
}

function rotateSecret(state: SandboxState, bodyText: string, res: ServerResponse): void {
	const parsed = parseJson(bodyText);
	const body = parsed.ok && isPlainObject(parsed.value) ? parsed.value : {};
	const { corpId, agentId, secret } = body;
	if (typeof corpId !== 'string' || typeof agentId !== 'number' || typeof secret !== 'string') {
		return sendJson(res, 400, {
			ok: false,
			error: 'body must be {"corpId": "...", "agentId": <number>, "secret": "..."}',
		});
	}
	try {
		state.rotateSecret(corpId, agentId, secret);
	} catch (error) {
		return sendJson(res, 400, { ok: false, error: (error as Error).message });
	}
	sendJson(res, 200, { ok: true });
}

/**
 * GET  /sandbox/health | messages | stats | faults | issued-tokens | cards?userid= | member-drops
 *      | connections
 * POST /sandbox/reset | invalidate-tokens | expire-tokens | faults (spec or [specs])
 *      | clock ({advanceMs}) | rotate-secret ({corpId, agentId, secret})
 * DELETE /sandbox/faults
 */
export function handleControl(req: ControlRequest, state: SandboxState, res: ServerResponse): void {
	const route = `${req.method} ${req.path}`;
	switch (route) {
		case 'GET /sandbox/health':
			return sendJson(res, 200, {
				ok: true,
				corps: [...state.corps.values()].map(({ corp }) => ({
					corpId: corp.corpId,
					agentIds: corp.apps.map((a) => a.agentId),
				})),
				robots: state.robots.size,
				now: state.now(),
			});
		case 'GET /sandbox/messages':
			return sendJson(res, 200, state.messages());
		case 'GET /sandbox/stats':
			return sendJson(res, 200, state.stats());
		case 'GET /sandbox/faults':
			return sendJson(res, 200, state.faults.list());
		case 'GET /sandbox/issued-tokens':
			return sendJson(res, 200, state.tokens.issued());
		case 'GET /sandbox/cards':
			return sendJson(res, 200, state.cardsFor(req.query.get('userid') ?? ''));
		case 'GET /sandbox/member-drops':
			return sendJson(res, 200, state.memberLimiter.list());
		case 'GET /sandbox/connections':
			return sendJson(res, 200, state.connections.snapshot());
		case 'POST /sandbox/reset':
			state.reset();
			return sendJson(res, 200, { ok: true });
		case 'POST /sandbox/invalidate-tokens':
			state.tokens.invalidateAll();
			return sendJson(res, 200, { ok: true });
		case 'POST /sandbox/expire-tokens':
			state.tokens.expireAll(state.now());
			return sendJson(res, 200, { ok: true });
		case 'POST /sandbox/rotate-secret':
			return rotateSecret(state, req.bodyText, res);
		case 'POST /sandbox/faults':
			return addFaults(state, req.bodyText, res);
		case 'DELETE /sandbox/faults':
			state.faults.clear();
			return sendJson(res, 200, { ok: true });
		case 'POST /sandbox/clock':
			return advanceClock(state, req.bodyText, res);
		default:
			return sendJson(res, 404, { ok: false, error: `unknown sandbox route: ${route}` });
	}
}
