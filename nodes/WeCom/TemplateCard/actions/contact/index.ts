import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from '../node.type';
import * as findUser from './findUser.operation';

export const operations: Operations<'contact'> = { findUser };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Find User',
				value: 'findUser',
				action: 'Find a user by mobile or email',
				description: "Get a member's userid from their mobile number or e-mail address",
			},
		],
		default: 'findUser',
	},
	...findUser.description,
];
