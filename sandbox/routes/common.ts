import { reject, WRONG_JSON_WARNING } from '../errmsg';
import type { WecomBody } from '../errmsg';
import { isPlainObject, parseJson } from '../http';
import type { RequestBody } from '../http';
import type { AppContext, SandboxState } from '../state';

/** One call to a /cgi-bin/ endpoint, as the route handlers see it. */
export interface WecomRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	ip: string;
	body: RequestBody;
	/** The Host header: where the caller reached the sandbox (the origin of uploaded image URLs). */
	host?: string;
}

/** Answers with a body, or throws a WecomRejection (see errmsg.ts) to answer an errcode. */
export type WecomRoute = (req: WecomRequest, state: SandboxState) => WecomBody;

/** WeCom lists "GET instead of POST" among the causes of 40058. */
export function requirePost(req: WecomRequest): void {
	if (req.method !== 'POST') reject(40058);
}

export function requireTrustedIp(req: WecomRequest, state: SandboxState): void {
	if (state.trustedIps && !state.trustedIps.has(req.ip)) reject(60020);
}

/** Per corp per API per minute, as WeCom's base limit (45009 on overflow). */
export function requireRateBudget(req: WecomRequest, state: SandboxState, corpId: string): void {
	if (!state.apiLimiter.admit(`${corpId}|${req.path}`, state.now())) reject(45009);
}

/** Token (41001/40014/42001), then trusted IP (60020), then the per-API rate limit (45009). */
export function authenticate(req: WecomRequest, state: SandboxState): AppContext {
	const check = state.tokens.check(req.query.get('access_token'), state.now());
	if (!check.ok) reject(check.errcode);
	requireTrustedIp(req, state);
	const context = state.findApp(check.owner.corpId, check.owner.agentId);
	if (!context) reject(40014); // the app was removed from the config: its token is void
	requireRateBudget(req, state, context.corp.corp.corpId);
	return context;
}

/** The JSON object body: too big → 45002, malformed → 40058 with WeCom's json warning. */
export function jsonBody(req: WecomRequest): Record<string, unknown> {
	if (req.body.tooLarge) reject(45002);
	const parsed = parseJson(req.body.text);
	if (!parsed.ok) reject(40058, WRONG_JSON_WARNING);
	if (!isPlainObject(parsed.value)) reject(40058);
	return parsed.value;
}

/** agentid: missing → 41011, not an integer → 40056, not the token's app → 301002. */
export function requireOwnAgentId(value: unknown, context: AppContext): number {
	if (value === undefined || value === null || value === '') reject(41011);
	if (typeof value !== 'number' || !Number.isInteger(value)) reject(40056);
	if (value !== context.app.agentId) reject(301002);
	return value;
}

export function nonEmptyString(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}
