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
import * as message from './actions/message';
import * as robot from './actions/robot';
import { router } from './actions/router';
import { sendAndWaitWebhook } from './actions/message/sendAndWait/webhook';
import { sendAndWaitWebhooks } from './actions/message/sendAndWait/webhookDescription';
import { getApprovalFormFields, searchApprovalTemplates } from './methods';

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
			'={{ ({ sendTemplateCard: "Send Template Card", sendAndWait: "Send and Wait for Response", updateTemplateCard: "Update Template Card", recall: "Recall", getDetail: "Get Approval Detail", getMany: "Get Many Approvals", submit: "Submit Approval" })[$parameter["operation"]] }}',
		description: 'Send, update and recall WeCom (WeChat Work) template cards',
		defaults: { name: 'WeCom Template Card' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'weComApi', required: true, displayOptions: { show: { resource: ['message', 'approval'] } } },
			{ name: 'weComWebhookApi', required: true, displayOptions: { show: { resource: ['robot'] } } },
		],
		// Send and Wait for Response: n8n's resume link for a clicked card button.
		webhooks: sendAndWaitWebhooks,
		waitingNodeTooltip: 'Waiting for someone to click a button on the WeCom card',
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'App Message', value: 'message' },
					{ name: 'Group Robot', value: 'robot' },
					{ name: 'Approval', value: 'approval' },
				],
				default: 'message',
			},
			...message.description,
			...robot.description,
			...approval.description,
		],
	};

	methods = {
		listSearch: { searchApprovalTemplates },
		resourceMapping: { getApprovalFormFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await sendAndWaitWebhook.call(this);
	}
}
