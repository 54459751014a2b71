import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { weComBaseUrl } from '../../../../credentials/WeComApi.credentials';
import { TOKEN_ERRCODES } from '../../shared/errorCodes';
import {
	CREDENTIAL_TYPE,
	sendAuthenticated,
	sendWithFreshToken,
	tokenNeedsRefresh,
	type WeComCredentials,
} from './credentials';
import { weComErrcodeError, weComTransportError, type WeComErrorBody } from './errors';
import { NO_RETRY, withRetry, type RetryPolicy } from './retry';

export { NO_RETRY, type RetryPolicy } from './retry';

export interface WeComRequest {
	method: IHttpRequestMethods;
	/** Path under the API base URL, e.g. `/cgi-bin/message/send`. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	timeoutMs?: number;
}

export type WeComResponse = IDataObject & WeComErrorBody;

/**
 * The only place that talks to the WeCom app API. Authenticates with the `weComApi`
 * credential, refreshes the token once on 40014/42001/41001 (or shortly before it expires),
 * and turns every non-zero errcode into a NodeApiError that explains it.
 */
export interface WeComCallOptions {
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

/** weComApiRequest under a retry policy; reports how many attempts it took. */
export async function weComApiCall(
	this: IExecuteFunctions,
	request: WeComRequest,
	itemIndex: number,
	{ retry = NO_RETRY, explainErrcode }: WeComCallOptions = {},
): Promise<WeComCallResult> {
	const { result, attempts, resent } = await withRetry(retry, async () =>
		await weComApiRequest.call(this, { ...request, timeoutMs: retry.timeoutMs }, itemIndex, explainErrcode),
	);
	return { response: result, attempts, resent };
}

export async function weComApiRequest(
	this: IExecuteFunctions,
	request: WeComRequest,
	itemIndex: number,
	explainErrcode?: (errcode: number) => string | undefined,
): Promise<WeComResponse> {
	const credentials = (await this.getCredentials(CREDENTIAL_TYPE, itemIndex)) as WeComCredentials;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${weComBaseUrl(credentials)}${request.path}`,
		body: request.body,
		qs: request.qs,
		json: true,
		timeout: request.timeoutMs ?? NO_RETRY.timeoutMs,
	};

	let response: WeComResponse;
	try {
		response = (
			tokenNeedsRefresh(credentials)
				? await sendWithFreshToken(this, options, credentials)
				: await sendAuthenticated(this, options, credentials)
		) as WeComResponse;
		if (TOKEN_ERRCODES.includes(Number(response.errcode))) {
			response = (await sendWithFreshToken(this, options, credentials)) as WeComResponse;
		}
	} catch (error) {
		throw weComTransportError(this.getNode(), error, itemIndex);
	}

	const errcode = Number(response.errcode ?? 0);
	if (errcode !== 0) {
		throw weComErrcodeError(this.getNode(), { errcode, errmsg: response.errmsg }, itemIndex, explainErrcode?.(errcode));
	}
	return response;
}
