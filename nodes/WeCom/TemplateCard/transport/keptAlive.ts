/*
 * WeCom's API over kept-alive connections. n8n's request helpers (2.41) build a new HTTP agent
 * for every request, so every card cost a new TCP (and, to WeCom, TLS) connection: 10,001
 * connections for 10,000 cards. The global `fetch` keeps a pool per origin instead.
 *
 * What stays with n8n: the token (preAuthentication runs and stores it through
 * httpRequestWithAuthentication, see ./credentials), the instance's outbound policy (under one,
 * ./connection sends through n8n's client, see ./egress), and proxies: `fetch` ignores
 * HTTP(S)_PROXY, so ./connection falls back to n8n's helper when WeCom refuses this path.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { weComBaseUrl } from '../../shared/apiOrigin';
import type { SentWith, WeComCredentials } from './credentials';
import { deadlineError } from './deadline';
import { DIRECT_PATH_SILENT, REDIRECTED } from './errors';
import { NO_RETRY } from './retry';

/** How long a base URL that let the connection test time out is left alone before the next test. */
const SILENT_RETEST_MS = 60_000;

/** How the connection test ended: an HTTP answer, no answer in time, or refused at once (never cached). */
type TestResult = 'answered' | 'silent' | 'refused';

/** Per API base URL, process-wide: the connection test's result (see testDirectPath). */
const connectionTests = new Map<string, { result: Promise<TestResult>; answered?: true; retestAt?: number }>();

/** Known without waiting: the connection test at this base URL got an answer (see testDirectPath). */
function directPathAnswered(credentials: WeComCredentials): boolean {
	return connectionTests.get(`${weComBaseUrl(credentials)}/cgi-bin/`)?.answered === true;
}

/**
 * Whether anything answers HTTP at the API base URL without n8n's proxy settings, asked once per
 * process (and again a minute after no answer). Behind a firewall that drops packets a connect
 * just hangs, and a timeout cannot tell it from WeCom taking long over a card it may deliver: so
 * the first thing sent there is this test, a GET of no API (`/cgi-bin/`) that changes nothing
 * (not a HEAD: fetch closes the connection after one). A refused test is not remembered: a
 * front end restarting refuses for a moment (./connection decides what refusals in a row mean).
 */
export async function testDirectPath(credentials: WeComCredentials, timeoutMs: number): Promise<boolean> {
	const target = `${weComBaseUrl(credentials)}/cgi-bin/`;
	const known = connectionTests.get(target);
	if (known && (known.retestAt === undefined || Date.now() < known.retestAt)) {
		return (await known.result) === 'answered';
	}
	const test: { result: Promise<TestResult>; answered?: true; retestAt?: number } = {
		result: connectionTest(target, timeoutMs),
	};
	connectionTests.set(target, test);
	const result = await test.result;
	if (result === 'answered') test.answered = true;
	if (result === 'silent') test.retestAt = Date.now() + SILENT_RETEST_MS;
	if (result === 'refused' && connectionTests.get(target) === test) connectionTests.delete(target);
	return result === 'answered';
}

async function connectionTest(target: string, timeoutMs: number): Promise<TestResult> {
	const deadline = deadlineSignal(timeoutMs);
	// Refused, unresolvable, a bad port, no answer in time: none of it sent anything. A body cut
	// off or trickling past the deadline is judged the same way: the test never rejects, or its
	// rejection would be remembered and thrown at every later card of the process.
	const failed = (error: unknown): TestResult => (isTimeout(error) || connectTimedOut(error) ? 'silent' : 'refused');
	return await fetch(target, { method: 'GET', redirect: 'manual', signal: deadline.signal })
		.then(async (answer): Promise<TestResult> => {
			// Read to the end, so the first card reuses the connection (see connectionSettling).
			await answer.arrayBuffer();
			connectionSettling(trafficTo(new URL(target).origin));
			return 'answered';
		})
		.catch(failed)
		.finally(deadline.release);
}

/** undici gives up connecting after its own 10 s: a firewall that drops packets, like a timeout. */
function connectTimedOut(error: unknown): boolean {
	return (error as { cause?: { code?: string } } | undefined)?.cause?.code === 'UND_ERR_CONNECT_TIMEOUT';
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
export async function sendKeptAlive(options: IHttpRequestOptions, credentials: WeComCredentials): Promise<SentWith> {
	const url = requestUrl(options, credentials);
	const timeoutMs = Number(options.timeout ?? NO_RETRY.timeoutMs);
	if (!directPathAnswered(credentials) && !(await testDirectPath(credentials, timeoutMs))) {
		throw Object.assign(new Error(`Nothing at ${url.host} answered n8n's direct connection test`), {
			code: DIRECT_PATH_SILENT,
		});
	}
	const { body, contentType } = requestBody(options);
	const headers: Record<string, string> = { accept: 'application/json' };
	if (contentType) headers['content-type'] = contentType;
	for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = String(value);

	let answer: Response;
	let text: string;
	const origin = trafficTo(url.origin);
	await settledConnection(origin);
	const deadline = deadlineSignal(timeoutMs);
	origin.underWay++;
	try {
		// As text: fetch turns a URL object back into text and parses it again.
		answer = await fetch(url.href, {
			method: options.method ?? 'GET',
			headers,
			body,
			// Not 'manual': fetch copies every request (its body teed into two streams) unless
			// redirects are errors, a tenth of what a card cost. The error tells no status.
			redirect: 'error',
			signal: deadline.signal,
		});
		text = await answer.text();
	} catch (error) {
		// fetch refuses a redirect at its headers and leaves its body coming in: that connection
		// would stay busy, out of the count, for as long as the body takes (undici's own 5 minutes
		// if it never ends). Dropped instead; one whose answer is complete is not touched.
		deadline.abort();
		throw redirectAsCode(timeoutAsCode(error, timeoutMs));
	} finally {
		deadline.release();
		origin.underWay--;
		// Failed or not: a redirect fetch refused to follow, or a body it could not decode, came
		// over a connection that goes back to the pool a turn later like any other answer's.
		connectionSettling(origin);
	}
	if (answer.status < 200 || answer.status >= 300) throw httpStatusError(answer.status);
	return { response: parsedAnswer(text), credentials };
}

/**
 * Per origin: the requests under way and the connections that answered and may not be back in
 * fetch's pool yet. undici gives a connection back a full turn of the event loop after its answer
 * (so a server that closes it anyway is noticed first); a request sent before that finds every
 * connection busy and opens one more. So each answer leaves a promise that resolves a turn later
 * (n8n's sleep(0): community nodes have no setImmediate). A request alone waits for them: the
 * connection it gets back saves a TCP and TLS handshake to a faraway WeCom. Beside others it may
 * go past one (SPARE_CONNECTIONS): sleep(0) takes a millisecond where undici's turn takes
 * microseconds, so waiting for every answer capped each request slot at a card a millisecond,
 * and going past one costs at most one connection more than requests under way.
 */
interface OriginTraffic {
	underWay: number;
	settling: Array<Promise<void>>;
}

const traffic = new Map<string, OriginTraffic>();

/** Answered connections a request beside others may go past without waiting (see `traffic`). */
const SPARE_CONNECTIONS = 1;

function trafficTo(origin: string): OriginTraffic {
	let known = traffic.get(origin);
	if (!known) traffic.set(origin, (known = { underWay: 0, settling: [] }));
	return known;
}

function connectionSettling(origin: OriginTraffic): void {
	const { settling } = origin;
	const settled: Promise<void> = sleep(0).then(() => {
		const index = settling.indexOf(settled);
		if (index >= 0) settling.splice(index, 1);
	});
	settling.push(settled);
}

async function settledConnection(origin: OriginTraffic): Promise<void> {
	while (origin.settling.length > (origin.underWay > 0 ? SPARE_CONNECTIONS : 0)) await origin.settling[0];
}

/**
 * How far apart in time requests may start and still share one deadline timer: at most 100 ms,
 * and at most 1% of the timeout. A shared deadline falls between timeoutMs and timeoutMs + this
 * after a request's start, never before: a 100 ms Request Timeout is not stretched to 200 ms.
 */
function deadlineSharingMs(timeoutMs: number): number {
	return Math.min(100, Math.floor(timeoutMs / 100));
}

/** Node runs a timer set for longer than this (2^31 - 1 ms, about 24.8 days) after 1 ms. */
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * The timeout requests starting now share, when it was made, and the controllers of the requests
 * it still holds. Made on the monotonic clock, as the signal's timer is: the wall clock (Date.now)
 * may be stepped back by NTP or an operator, and a request would then join a timeout older than
 * it looks and time out before its own timeout.
 */
interface SharedTimeout {
	timeoutMs: number;
	signal: AbortSignal;
	madeAt: number;
	sharingMs: number;
	requests: Set<AbortController>;
	/** On the signal while it holds requests: a timeout signal with a listener lives until it fires. */
	abortRequests(): void;
}

let sharedTimeout: SharedTimeout | undefined;

/** Made less than its sharing margin ago, for this timeout, not fired. */
function joinable(shared: SharedTimeout | undefined, timeoutMs: number, now: number): shared is SharedTimeout {
	if (!shared || shared.timeoutMs !== timeoutMs || shared.signal.aborted) return false;
	return now >= shared.madeAt && now - shared.madeAt < shared.sharingMs;
}

/**
 * An AbortSignal.timeout for requests starting within deadlineSharingMs of each other with the
 * same timeout: a timer of its own per request cost more than the rest of the deadline (a timer,
 * a weak reference and a finalizer each, alive for the whole timeout). One listener aborts the
 * requests it holds: a listener each made Node warn of a leak past ten requests in flight.
 */
function timeoutFor(timeoutMs: number): SharedTimeout {
	const now = performance.now();
	if (joinable(sharedTimeout, timeoutMs, now)) return sharedTimeout;
	// No margin past the longest timer: the signal would fire at once, or before a joiner's timeout.
	const sharingMs = Math.max(0, Math.min(deadlineSharingMs(timeoutMs), LONGEST_TIMER_MS - timeoutMs));
	const signal = AbortSignal.timeout(timeoutMs + sharingMs);
	const requests = new Set<AbortController>();
	const abortRequests = (): void => {
		for (const request of requests) request.abort(signal.reason);
		requests.clear();
	};
	sharedTimeout = { timeoutMs, signal, madeAt: now, sharingMs, requests, abortRequests };
	return sharedTimeout;
}

/**
 * A signal that aborts after timeoutMs, and its release for when the exchange is over. Not the
 * timeout signal itself: fetch leaves its listener on the signal it is given, and a timeout
 * signal with a listener stays alive until it fires, holding the request, the response and their
 * buffers (10,000 cards in 10 s kept 10,000 of them, a timeout apart). The request's own
 * controller goes with the request; the last release takes the listener off the shared timeout,
 * which is then collected with its timer (a day's Request Timeout would otherwise keep one per
 * 100 ms for a day).
 */
function deadlineSignal(timeoutMs: number): { signal: AbortSignal; release(): void; abort(): void } {
	const shared = timeoutFor(timeoutMs);
	const controller = new AbortController();
	if (shared.requests.size === 0) shared.signal.addEventListener('abort', shared.abortRequests, { once: true });
	shared.requests.add(controller);
	return {
		signal: controller.signal,
		release: () => {
			if (shared.requests.delete(controller) && shared.requests.size === 0) {
				shared.signal.removeEventListener('abort', shared.abortRequests);
			}
		},
		abort: () => controller.abort(),
	};
}

/**
 * AbortSignal.timeout rejects with a DOMException (its numeric `code` is 23); the error mapper
 * knows timeouts by code. By name, not `instanceof Error`: a DOMException of another realm is not one.
 */
function timeoutAsCode(error: unknown, timeoutMs: number): unknown {
	if (isTimeout(error)) return deadlineError(timeoutMs);
	return error;
}

/** fetch refuses a redirect it may not follow as "fetch failed", caused by "unexpected redirect". */
function redirectAsCode(error: unknown): unknown {
	const cause = (error as { cause?: { message?: unknown } } | null)?.cause;
	if (cause?.message !== 'unexpected redirect') return error;
	return Object.assign(new Error('redirected'), { code: REDIRECTED });
}

function isTimeout(error: unknown): boolean {
	return (error as { name?: unknown } | null)?.name === 'TimeoutError';
}
