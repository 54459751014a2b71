import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { weComBaseUrl } from '../../shared/apiOrigin';
import { TOKEN_ERRCODES } from '../../shared/errorCodes';
import { senderFor, testConnectionAhead } from './connection';
import { CREDENTIAL_TYPE, appCredentials, keepInHand, readCredentials, type WeComApiContext } from './context';
import { sendWithNewToken, tokenNeedsRefresh, type SentWith, type WeComCredentials } from './credentials';
import { notWeComAnswerError, weComErrcodeError, weComTransportError, type WeComErrorBody } from './errors';
import { withoutKnownSecrets } from './redact';
import { NO_RETRY, withRetry, type RetryPolicy } from './retry';

interface WeComRequest {
	method: IHttpRequestMethods;
	/** Path under the API base URL, e.g. `/cgi-bin/message/send`. */
	path: string;
	/** JSON, or the bytes of a multipart upload (with its Content-Type in headers). */
	body?: IDataObject | Buffer;
	qs?: IDataObject;
	headers?: IDataObject;
	timeoutMs?: number;
}

type WeComResponse = IDataObject & WeComErrorBody;

interface WeComCallOptions {
	retry?: RetryPolicy;
	/** A field-level explanation for errcodes the caller knows better (card rules). */
	explainErrcode?: (errcode: number) => string | undefined;
}

export interface WeComCallResult {
	response: WeComResponse;
	attempts: number;
	/** Sent again after a failure that may have been delivered. */
	resent: boolean;
}

/**
 * A refused token is replaced at most this often per request: once for the refusal, once more
 * if the replacement is refused too (it expired in between, or another process replaced it).
 */
const MAX_TOKEN_REPLACEMENTS = 2;

/** weComApiRequest under a retry policy; reports how many attempts it took. */
export async function weComApiCall(
	this: WeComApiContext,
	request: WeComRequest,
	itemIndex: number,
	{ retry = NO_RETRY, explainErrcode }: WeComCallOptions = {},
): Promise<WeComCallResult> {
	const { result, attempts, resent } = await withRetry(
		retry,
		async () => await weComApiRequest.call(this, { ...request, timeoutMs: retry.timeoutMs }, itemIndex, explainErrcode),
	);
	return { response: result, attempts, resent };
}

/**
 * The only place that talks to the WeCom app API. Sends with the token in hand over kept-alive
 * connections (./connection), replaces a refused or expired token (./credentials), and turns every answer
 * that is not a WeCom success into a NodeApiError that explains it.
 */
async function weComApiRequest(
	this: WeComApiContext,
	request: WeComRequest,
	itemIndex: number,
	explainErrcode?: (errcode: number) => string | undefined,
): Promise<WeComResponse> {
	const credentials = (await appCredentials(this, itemIndex)) as WeComCredentials;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${weComBaseUrl(credentials)}${request.path}`,
		body: request.body,
		qs: request.qs,
		headers: request.headers,
		json: true,
		timeout: request.timeoutMs ?? NO_RETRY.timeoutMs,
		// Another host's answer is not WeCom's, and the Location would carry the token along.
		disableFollowRedirect: true,
	};
	// Every value that must never reach an error: the secret and each token used on the way.
	const secrets: unknown[] = [credentials.corpSecret, credentials.accessToken];
	const send = senderFor(this);

	let sent: SentWith;
	try {
		const needsToken = tokenNeedsRefresh(credentials);
		if (needsToken) testConnectionAhead(this, options, credentials);
		sent = needsToken
			? await sendWithNewToken(this, itemIndex, options, credentials, 'expired', send)
			: await send(options, credentials);
		secrets.push(sent.credentials.accessToken);
		for (let replaced = 0; replaced < MAX_TOKEN_REPLACEMENTS && refusesToken(sent.response); replaced++) {
			sent = await sendWithNewToken(this, itemIndex, options, sent.credentials, 'refused', send);
			secrets.push(sent.credentials.accessToken);
		}
	} catch (error) {
		secrets.push(await storedToken(this, itemIndex));
		throw weComTransportError(this.getNode(), error, itemIndex, secrets);
	}
	if (sent.credentials !== credentials) keepInHand(this, sent.credentials);

	const response = sent.response;
	if (!isWeComAnswer(response)) throw notWeComAnswerError(this.getNode(), itemIndex);
	if (response.errcode !== 0) {
		throw weComErrcodeError(this.getNode(), response, itemIndex, explainErrcode?.(response.errcode), secrets);
	}
	// Operations hand the answer on (Custom API Call whole, Get Approval Detail as `detail`).
	return withoutKnownSecrets(response, secrets);
}

/** A token refreshed on the way that failed may be in the error too: it is stored by now. */
async function storedToken(ctx: WeComApiContext, itemIndex: number): Promise<unknown> {
	try {
		return ((await readCredentials(ctx, CREDENTIAL_TYPE, itemIndex)) as WeComCredentials).accessToken;
	} catch {
		return undefined;
	}
}

function refusesToken(response: unknown): boolean {
	return isWeComAnswer(response) && TOKEN_ERRCODES.includes(response.errcode);
}

/**
 * WeCom answers every call of this API with a JSON object holding a numeric errcode (0 on
 * success). Anything else on HTTP 200 (a gateway's HTML page, an empty or cut-off body) came
 * from somewhere else, and says nothing about whether WeCom got the request.
 */
function isWeComAnswer(response: unknown): response is WeComResponse {
	return (
		typeof response === 'object' &&
		response !== null &&
		!Array.isArray(response) &&
		typeof (response as { errcode?: unknown }).errcode === 'number'
	);
}
