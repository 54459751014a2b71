import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The "Receive Messages" (接收消息) settings of one WeCom app, used only to check and decrypt
 * what WeCom sends. WeCom has no API to test them, so the WeCom Trigger tests them locally
 * (formats, and an encrypt/decrypt round trip): the credential declares no `test` of its own
 * and the node's reference carries `testedBy`, which n8n's lint rule accepts.
 */
export class WeComCallbackApi implements ICredentialType {
	name = 'weComCallbackApi';

	displayName = 'WeCom Callback API';

	icon: Icon = { light: 'file:../icons/wecom.svg', dark: 'file:../icons/wecom.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wecom-card/n8n-nodes-wecom-card#wecom-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Corp ID',
			name: 'corpId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'ww0123456789abcdef',
			description:
				'Admin console: My Company > Company Information > Company ID. Every callback must be addressed to it.',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'From App Management > your app > Receive Messages > Set API (up to 32 letters or digits). Used to check signatures.',
		},
		{
			displayName: 'EncodingAESKey',
			name: 'encodingAesSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From the same page: exactly 43 letters or digits. Used to decrypt callbacks.',
		},
	];
}
