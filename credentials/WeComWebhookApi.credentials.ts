import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { WECOM_API_ORIGIN, parseRobotWebhook } from '../nodes/WeCom/shared/apiOrigin';
import { ERRCODE, describeErrcode } from '../nodes/WeCom/shared/errorCodes';

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
			placeholder: `${WECOM_API_ORIGIN}/cgi-bin/webhook/send?key=...`,
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
			baseURL: `={{ ($credentials.webhookSecret ?? '').trim().match(/^https?:\\/\\/[^/?#]+/i)?.[0] ?? '${WECOM_API_ORIGIN}' }}`,
			url: '/cgi-bin/webhook/send',
			method: 'POST',
		},
		rules: [failIf(ERRCODE.invalidRobotWebhook), failIf(ERRCODE.robotDisabled)],
	};
}
