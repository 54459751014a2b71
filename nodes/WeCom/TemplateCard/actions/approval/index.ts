import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from '../node.type';
import * as getDetail from './getDetail.operation';
import * as getMany from './getMany.operation';
import * as submit from './submit.operation';

export const operations: Operations<'approval'> = { getDetail, getMany, submit };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['approval'] } },
		options: [
			{
				name: 'Get Approval Detail',
				value: 'getDetail',
				action: 'Get an approval',
				description: 'Read an application by its number, with its form as readable fields',
			},
			{
				name: 'Get Many Approvals',
				value: 'getMany',
				action: 'Get many approvals',
				description: 'List approval numbers submitted in a time range, with filters',
			},
			{
				name: 'Submit Approval',
				value: 'submit',
				action: 'Submit an approval',
				description: 'File an application on an approval template',
			},
		],
		default: 'getDetail',
	},
	...getDetail.description,
	...getMany.description,
	...submit.description,
];
