import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../router';
import * as sendTemplateCard from './send.operation';

export const operations: Record<string, OperationExecute> = {
	sendTemplateCard: sendTemplateCard.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send Template Card',
				value: 'sendTemplateCard',
				action: 'Send a template card',
				description: 'Send a template card as an app message to users, departments or tags',
			},
		],
		default: 'sendTemplateCard',
	},
	...sendTemplateCard.description,
];
