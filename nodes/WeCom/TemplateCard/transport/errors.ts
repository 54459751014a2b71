import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeErrcode } from '../../shared/errorCodes';
import { tokenProblemOf } from '../../shared/tokenError';
import { redactSecrets } from './redact';

export interface WeComErrorBody {
	errcode: number;
	errmsg: string;
}

/** How a failed request may have ended at WeCom: decides whether a retry is safe. */
type FailureKind =
	/** WeCom answered with an errcode: nothing was delivered. */
	| 'errcode'
	/** The request never reached WeCom (refused, DNS): nothing was delivered. */
	| 'notSent'
	/** n8n's outbound policy forbids WeCom's host: nothing was delivered, asking again cannot help. */
	| 'blocked'
	/** Timeout, dropped connection or 5xx: WeCom may have delivered it. */
	| 'ambiguous';

/** A NodeApiError that keeps what retry and continue-on-fail need to know. */
export interface WeComApiError extends NodeApiError {
	errcode?: number;
	failureKind: FailureKind;
}

/** The error for a non-zero errcode: errcode, meaning, hint and what WeCom said. */
export function weComErrcodeError(
	node: INode,
	body: WeComErrorBody,
	itemIndex: number,
	fieldMessage?: string,
	secrets: readonly unknown[] = [],
): WeComApiError {
	const { meaning, hint } = describeErrcode(body.errcode);
	const errmsg = redactSecrets(String(body.errmsg ?? ''), secrets);
	const error = new NodeApiError(node, { errcode: body.errcode, errmsg } as JsonObject, {
		message: `WeCom error ${body.errcode}: ${fieldMessage ?? meaning}`,
		description: `${hint}${errmsg ? ` WeCom said: "${errmsg}"` : ''}`,
		itemIndex,
	}) as WeComApiError;
	error.errcode = body.errcode;
	error.failureKind = 'errcode';
	error.context.errcode = body.errcode;
	return error;
}

/** The code of the error a client of our own throws when n8n's outbound policy forbids WeCom's host. */
export const EGRESS_REFUSED = 'EGRESS_REFUSED';

/** The code of the error our own client throws when nothing answered its connection test (see ./keptAlive). */
export const DIRECT_PATH_SILENT = 'DIRECT_PATH_SILENT';

/** The code of the error our own client throws for a redirect it refused to follow (its status is not known). */
export const REDIRECTED = 'REDIRECTED';

/** Failures that prove the request never left this machine: no connection was made. */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	// fetch's: no connection within the connect timeout.
	'UND_ERR_CONNECT_TIMEOUT',
	DIRECT_PATH_SILENT,
]);

interface TransportFailure {
	message?: string;
	code?: string;
	httpCode?: string | null;
	cause?: { code?: string; message?: string; response?: { status?: number } };
}

/**
 * Rebuilds whatever httpRequestWithAuthentication threw into a clean error. The original
 * carries the request (URL with access_token, gettoken with corpsecret), so it is dropped.
 */
export function weComTransportError(
	node: INode,
	thrown: unknown,
	itemIndex: number,
	secrets: readonly unknown[] = [],
): WeComApiError {
	const tokenProblem = tokenProblemOf(thrown);
	if (tokenProblem) return tokenError(node, tokenProblem.message, tokenProblem.errcode, itemIndex, secrets);

	const failure = (thrown ?? {}) as TransportFailure;
	const networkCode = failure.cause?.code ?? failure.code;
	const status = failure.cause?.response?.status ?? (Number(failure.httpCode) || undefined);
	const detail = redactSecrets(failure.cause?.message ?? failure.message ?? 'unknown error', secrets);
	const redirected = networkCode === REDIRECTED || (status !== undefined && status >= 300 && status < 400);
	const error = new NodeApiError(node, { message: detail } as JsonObject, {
		// Not "HTTP 302": the kept-alive client learns that it was redirected, not how.
		message: redirected
			? 'The request to WeCom was redirected, and the redirect was not followed'
			: status
				? `WeCom answered HTTP ${status}`
				: `The request to WeCom failed: ${detail}`,
		description:
			networkCode === EGRESS_REFUSED
				? "Nothing was sent. Ask the n8n administrator to allow WeCom's host in n8n's outbound request (SSRF) settings."
				: redirected
					? 'Something between n8n and WeCom redirected the request; it is not followed (the access token would travel along). Check the API Base URL of the credential and any proxy.'
					: status
						? 'WeCom or a proxy in between failed; the request is retried if the retry policy allows it.'
						: 'Check that n8n can reach the API Base URL of the credential.',
		httpCode: status ? String(status) : undefined,
		itemIndex,
	}) as WeComApiError;
	error.failureKind =
		networkCode === EGRESS_REFUSED
			? 'blocked'
			: networkCode && NOT_SENT_CODES.has(networkCode)
				? 'notSent'
				: 'ambiguous';
	return error;
}

/**
 * gettoken failed, so the request itself never left: a refused secret is the credential's
 * problem (its message explains the errcode), no answer at all is transient.
 */
function tokenError(
	node: INode,
	message: string,
	errcode: number | undefined,
	itemIndex: number,
	secrets: readonly unknown[],
): WeComApiError {
	const error = new NodeApiError(node, (errcode === undefined ? {} : { errcode }) as JsonObject, {
		message: redactSecrets(message, secrets),
		description:
			errcode === undefined
				? 'Nothing was sent. The request is retried if the retry policy allows it.'
				: 'Nothing was sent. Fix the WeCom API credential; asking again cannot help.',
		itemIndex,
	}) as WeComApiError;
	if (errcode === undefined) {
		error.failureKind = 'notSent';
	} else {
		error.errcode = errcode;
		error.failureKind = 'errcode';
		error.context.errcode = errcode;
	}
	return error;
}

/** HTTP 200 that is not WeCom's JSON: a proxy, gateway or captive portal answered. */
export function notWeComAnswerError(node: INode, itemIndex: number): WeComApiError {
	const error = new NodeApiError(node, {} as JsonObject, {
		message: 'WeCom did not answer with its {"errcode": ...} JSON (an HTML page, an empty or cut-off body)',
		description:
			// The transport serves sends, uploads, lookups and reads alike: say what holds for all.
			'A proxy or gateway between n8n and WeCom probably answered, so whether WeCom got the request is unknown: it is repeated only where that is safe (a card send only under Retry Safely). Check the API Base URL of the credential.',
		itemIndex,
	}) as WeComApiError;
	error.failureKind = 'ambiguous';
	return error;
}

/**
 * WeCom answered errcode 0 without what the call returns (or in a shape no WeCom page documents):
 * the answer cannot be used, and asking again would most likely get the same.
 */
export function incompleteAnswerError(
	node: INode,
	itemIndex: number,
	message: string,
	description: string,
): WeComApiError {
	// No errcode on the error: continue-on-fail output with errcode 0 would read as a success.
	const error = new NodeApiError(node, {} as JsonObject, {
		message,
		description: `WeCom answered errcode 0 (ok). ${description}`,
		itemIndex,
	}) as WeComApiError;
	error.failureKind = 'errcode';
	return error;
}
