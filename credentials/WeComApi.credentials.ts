import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { WeComTokenError, tokenErrorMessage } from '../nodes/WeCom/shared/tokenError';

/** What gettoken answers for a credential that cannot work. */
const TOKEN_TEST_ERRCODES = [40013, 40001, 40091, 41002, 41004, 48002, 50003, 60020];

export const WECOM_DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com';

interface GetTokenResponse {
	errcode?: number;
	errmsg?: string;
	access_token?: string;
	expires_in?: number;
}

export function weComBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const configured = String(credentials.baseUrl ?? '').trim();
	return (configured || WECOM_DEFAULT_BASE_URL).replace(/\/+$/, '');
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
			description:
				'AgentId of the same app whose Secret is above. Admin console: Applications > your app > AgentId.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: WECOM_DEFAULT_BASE_URL,
			description:
				'Change only to go through a fixed-IP egress proxy (WeCom answers 60020 for IPs that are not trusted), a private deployment, or the bundled sandbox',
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
			default: 0,
		},
	];

	/**
	 * n8n runs this when the token field is empty (first use, or a forced refresh by the
	 * transport after 40014/42001/41001) and on the credential Test. It never loops: a bad
	 * secret must not be retried (WeCom can block the IP for an hour).
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const baseUrl = weComBaseUrl(credentials);
		let response: GetTokenResponse;
		try {
			response = (await this.helpers.httpRequest({
				method: 'GET',
				url: `${baseUrl}/cgi-bin/gettoken`,
				qs: { corpid: credentials.corpId, corpsecret: credentials.corpSecret },
				json: true,
			})) as GetTokenResponse;
		} catch (error) {
			// Rebuilt on purpose: the original error holds the request, and with it the secret.
			throw new Error(
				`Could not reach WeCom at ${baseUrl} to get an access token: ${(error as Error).message}`,
			);
		}
		const errcode = Number(response?.errcode ?? 0);
		if (errcode !== 0 || !response.access_token) {
			throw new WeComTokenError(errcode || 41001, String(response?.errmsg ?? 'no access_token'));
		}
		const lifetimeSeconds = Number(response.expires_in) || 7200;
		return {
			accessToken: response.access_token,
			accessTokenExpiresAt: Date.now() + lifetimeSeconds * 1000,
		};
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: { access_token: '={{$credentials.accessToken}}' },
		},
	};

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
		},
		rules: TOKEN_TEST_ERRCODES.map((errcode) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: 'errcode', value: errcode, message: tokenErrorMessage(errcode, '') },
		})),
	};
}
