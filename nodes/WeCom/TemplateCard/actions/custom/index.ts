import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from '../node.type';
import * as customApiCall from './appCall.operation';
import { CUSTOM_API_CALL_NAME, CUSTOM_API_CALL_OPERATION } from './replaceN8nEntry';

export const operations: Operations<'customApiCall'> = { customApiCall };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		options: [
			{
				name: CUSTOM_API_CALL_NAME,
				value: CUSTOM_API_CALL_OPERATION,
				action: 'Make a custom API call',
				description: "Call any WeCom server API with the credential's managed access token",
			},
		],
		default: CUSTOM_API_CALL_OPERATION,
	},
	...customApiCall.description,
];
