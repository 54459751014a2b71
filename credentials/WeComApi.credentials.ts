import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { WECOM_API_ORIGIN, weComBaseUrl } from '../nodes/WeCom/shared/apiOrigin';
import { SECRET_REFUSED_ERRCODES } from '../nodes/WeCom/shared/errorCodes';
import { GETTOKEN_TIMEOUT_MS } from '../nodes/WeCom/shared/limits';
import { WeComTokenError, WeComTokenUnavailableError, tokenErrorMessage } from '../nodes/WeCom/shared/tokenError';
import { TokenOnlyRequestEnded, isTokenOnlyRequest } from '../nodes/WeCom/shared/tokenOnlyRequest';

/** WeCom's usual lifetime, for an answer without a usable expires_in. */
const DEFAULT_TOKEN_LIFETIME_SECONDS = 7200;

/**
 * WeCom documents the token as a string of up to 512 bytes that goes into a URL query
 * (https://developer.work.weixin.qq.com/document/path/91039); anything else (a number, a
 * megabyte, spaces) came from something that is not WeCom and would be stored until it expires.
 */
function isTokenShaped(token: unknown): token is string {
	return typeof token === 'string' && /^[\x21-\x7e]{1,512}$/.test(token);
}

interface GetTokenResponse {
	errcode?: number;
	errmsg?: string;
	access_token?: string;
	expires_in?: number;
}

/**
 * A WeCom self-built app: Corp ID + the app's Secret. The credential owns the access_token:
 * n8n stores what preAuthentication returns in the credential itself, so every process
 * (main, webhook, queue-mode workers) reads the same token from the database.
 */
export class WeComApi implements ICredentialType {
	name = 'weComApi';

	displayName = 'WeCom API';

	icon: Icon = { light: 'file:../icons/wecom.svg', dark: 'file:../icons/wecom.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wecom-card/n8n-nodes-wecom-card#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Corp ID',
			name: 'corpId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'ww0123456789abcdef',
			description: 'Admin console: My Company > Company Information > Company ID (企业ID)',
		},
		{
			displayName: 'Corp Secret',
			name: 'corpSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "The app's Secret. Admin console: Applications > your app > Secret (View).",
		},
		{
			displayName: 'Agent ID',
			name: 'agentId',
			type: 'number',
			default: 0,
			required: true,
			description: 'AgentId of the same app whose Secret is above. Admin console: Applications > your app > AgentId.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: WECOM_API_ORIGIN,
			description:
				'Change only to go through a fixed-IP egress proxy (WeCom answers 60020 for IPs that are not trusted), a private deployment, or the bundled sandbox',
		},
		{
			displayName: 'Connections',
			name: 'connections',
			type: 'options',
			options: [
				{
					name: 'Kept Alive',
					value: 'keptAlive',
					description:
						"Reuses connections to WeCom (fastest). If WeCom refuses them (60020), or three requests in a row cannot connect while n8n's HTTP client gets through (HTTP_PROXY / HTTPS_PROXY), this app uses n8n's client for ten minutes, then tries again. Under an outbound-request (SSRF) policy n8n's client is always used.",
				},
				{
					name: "N8n's HTTP Client",
					value: 'n8nClient',
					description:
						'A new connection per request, through the proxy n8n is configured with (HTTP_PROXY / HTTPS_PROXY)',
				},
			],
			default: 'keptAlive',
			description: 'How requests with a token reach WeCom; getting the token always goes through n8n',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Expires At',
			name: 'accessTokenExpiresAt',
			type: 'hidden',
			typeOptions: { password: true },
			// A string, not a number: n8n 1.x redacts password fields with value.startsWith(), and a
			// number there breaks opening the credential (HTTP 500) once a token is stored.
			default: '',
		},
	];

	/**
	 * n8n runs this when the token field is empty (first use, or a forced refresh by the
	 * transport after 40014/42001/41001) and on the credential Test. It never loops: a bad
	 * secret must not be retried (WeCom can block the IP for an hour).
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const baseUrl = weComBaseUrl(credentials);
		const secret = String(credentials.corpSecret ?? '');
		let response: unknown;
		try {
			response = await this.helpers.httpRequest({
				method: 'GET',
				url: `${baseUrl}/cgi-bin/gettoken`,
				qs: { corpid: credentials.corpId, corpsecret: secret },
				json: true,
				timeout: GETTOKEN_TIMEOUT_MS,
				// A redirect would carry the secret in its query to another host.
				disableFollowRedirect: true,
				// `timeout` stops waiting for the headers only: a body that trickles in must not hold
				// every item and execution that waits for this token.
				abortSignal: AbortSignal.timeout(GETTOKEN_TIMEOUT_MS),
			});
		} catch (error) {
			// Rebuilt on purpose: the original error holds the request, and with it the secret.
			const reason = String((error as Error).message ?? error);
			throw new WeComTokenUnavailableError(baseUrl, secret ? reason.split(secret).join('***') : reason);
		}
		const answer = response as GetTokenResponse | undefined;
		if (!answer || typeof answer !== 'object' || typeof answer.errcode !== 'number') {
			// A gateway's HTML page, an empty or cut-off body: not WeCom's JSON.
			throw new WeComTokenUnavailableError(baseUrl, 'the answer was not WeCom JSON (a proxy or gateway answered?)');
		}
		if (answer.errcode !== 0) {
			throw new WeComTokenError(answer.errcode, String(answer.errmsg ?? ''));
		}
		if (!isTokenShaped(answer.access_token)) {
			throw new WeComTokenUnavailableError(baseUrl, 'the answer holds no usable access_token');
		}
		// expires_in is what is left of this token's life: a repeated gettoken within its validity
		// may return the same token (https://developer.work.weixin.qq.com/document/path/91039).
		const expiresIn = Number(answer.expires_in);
		const lifetimeSeconds = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_TOKEN_LIFETIME_SECONDS;
		return {
			accessToken: answer.access_token,
			// Milliseconds since the epoch, as text (see the field's comment).
			accessTokenExpiresAt: String(Date.now() + lifetimeSeconds * 1000),
		};
	}

	/**
	 * The token goes in the query, as WeCom asks. A request the node made only so that n8n runs
	 * preAuthentication ends here, sent nowhere (see shared/tokenOnlyRequest).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const token = String(credentials.accessToken ?? '');
		if (isTokenOnlyRequest(requestOptions.headers)) throw new TokenOnlyRequestEnded(token !== '');
		const { qs } = requestOptions;
		// A query written as text (the HTTP Request node's JSON query can be) would be spread into
		// one parameter per character: refused, as n8n's generic authentication did with a TypeError.
		if (qs !== undefined && qs !== null && (typeof qs !== 'object' || Array.isArray(qs))) {
			throw new Error('The query parameters must be name/value pairs (a JSON object)');
		}
		return { ...requestOptions, qs: { ...qs, access_token: token } };
	}

	/**
	 * The Test button asks for a token itself: n8n reuses a stored token and skips
	 * preAuthentication, so only this request checks the Corp ID and Secret as they are now.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/cgi-bin/gettoken',
			method: 'GET',
			qs: { corpid: '={{$credentials.corpId}}', corpsecret: '={{$credentials.corpSecret}}' },
			// As for the node's own gettoken: the Secret is in the query, a redirect would carry it away.
			disableFollowRedirect: true,
			timeout: GETTOKEN_TIMEOUT_MS,
		},
		rules: SECRET_REFUSED_ERRCODES.map((errcode) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: 'errcode', value: errcode, message: tokenErrorMessage(errcode, '') },
		})),
	};
}
