import type { ServerResponse } from 'node:http';

import { isPlainObject, parseJson, sendJson } from '../http';
import type { ControlRequest } from '../routes/control';
import { SandboxActionError } from './config';
import type { CallbackHub } from './hub';
import type { ApprovalAction, CallbackConfigInput, ClickAction, VerifyCallbackOptions } from './types';

type Handler = (hub: CallbackHub, body: Record<string, unknown>, query: URLSearchParams) => unknown;

const optionalNumber = (value: string | null) => (value === null ? undefined : Number(value));

const ROUTES: Record<string, Handler> = {
	'GET /sandbox/callback-config': (hub, _body, query) =>
		hub.configs.get(query.get('corpId') ?? undefined, optionalNumber(query.get('agentId'))),
	'POST /sandbox/callback-config': (hub, body) => hub.configs.set(body as CallbackConfigInput),
	'GET /sandbox/callback-deliveries': (hub) => hub.deliveries(),
	'POST /sandbox/click': async (hub, body) => await hub.click(body as unknown as ClickAction),
	'POST /sandbox/approve': async (hub, body) => await hub.approve(body as unknown as ApprovalAction),
	'POST /sandbox/verify-callback': async (hub, body) => await hub.verify(body as VerifyCallbackOptions),
};

/**
 * The callback half of the /sandbox/ control API. Returns false for routes it does not own, so
 * the caller hands them to the main control routes.
 */
export async function handleCallbackControl(
	req: ControlRequest,
	hub: CallbackHub,
	res: ServerResponse,
): Promise<boolean> {
	const handler = ROUTES[`${req.method} ${req.path}`];
	if (!handler) return false;
	const parsed = req.bodyText.trim() === '' ? { ok: true as const, value: {} } : parseJson(req.bodyText);
	if (!parsed.ok || !isPlainObject(parsed.value)) {
		sendJson(res, 400, { ok: false, error: 'body must be a JSON object' });
		return true;
	}
	try {
		sendJson(res, 200, await handler(hub, parsed.value, req.query));
	} catch (error) {
		if (!(error instanceof SandboxActionError)) throw error;
		sendJson(res, 400, { ok: false, error: error.message });
	}
	return true;
}
