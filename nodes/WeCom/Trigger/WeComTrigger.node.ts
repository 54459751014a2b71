import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerProperties } from './description';
import { testCallbackCredential } from './helpers/credentialTest';
import { handleWebhook } from './helpers/handleWebhook';

/**
 * Receives WeCom's encrypted callbacks for one app: card clicks and submits, card menu clicks,
 * approval changes and messages. GET answers WeCom's URL check, POST carries the events.
 */
export class WeComTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeCom Trigger',
		name: 'weComTrigger',
		icon: { light: 'file:../../../icons/wecom.svg', dark: 'file:../../../icons/wecom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow on WeCom (WeChat Work) card clicks, approval changes and messages',
		defaults: { name: 'WeCom Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Literal name: n8n's lint reads testedBy from here to accept the credential without `test`.
		credentials: [
			{ name: 'weComCallbackApi', required: true, testedBy: 'weComCallbackApiTest' },
			// Only to read applications (Include Approval Details).
			{ name: 'weComApi', required: true, displayOptions: { show: { includeApprovalDetails: [true] } } },
		],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { weComCallbackApiTest: testCallbackCredential },
	};

	// WeCom has no API to register a callback URL: it is pasted into the admin console by hand.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook(this);
	}
}
