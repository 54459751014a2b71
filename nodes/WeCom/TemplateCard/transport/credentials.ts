/*
 * The access_token lifecycle, built on what n8n 2.41.1 does (packages/cli/src/credentials-helper.ts
 * and core's request-helpers/authentication.ts, read in the installed release):
 * - `getCredentials` decrypts the credential row from the database on every call, so later items,
 *   later executions and other queue-mode processes all read the newest stored token.
 * - `httpRequestWithAuthentication` runs the credential's preAuthentication only when the
 *   expirable field (accessToken) is empty, or after an HTTP 401. WeCom answers a bad token with
 *   HTTP 200 + errcode 40014/42001/41001, so n8n never refreshes on its own.
 * - When preAuthentication runs, n8n writes the result into the stored row first (no lock: the
 *   last writer wins), then assigns it onto the credentials object the request was given.
 * - WeCom's gettoken may answer the same token until it expires (its 2020 doc said so), or a new
 *   one: both must work (https://developer.work.weixin.qq.com/document/path/91039).
 *
 * So every request carries a snapshot, and a refusal names the token that failed. To replace it
 * the node uses, in order: a refresh still in flight in this process, a different token another
 * item or process already stored, or a new refresh (the snapshot with an empty token, so n8n runs
 * preAuthentication and stores the token; the request then goes out with it through the same
 * sender as every other, see obtainToken). A finished refresh is never remembered;
 * a result equal to the refused token is never used. Only WeCom refusing the secret itself is
 * remembered, for a minute, so a wrong secret is not hammered (WeCom can block the IP for an hour).
 */
import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { weComBaseUrl } from '../../shared/apiOrigin';
import { SECRET_REFUSED_ERRCODES } from '../../shared/errorCodes';
import { GETTOKEN_TIMEOUT_MS } from '../../shared/limits';
import { WeComTokenUnavailableError, tokenProblemOf } from '../../shared/tokenError';
import { tokenOnlyHeaders } from '../../shared/tokenOnlyRequest';
import { CREDENTIAL_TYPE, readCredentials, type WeComApiContext } from './context';
import { DEADLINE_SLACK_MS, deadlineError, withinDeadline } from './deadline';
import { NO_RETRY } from './retry';

/** How long WeCom refusing the secret (40001, 60020, ...) is answered from memory. */
const SECRET_REFUSAL_MEMORY_MS = 60 * 1000;

/**
 * After gettoken handed back the very token WeCom had just refused, the next gettoken for that
 * app waits this long (WeCom's servers may disagree about the expiry for a moment).
 */
const SAME_TOKEN_PAUSE_MS = 1000;

/** The pause grows up to this while gettoken keeps handing the refused token back. */
const MAX_SAME_TOKEN_PAUSE_MS = 60_000;

/**
 * A request waits out at most this many pauses, and none longer than this; then it fails (not
 * sent; the retry policy decides).
 */
const MAX_SAME_TOKEN_PAUSES = 3;
const MAX_SAME_TOKEN_WAIT_MS = 3000;

export type WeComCredentials = ICredentialDataDecryptedObject & {
	corpId: string;
	agentId: number;
	accessToken?: string;
	/** Milliseconds since the epoch; stored as text (the credential's field says why), older rows hold a number. */
	accessTokenExpiresAt?: string | number;
};

/** A request and the credential values it was sent with. */
export interface SentWith {
	response: unknown;
	credentials: WeComCredentials;
}

/** Sends a request with a token already in hand (kept-alive or through n8n's helper, see ./connection). */
export type Sender = (options: IHttpRequestOptions, credentials: WeComCredentials) => Promise<SentWith>;

interface Refresh {
	/** Settles as soon as n8n has stored and assigned the new token. */
	credentials: Promise<WeComCredentials>;
}

const refreshesInFlight = new Map<string, Refresh>();
const secretRefusals = new Map<string, { at: number; error: unknown }>();
/**
 * A token gettoken handed back right after WeCom refused it, per app, and how long to wait before
 * asking again: doubled each time it comes back again, so a gettoken stuck on a refused token is
 * asked less and less often.
 */
const refusedTokensReissued = new Map<string, { token: string; at: number; pauseMs: number }>();

/** Keyed by what identifies the app, so an edited credential starts afresh. */
function appKey(ctx: WeComApiContext, credentials: WeComCredentials): string {
	const id = ctx.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? '';
	const app = createHash('sha256')
		.update([credentials.baseUrl, credentials.corpId, credentials.corpSecret, credentials.agentId].join('\n'))
		.digest('hex');
	return `${id}:${app}`;
}

/**
 * True when the credential holds no token, or one past its expiry. Not earlier: a gettoken
 * before expiry may return the same token, so refreshing ahead would ask on every item.
 */
export function tokenNeedsRefresh(credentials: WeComCredentials, now = Date.now()): boolean {
	if (!credentials.accessToken) return true;
	const expiresAt = Number(credentials.accessTokenExpiresAt) || 0;
	return expiresAt > 0 && expiresAt <= now;
}

/** Sends with exactly these credential values, so we know which token a failure belongs to. */
export async function sendAuthenticated(
	ctx: WeComApiContext,
	options: IHttpRequestOptions,
	credentials: WeComCredentials,
): Promise<SentWith> {
	const reference = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
	const request = ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options, {
		credentialsDecrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: CREDENTIAL_TYPE,
			data: credentials,
		},
	});
	// Without a token, n8n runs gettoken first, inside the same call.
	const deadlineMs =
		Number(options.timeout ?? NO_RETRY.timeoutMs) +
		(credentials.accessToken ? 0 : GETTOKEN_TIMEOUT_MS) +
		DEADLINE_SLACK_MS;
	const response = await withinDeadline(request, deadlineMs, () => deadlineError(deadlineMs));
	return { response, credentials };
}

/**
 * Why the token in hand will not do: WeCom refused it (40014/42001/41001), so only another
 * token helps; or it is past its stored expiry, so any token with time left helps (gettoken
 * may answer the same one with a new expiry).
 */
type TokenTrouble = 'refused' | 'expired';

/**
 * Sends with a token that replaces the one in `stale` through `send`: a token found in hand, or
 * a new one n8n's helper got by running preAuthentication and stored.
 */
export async function sendWithNewToken(
	ctx: WeComApiContext,
	itemIndex: number,
	options: IHttpRequestOptions,
	stale: WeComCredentials,
	trouble: TokenTrouble,
	send: Sender,
): Promise<SentWith> {
	const key = appKey(ctx, stale);
	const refusal = secretRefusals.get(key);
	if (refusal && Date.now() - refusal.at < SECRET_REFUSAL_MEMORY_MS) throw refusal.error;

	const replaces = replacementTest(stale, trouble);
	for (let pauses = 0; ; pauses++) {
		const inFlight = refreshesInFlight.get(key);
		if (inFlight) {
			const fresh = await inFlight.credentials;
			if (replaces(fresh)) return await send(options, fresh);
		}
		const reissued = refusedTokensReissued.get(key);
		if (trouble !== 'refused' || reissued?.token !== String(stale.accessToken ?? '')) break;
		// gettoken answered this very token a moment ago: one item per pause asks again, the
		// others wait for that answer instead of asking too.
		const wait = reissued.pauseMs - (Date.now() - reissued.at);
		if (wait <= 0) {
			reissued.at = Date.now();
			break;
		}
		if (pauses >= MAX_SAME_TOKEN_PAUSES || wait > MAX_SAME_TOKEN_WAIT_MS) {
			throw new WeComTokenUnavailableError(
				String(stale.baseUrl ?? 'WeCom'),
				'gettoken keeps answering the very token WeCom refuses',
			);
		}
		await sleep(wait);
	}
	return await leadRefresh(ctx, itemIndex, options, stale, replaces, key, send);
}

function replacementTest(stale: WeComCredentials, trouble: TokenTrouble): (fresh: WeComCredentials) => boolean {
	const staleToken = String(stale.accessToken ?? '');
	return (fresh) =>
		Boolean(fresh.accessToken) &&
		!tokenNeedsRefresh(fresh) &&
		(trouble === 'expired' || String(fresh.accessToken) !== staleToken);
}

/**
 * Finds a token that replaces the stale one and sends with it; items of this process that need
 * a token meanwhile wait for this one (registered before the first await, so they all see it).
 * A different token another item or process stored is used as it is; otherwise n8n gets the
 * credential with an empty token, runs preAuthentication and stores the new token (obtainToken).
 */
async function leadRefresh(
	ctx: WeComApiContext,
	itemIndex: number,
	options: IHttpRequestOptions,
	stale: WeComCredentials,
	replaces: (fresh: WeComCredentials) => boolean,
	key: string,
	send: Sender,
): Promise<SentWith> {
	const outcome = settleable<WeComCredentials>();
	const refresh: Refresh = { credentials: outcome.promise };
	refreshesInFlight.set(key, refresh);
	outcome.promise.then(
		() => forget(key, refresh),
		(error: unknown) => {
			forget(key, refresh);
			if (SECRET_REFUSED_ERRCODES.includes(tokenProblemOf(error)?.errcode ?? 0)) {
				secretRefusals.set(key, { at: Date.now(), error });
			}
		},
	);
	const sending = (async () => {
		const stored = (await readCredentials(ctx, CREDENTIAL_TYPE, itemIndex)) as WeComCredentials;
		if (replaces(stored)) {
			outcome.resolve(stored);
			return await send(options, stored);
		}
		const fresh = await obtainToken(ctx, itemIndex, stale);
		// Known before the items waiting for this refresh look: gettoken gave the refused token back.
		if (replaces(fresh)) refusedTokensReissued.delete(key);
		else reissuedAgain(key, String(fresh.accessToken));
		outcome.resolve(fresh);
		// gettoken handed back the refused token (WeCom's clocks disagree for a moment): it goes
		// out after a pause, and if WeCom refuses it again the caller asks once more.
		if (!replaces(fresh)) await sleep(SAME_TOKEN_PAUSE_MS);
		return await send(options, fresh);
	})();
	// Whatever ends this attempt early also ends the wait of the items that joined it.
	sending.catch((error: unknown) => outcome.reject(error));
	return await sending;
}

function reissuedAgain(key: string, token: string): void {
	const previous = refusedTokensReissued.get(key);
	const pauseMs =
		previous?.token === token ? Math.min(previous.pauseMs * 2, MAX_SAME_TOKEN_PAUSE_MS) : SAME_TOKEN_PAUSE_MS;
	refusedTokensReissued.set(key, { token, at: Date.now(), pauseMs });
}

function forget(key: string, refresh: Refresh): void {
	if (refreshesInFlight.get(key) === refresh) refreshesInFlight.delete(key);
}

/** A promise settled from outside; only its first settlement counts. */
function settleable<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
	let resolve: (value: T) => void = () => undefined;
	let reject: (error: unknown) => void = () => undefined;
	const promise = new Promise<T>((onResolve, onReject) => {
		resolve = onResolve;
		reject = onReject;
	});
	return { promise, resolve, reject };
}

/**
 * Has n8n get a new token the credential's way, so the message itself goes out through the
 * caller's sender (kept-alive connections) instead of a new connection of n8n's client per
 * token. n8n runs preAuthentication (gettoken), stores the token and assigns it onto the
 * credentials object it was given, then has the credential's authenticate end the token-only
 * request it would send next (shared/tokenOnlyRequest), so that failure is expected. Nothing
 * here depends on the order in which n8n stores and assigns (it differs between 1.x and 2.x):
 * the token is read off the object once n8n is done.
 */
async function obtainToken(
	ctx: WeComApiContext,
	itemIndex: number,
	stale: WeComCredentials,
): Promise<WeComCredentials> {
	const credentials: WeComCredentials = { ...stale, accessToken: '', accessTokenExpiresAt: 0 };
	const reference = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
	const asking = ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		CREDENTIAL_TYPE,
		{
			method: 'GET',
			url: `${weComBaseUrl(stale)}/cgi-bin/`,
			headers: tokenOnlyHeaders(),
			timeout: GETTOKEN_TIMEOUT_MS,
			disableFollowRedirect: true,
		},
		{
			credentialsDecrypted: {
				id: reference?.id ?? '',
				name: reference?.name ?? '',
				type: CREDENTIAL_TYPE,
				data: credentials,
			},
		},
	);
	const deadlineMs = GETTOKEN_TIMEOUT_MS + DEADLINE_SLACK_MS;
	const failure = await withinDeadline(asking, deadlineMs, () => deadlineError(deadlineMs)).then(
		() => undefined,
		(error: unknown) => error,
	);
	const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	// No token: gettoken failed (WeCom refused the secret, no answer...), and that is the error.
	if (!token)
		throw failure ?? new NodeOperationError(ctx.getNode(), 'n8n did not obtain a WeCom access token', { itemIndex });
	return { ...stale, accessToken: token, accessTokenExpiresAt: Number(credentials.accessTokenExpiresAt) || 0 };
}
