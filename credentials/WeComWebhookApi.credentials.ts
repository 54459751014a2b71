import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { describeErrcode } from '../nodes/WeCom/shared/errorCodes';

export const WECOM_ROBOT_DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com';

export interface RobotWebhook {
	/** Origin of the webhook URL, e.g. `https://qyapi.weixin.qq.com`. */
	baseUrl: string;
	key: string;
}

/** The message never repeats the value: it is the secret. */
const INVALID_WEBHOOK =
	'The Webhook URL or Key of the WeCom group robot credential is not valid. Paste the whole webhook address (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...) or just the key.';

/**
 * Reads the credential's one field: the robot's full webhook URL, or just its key (then the
 * public WeCom API is meant). Throws without quoting the value.
 */
export function parseRobotWebhook(value: unknown): RobotWebhook {
	const text = String(value ?? '').trim();
	if (/^https?:\/\//i.test(text)) {
		let url: URL;
		try {
			url = new URL(text);
		} catch {
			throw new Error(INVALID_WEBHOOK);
		}
		const key = url.searchParams.get('key')?.trim();
		if (!key) throw new Error(INVALID_WEBHOOK);
		return { baseUrl: url.origin, key };
	}
	// A bare key: nothing that would make it a URL or break the query string.
	if (!text || /[\s/?&#=]/.test(text)) throw new Error(INVALID_WEBHOOK);
	return { baseUrl: WECOM_ROBOT_DEFAULT_BASE_URL, key: text };
}

const failIf = (errcode: number) => {
	const { meaning, hint } = describeErrcode(errcode);
	return {
		type: 'responseSuccessBody' as const,
		properties: { key: 'errcode', value: errcode, message: `WeCom errcode ${errcode}: ${meaning}. ${hint}` },
	};
};

/**
 * A WeCom group robot (消息推送, formerly 群机器人). The key in its webhook URL is the whole
 * credential: whoever has it can post to the group, so the field is a password field.
 */
export class WeComWebhookApi implements ICredentialType {
	name = 'weComWebhookApi';

	displayName = 'WeCom Group Robot (Webhook) API';

	icon: Icon = { light: 'file:../icons/wecom.svg', dark: 'file:../icons/wecom.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wecom-card/n8n-nodes-wecom-card#group-robot';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook URL or Key',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...',
			description:
				'The webhook address of the group robot, or just its key. In WeCom: the group chat > ... > Message Push / Add Group Robot > the robot > copy its Webhook address.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { key } = parseRobotWebhook(credentials.webhookSecret);
		return { ...requestOptions, qs: { ...requestOptions.qs, key } };
	}

	/**
	 * Sends no message: an empty body. WeCom checks the key first (93000 for an unknown or
	 * removed robot), then answers 93017 (empty body), which proves the key is good.
	 * The base URL is parseRobotWebhook's origin, written as an expression.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ($credentials.webhookSecret ?? '').trim().match(/^https?:\\/\\/[^/?#]+/i)?.[0] ?? '${WECOM_ROBOT_DEFAULT_BASE_URL}' }}`,
			url: '/cgi-bin/webhook/send',
			method: 'POST',
		},
		rules: [failIf(93000), failIf(93004)],
	};
}
