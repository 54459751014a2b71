import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as message from './actions/message';
import * as robot from './actions/robot';
import { router } from './actions/router';
import { sendAndWaitWebhook, sendAndWaitWebhooks } from './webhooks';

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
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send, update and recall WeCom (WeChat Work) template cards',
		defaults: { name: 'WeCom Template Card' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'weComApi', required: true, displayOptions: { show: { resource: ['message'] } } },
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
				],
				default: 'message',
			},
			...message.description,
			...robot.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const waiting = resource === 'message' ? message.waitingOperations[operation] : undefined;
		return waiting ? await waiting.call(this) : await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await sendAndWaitWebhook.call(this);
	}
}
