import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as message from './actions/message';
import * as robot from './actions/robot';
import { router } from './actions/router';

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
		return await router.call(this);
	}
}
