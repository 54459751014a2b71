import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nodeParameter } from '../../helpers/parameters';
import { customApiPath } from './apiPath';

/** Query parameters the node sets itself (the token, the robot key) or that hold a secret. */
const RESERVED_QUERY = new Set(['access_token', 'key', 'corpsecret']);

/**
 * The name a lenient server may read: case, control characters and a trailing `[...]`
 * (`access_token[]` is access_token to many query parsers) ignored.
 */
function queryNameAsRead(name: string): string {
	return name
		.replace(/\p{Cc}/gu, '')
		.replace(/\[.*$/s, '')
		.trim()
		.toLowerCase();
}

export function callFields(pathPlaceholder: string, pathDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Method',
			name: 'customMethod',
			type: 'options',
			// WeCom's server API uses GET and POST only.
			options: [
				{ name: 'GET', value: 'GET' },
				{ name: 'POST', value: 'POST' },
			],
			default: 'POST',
		},
		{
			displayName: 'Path',
			name: 'customPath',
			type: 'string',
			default: '',
			required: true,
			placeholder: pathPlaceholder,
			description: pathDescription,
		},
		{
			displayName: 'Query Parameters (JSON)',
			name: 'customQuery',
			type: 'json',
			default: '{}',
			description:
				'Query parameters as a JSON object, e.g. {"userid": "alice"}. The node adds the token or key itself.',
		},
		{
			displayName: 'Body (JSON)',
			name: 'customBody',
			type: 'json',
			default: '{}',
			displayOptions: { show: { customMethod: ['POST'] } },
			description: 'The JSON body WeCom documents for this API',
		},
	];
}

export interface CustomCall {
	method: 'GET' | 'POST';
	path: string;
	qs: IDataObject;
	body?: IDataObject;
}

function jsonObject(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): IDataObject {
	const raw = nodeParameter(ctx, name, itemIndex, '{}');
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = raw.trim() === '' ? {} : (JSON.parse(raw) as unknown);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `${label} is not valid JSON: ${(error as Error).message}`, {
				itemIndex,
			});
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be a JSON object`, { itemIndex });
	}
	return value as IDataObject;
}

/** The call as the form describes it, checked before anything is sent. */
export function readCustomCall(ctx: IExecuteFunctions, itemIndex: number, pathPrefix: string): CustomCall {
	const method = String(nodeParameter(ctx, 'customMethod', itemIndex, 'POST')) === 'GET' ? 'GET' : 'POST';
	let path: string;
	try {
		path = customApiPath(String(nodeParameter(ctx, 'customPath', itemIndex, '')), pathPrefix);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Path ${(error as Error).message}`, { itemIndex });
	}
	const qs = jsonObject(ctx, itemIndex, 'customQuery', 'Query Parameters (JSON)');
	const reserved = Object.keys(qs).find((name) => RESERVED_QUERY.has(queryNameAsRead(name)));
	if (reserved) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Query Parameters (JSON) must not contain "${reserved}": the node adds the credential's token or key itself`,
			{ itemIndex },
		);
	}
	const nested = Object.keys(qs).find((name) => !['string', 'number', 'boolean'].includes(typeof qs[name]));
	if (nested) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Query Parameters (JSON) "${nested}" must be a string, number or boolean`,
			{
				itemIndex,
				description:
					'A query parameter is one value; an object or list would be sent as text such as "[object Object]".',
			},
		);
	}
	const body = method === 'POST' ? jsonObject(ctx, itemIndex, 'customBody', 'Body (JSON)') : undefined;
	return { method, path, qs, body };
}
