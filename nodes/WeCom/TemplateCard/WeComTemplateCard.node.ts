import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as approval from './actions/approval';
import * as contact from './actions/contact';
import * as customApiCall from './actions/custom';
import { CUSTOM_API_CALL_NAME, withOwnCustomApiCall } from './actions/custom/replaceN8nEntry';
import * as media from './actions/media';
import * as message from './actions/message';
import * as robot from './actions/robot';
import { router } from './actions/router';
import { listSearch, resourceMapping } from './methods';
import { sendAndWaitWebhook } from './actions/message/sendAndWait/webhook';
import { sendAndWaitWebhooks } from './actions/message/sendAndWait/webhookDescription';

/**
 * Programmatic rather than declarative: WeCom answers errors as HTTP 200 + errcode, so the
 * node needs its own token refresh, card validation before sending, retry and dedup.
 */
export class WeComTemplateCard implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WeCom Template Card',
		name: 'weComTemplateCard',
		icon: { light: 'file:../../../icons/wecom.svg', dark: 'file:../../../icons/wecom.dark.svg' },
		group: ['output'],
		version: 1,
		// The operation's label as its Operation field shows it (test/unit/subtitle.test.ts keeps them equal).
		subtitle:
			'={{ ({ sendTemplateCard: "Send Template Card", sendAndWait: "Send and Wait for Response", updateTemplateCard: "Update Template Card", recall: "Recall", findUser: "Find User", uploadImage: "Upload Image", uploadFile: "Upload File", uploadMedia: "Upload Media", getDetail: "Get Approval Detail", getMany: "Get Many Approvals", submit: "Submit Approval", customApiCall: "Custom API Call" })[$parameter["operation"]] }}',
		description: 'Send, update and recall WeCom (WeChat Work) template cards',
		defaults: { name: 'WeCom Template Card' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'weComApi',
				required: true,
				displayOptions: { show: { resource: ['message', 'approval', 'contact', 'media', 'customApiCall'] } },
			},
			{ name: 'weComWebhookApi', required: true, displayOptions: { show: { resource: ['robot'] } } },
		],
		// Send and Wait for Response: n8n's resume link for a clicked card button.
		webhooks: sendAndWaitWebhooks,
		waitingNodeTooltip: 'Waiting for someone to click a button on the WeCom card',
		properties: withOwnCustomApiCall([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'App Message', value: 'message' },
					{ name: 'Approval', value: 'approval' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Group Robot', value: 'robot' },
					{ name: 'Media', value: 'media' },
					// Last, under n8n's own name: n8n then adds no entry that sends users to HTTP Request.
					{
						name: CUSTOM_API_CALL_NAME,
						value: 'customApiCall',
						description: "Call any WeCom server API with the credential's managed access token",
					},
				],
				default: 'message',
			},
			...message.description,
			...robot.description,
			...approval.description,
			...contact.description,
			...media.description,
			...customApiCall.description,
		]),
	};

	methods = { listSearch, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await sendAndWaitWebhook.call(this);
	}
}
