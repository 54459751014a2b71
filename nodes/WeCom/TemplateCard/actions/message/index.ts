import type { INodeProperties } from 'n8n-workflow';
import { SEND_AND_WAIT_OPERATION } from 'n8n-workflow';

import type { Operations } from '../node.type';
import * as recall from './recall.operation';
import * as sendTemplateCard from './send.operation';
import * as sendAndWait from './sendAndWait/sendAndWait.operation';
import * as updateTemplateCard from './update.operation';

export const operations: Operations<'message'> = { sendTemplateCard, sendAndWait, updateTemplateCard, recall };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Recall',
				value: 'recall',
				action: 'Recall a message',
				description: 'Withdraw a message sent within the last 24 hours',
			},
			{
				name: 'Send and Wait for Response',
				value: SEND_AND_WAIT_OPERATION,
				action: 'Send a card and wait for a response',
				description: 'Send a card with buttons, wait until someone clicks one, then show the answer on the card',
			},
			{
				name: 'Send Template Card',
				value: 'sendTemplateCard',
				action: 'Send a template card',
				description: 'Send a template card as an app message to users, departments or tags',
			},
			{
				name: 'Update Template Card',
				value: 'updateTemplateCard',
				action: 'Update a template card',
				description: 'Grey out the clicked button or replace the whole card, using a response_code',
			},
		],
		default: 'sendTemplateCard',
	},
	...sendTemplateCard.description,
	...sendAndWait.description,
	...updateTemplateCard.description,
	...recall.description,
];
