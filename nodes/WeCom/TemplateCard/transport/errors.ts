import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeErrcode } from '../../shared/errorCodes';
import { redactSecrets } from './redact';

export interface WeComErrorBody {
	errcode: number;
	errmsg: string;
}

/** How a failed request may have ended at WeCom: decides whether a retry is safe. */
export type FailureKind =
	/** WeCom answered with an errcode: nothing was delivered. */
	| 'errcode'
	/** The request never reached WeCom (refused, DNS): nothing was delivered. */
	| 'notSent'
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
): WeComApiError {
	const { meaning, hint } = describeErrcode(body.errcode);
	const errmsg = redactSecrets(String(body.errmsg ?? ''));
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

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

interface TransportFailure {
	message?: string;
	code?: string;
	httpCode?: string | null;
	cause?: { code?: string; errcode?: number; message?: string; response?: { status?: number } };
}

/**
 * Rebuilds whatever httpRequestWithAuthentication threw into a clean error. The original
 * carries the request (URL with access_token, gettoken with corpsecret), so it is dropped.
 */
export function weComTransportError(node: INode, thrown: unknown, itemIndex: number): WeComApiError {
	const failure = (thrown ?? {}) as TransportFailure;
	const tokenErrcode = failure.cause?.errcode;
	if (typeof tokenErrcode === 'number') {
		// The credential's preAuthentication failed; its message already explains the errcode.
		const error = new NodeApiError(
			node,
			{ errcode: tokenErrcode } as JsonObject,
			{ message: redactSecrets(failure.cause?.message ?? ''), itemIndex },
		) as WeComApiError;
		error.errcode = tokenErrcode;
		error.failureKind = 'errcode';
		error.context.errcode = tokenErrcode;
		return error;
	}
	const networkCode = failure.cause?.code ?? failure.code;
	const status = failure.cause?.response?.status ?? (Number(failure.httpCode) || undefined);
	const detail = redactSecrets(failure.cause?.message ?? failure.message ?? 'unknown error');
	const error = new NodeApiError(node, { message: detail } as JsonObject, {
		message: status
			? `WeCom answered HTTP ${status}`
			: `The request to WeCom failed: ${detail}`,
		description: status
			? 'WeCom or a proxy in between failed; the request is retried if the retry policy allows it.'
			: 'Check that n8n can reach the API Base URL of the credential.',
		httpCode: status ? String(status) : undefined,
		itemIndex,
	}) as WeComApiError;
	error.failureKind = networkCode && NOT_SENT_CODES.has(networkCode) ? 'notSent' : 'ambiguous';
	return error;
}
