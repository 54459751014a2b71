/*
 * Which client carries a request whose token is in hand: kept-alive `fetch` (./keptAlive), or
 * n8n's request helper, which honours HTTP_PROXY / HTTPS_PROXY (often how a corp reaches WeCom
 * from the fixed IP WeCom trusts, errcode 60020) but opens a new connection per request.
 *
 * A request moves to the other client only when the first one provably delivered nothing: WeCom
 * answered 60020 (it refuses the caller's IP before handling the call,
 * https://developer.work.weixin.qq.com/document/path/90313), or the connection was never made.
 *
 * The rule for the kept-alive path:
 * - 60020 on it while n8n's client gets an answer: the app uses n8n's client for ten minutes.
 * - No connection (refused, DNS, unreachable, connect timeout, a silent connection test): that is
 *   what a restarting front end does too, so the kept-alive path is tried once more after a short
 *   pause, then n8n's client carries this request only. The app moves to n8n's client (ten
 *   minutes) only after this happened to FAILURES_BEFORE_MOVING requests in a row while n8n's
 *   client answered each (a proxy with the direct path blocked), with no connection made on the
 *   kept-alive path in between. Requests already under way when a counted one failed met the
 *   same outage (Concurrency items fail together): they do not count again.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { weComBaseUrl } from '../../shared/apiOrigin';
import { ERRCODE } from '../../shared/errorCodes';
import type { WeComApiContext } from './context';
import { sendAuthenticated, type SentWith, type Sender, type WeComCredentials } from './credentials';
import { egressPolicyApplies } from './egress';
import { NOT_SENT_CODES } from './errors';
import { sendKeptAlive, testDirectPath } from './keptAlive';
import { NO_RETRY } from './retry';

/** The credential's Connections setting. */
export const CONNECTIONS = { keptAlive: 'keptAlive', n8nClient: 'n8nClient' } as const;

/**
 * How long an app stays on n8n's client after the kept-alive path failed it while n8n's client
 * got through: trusted IPs get edited, networks recover, and a moment's DNS failure must not
 * cost the kept-alive connections until n8n restarts.
 */
const ROUTE_MEMORY_MS = 10 * 60 * 1000;

/** Apps (API origin, corp, agent: trusted IPs are set per app) on n8n's client, and until when. */
const onN8nClientUntil = new Map<string, number>();

/** The pause before the kept-alive path is tried again after it made no connection (a front end restarting). */
const NO_CONNECTION_PAUSE_MS = 250;

/**
 * Requests in a row that found no connection on the kept-alive path (twice) while n8n's client
 * answered them, before the app moves to n8n's client: one refusal is a restart, not a proxy.
 */
const FAILURES_BEFORE_MOVING = 3;

/**
 * Per app: requests in a row the kept-alive path could not connect for while n8n's client
 * answered, and when the last counted one failed its second try.
 */
const unconnectedInARow = new Map<string, { count: number; failedAt: number }>();

/** Per credentials object (a new one comes with each new token): every request asks for its route. */
const routes = new WeakMap<WeComCredentials, string>();

function routeOf(credentials: WeComCredentials): string {
	let route = routes.get(credentials);
	if (route === undefined) {
		route = [weComBaseUrl(credentials), credentials.corpId, credentials.agentId].map(String).join('\n');
		routes.set(credentials, route);
	}
	return route;
}

function neverSent(error: unknown): boolean {
	const failure = error as { code?: string; cause?: { code?: string } } | undefined;
	return NOT_SENT_CODES.has(failure?.cause?.code ?? failure?.code ?? '');
}

function errcodeOf(response: unknown): number | undefined {
	const errcode = (response as { errcode?: unknown } | null)?.errcode;
	return typeof errcode === 'number' ? errcode : undefined;
}

/** The last URL fetchCanCarry parsed: a run sends to one or two URLs, thousands of times. */
let lastCarryCheck: { url: string; carries: boolean } | undefined;

/** `fetch` refuses a URL with a user and password in it; n8n's client sends them as Basic auth. */
function fetchCanCarry(url: string): boolean {
	if (lastCarryCheck?.url !== url) {
		const parsed = URL.canParse(url) ? new URL(url) : undefined;
		lastCarryCheck = { url, carries: parsed !== undefined && !parsed.username && !parsed.password };
	}
	return lastCarryCheck.carries;
}

type Outcome = { sent: SentWith } | { error: unknown };

async function outcomeOf(sending: Promise<SentWith>): Promise<Outcome> {
	return await sending.then(
		(sent) => ({ sent }),
		(error: unknown) => ({ error }),
	);
}

/** Nothing was delivered: WeCom refused the caller's IP, or the request never left. */
function deliveredNothing(outcome: Outcome): boolean {
	return 'sent' in outcome ? errcodeOf(outcome.sent.response) === ERRCODE.ipNotTrusted : neverSent(outcome.error);
}

function settle(outcome: Outcome): SentWith {
	if ('error' in outcome) throw outcome.error;
	return outcome.sent;
}

/** Whether the app was moved to n8n's client a while ago and is still there (see ROUTE_MEMORY_MS). */
function remembersN8nClient(route: string): boolean {
	return (onN8nClientUntil.get(route) ?? 0) > Date.now();
}

/** Whether n8n's client must carry this request: an outbound policy, the credential's setting, or a URL fetch refuses. */
async function onlyN8nClient(
	ctx: WeComApiContext,
	options: IHttpRequestOptions,
	credentials: WeComCredentials,
): Promise<boolean> {
	return (
		(await egressPolicyApplies(ctx, options.url)) ||
		credentials.connections === CONNECTIONS.n8nClient ||
		!fetchCanCarry(options.url)
	);
}

/**
 * Called while n8n obtains a token (gettoken on a new connection of its client): the kept-alive
 * path's connection test needs no token, so it runs meanwhile instead of after, and the first
 * card after a restart waits for one new connection to WeCom, not two in a row. Nothing starts
 * where the request would go through n8n's client.
 */
export function testConnectionAhead(
	ctx: WeComApiContext,
	options: IHttpRequestOptions,
	credentials: WeComCredentials,
): void {
	void (async () => {
		if (await onlyN8nClient(ctx, options, credentials)) return;
		if (remembersN8nClient(routeOf(credentials))) return;
		await testDirectPath(credentials, Number(options.timeout ?? NO_RETRY.timeoutMs));
	})().catch(() => undefined);
}

/** The sender for requests of this context. */
export function senderFor(ctx: WeComApiContext): Sender {
	return async (options, credentials) => {
		const viaN8n = async () => await outcomeOf(sendAuthenticated(ctx, options, credentials));
		if (await onlyN8nClient(ctx, options, credentials)) return settle(await viaN8n());
		const route = routeOf(credentials);
		if (remembersN8nClient(route)) {
			const remembered = await viaN8n();
			if (!deliveredNothing(remembered)) return settle(remembered);
			// n8n's client no longer gets through (the proxy's IP is refused, the proxy is down):
			// nothing was delivered, so the kept-alive path may carry the same request.
			onN8nClientUntil.delete(route);
		}
		const startedAt = Date.now();
		let direct = await outcomeOf(sendKeptAlive(options, credentials));
		if ('error' in direct && neverSent(direct.error)) {
			await sleep(NO_CONNECTION_PAUSE_MS);
			direct = await outcomeOf(sendKeptAlive(options, credentials));
		}
		if (!deliveredNothing(direct)) {
			// The kept-alive path made a connection: whatever failed before was not a blocked path.
			unconnectedInARow.delete(route);
			return settle(direct);
		}
		const failedAt = Date.now();
		// WeCom refused this path (60020) or it leads nowhere: n8n's client (and the proxy it may
		// use) can carry the same request.
		const fallback = await viaN8n();
		// Through n8n's client it may have been delivered: that is the outcome to report.
		if ('error' in fallback && neverSent(fallback.error)) return settle(direct);
		const errcode = 'sent' in fallback ? errcodeOf(fallback.sent.response) : undefined;
		if (
			errcode !== undefined &&
			errcode !== ERRCODE.ipNotTrusted &&
			movesToN8nClient(route, direct, startedAt, failedAt)
		) {
			onN8nClientUntil.set(route, Date.now() + ROUTE_MEMORY_MS);
		}
		return settle(fallback);
	};
}

/** Whether the kept-alive path's failure, with n8n's client answering, is reason to move the app (see the top). */
function movesToN8nClient(route: string, direct: Outcome, startedAt: number, failedAt: number): boolean {
	if ('sent' in direct) return true;
	const streak = unconnectedInARow.get(route);
	// Under way when the last counted request failed: the same outage, not one more request in a row.
	if (streak && startedAt <= streak.failedAt) return false;
	const inARow = (streak?.count ?? 0) + 1;
	if (inARow < FAILURES_BEFORE_MOVING) {
		unconnectedInARow.set(route, { count: inARow, failedAt });
		return false;
	}
	unconnectedInARow.delete(route);
	return true;
}
