import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from '../node.type';
import * as sendTemplateCard from './send.operation';

export const operations: Operations<'robot'> = { sendTemplateCard };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['robot'] } },
		options: [
			{
				name: 'Send Template Card',
				value: 'sendTemplateCard',
				action: 'Send a template card via group robot',
				description: 'Post a text or news notice card to the group chat of a robot webhook',
			},
		],
		default: 'sendTemplateCard',
	},
	...sendTemplateCard.description,
];
