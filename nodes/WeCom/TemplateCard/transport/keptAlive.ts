/*
 * WeCom's API over kept-alive connections. n8n's request helpers (2.41) build a new HTTP agent
 * for every request, so every card cost a new TCP (and, to WeCom, TLS) connection: 10,001
 * connections for 10,000 cards. The global `fetch` keeps a pool per origin instead.
 *
 * What stays with n8n: the token (preAuthentication runs and stores it through
 * httpRequestWithAuthentication, see ./credentials), the instance's outbound policy (checked here
 * with the egress filter n8n offers for clients of their own), and proxies: `fetch` ignores
 * HTTP(S)_PROXY, so ./connection falls back to n8n's helper when WeCom refuses this path.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { WeComApiContext } from './context';
import type { SentWith, WeComCredentials } from './credentials';
import { EGRESS_REFUSED } from './errors';
import { NO_RETRY } from './retry';

/** n8n's egress filter as 2.x offers it; 1.x has none (then the instance has no such policy). */
interface EgressFilter {
	validateUrl(url: string): Promise<{ ok: boolean; error?: Error }>;
}

/** One policy check per origin and execution (a check may resolve DNS). */
const checkedOrigins = new WeakMap<WeComApiContext, Map<string, Promise<void>>>();

function egressCheck(ctx: WeComApiContext, url: URL): Promise<void> {
	let origins = checkedOrigins.get(ctx);
	if (!origins) checkedOrigins.set(ctx, (origins = new Map()));
	let check = origins.get(url.origin);
	if (!check) {
		check = checkEgress(ctx, url.origin);
		origins.set(url.origin, check);
	}
	return check;
}

async function checkEgress(ctx: WeComApiContext, origin: string): Promise<void> {
	const helpers = ctx.helpers as { getSecureEgressFilter?: () => EgressFilter };
	const filter = helpers.getSecureEgressFilter?.();
	if (!filter) return;
	const verdict = await filter.validateUrl(origin);
	if (!verdict.ok) {
		const reason = verdict.error?.message ?? 'blocked';
		throw Object.assign(new Error(`n8n's outbound request policy refuses ${new URL(origin).host}: ${reason}`), {
			code: EGRESS_REFUSED,
		});
	}
}

/** The URL with its query and the token in hand; the token goes in the query, as WeCom asks. */
function requestUrl(options: IHttpRequestOptions, credentials: WeComCredentials): URL {
	const url = new URL(options.url);
	for (const [name, value] of Object.entries((options.qs ?? {}) as IDataObject)) {
		if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
	}
	url.searchParams.set('access_token', String(credentials.accessToken ?? ''));
	return url;
}

function requestBody(options: IHttpRequestOptions): { body?: string | Uint8Array; contentType?: string } {
	const body = options.body as unknown;
	if (body === undefined || body === null) return {};
	if (body instanceof Uint8Array) return { body };
	return { body: JSON.stringify(body), contentType: 'application/json' };
}

/** What n8n's helper would have thrown for an answer that is not 2xx (the error mapper reads httpCode). */
function httpStatusError(status: number): Error {
	return Object.assign(new Error(`HTTP ${status}`), { httpCode: String(status) });
}

/** An answer that is not JSON stays text: the caller reports it as not WeCom's. */
function parsedAnswer(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/**
 * Sends with exactly these credential values (the token in hand), never following a redirect
 * (the token would travel along). The timeout bounds the whole request, the body included.
 */
export async function sendKeptAlive(
	ctx: WeComApiContext,
	options: IHttpRequestOptions,
	credentials: WeComCredentials,
): Promise<SentWith> {
	const url = requestUrl(options, credentials);
	await egressCheck(ctx, url);
	const { body, contentType } = requestBody(options);
	const headers: Record<string, string> = { accept: 'application/json' };
	if (contentType) headers['content-type'] = contentType;
	for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = String(value);

	let answer: Response;
	let text: string;
	try {
		answer = await fetch(url, {
			method: options.method ?? 'GET',
			headers,
			body,
			redirect: 'manual',
			signal: AbortSignal.timeout(Number(options.timeout ?? NO_RETRY.timeoutMs)),
		});
		text = await answer.text();
	} catch (error) {
		throw timeoutAsCode(error);
	}
	// The connection goes back to the pool on the next turn of the event loop; the next request
	// of this slot would otherwise open a second one.
	await sleep(0);
	if (answer.status < 200 || answer.status >= 300) throw httpStatusError(answer.status);
	return { response: parsedAnswer(text), credentials };
}

/** AbortSignal.timeout rejects with a DOMException; the error mapper knows timeouts by code. */
function timeoutAsCode(error: unknown): unknown {
	if (error instanceof Error && error.name === 'TimeoutError') {
		return Object.assign(new Error('the answer did not complete in time'), { code: 'ETIMEDOUT' });
	}
	return error;
}
