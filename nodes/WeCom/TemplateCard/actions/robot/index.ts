import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from '../node.type';
import { robotCustomApiCall } from '../custom/robotCall.operation';
import * as sendTemplateCard from './send.operation';
import * as uploadMedia from './uploadMedia.operation';

export const operations: Operations<'robot'> = { sendTemplateCard, uploadMedia, customApiCall: robotCustomApiCall };

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
			{
				name: 'Upload Media',
				value: 'uploadMedia',
				action: 'Upload a file for robot messages',
				description: "Upload a file or voice from a binary field with the robot's key; get a media_id for 3 days",
			},
		],
		default: 'sendTemplateCard',
	},
	...sendTemplateCard.description,
	...uploadMedia.description,
	...robotCustomApiCall.description,
];
