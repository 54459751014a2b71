import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { retryOptions } from '../../descriptions/retryOptions';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { weComApiCall } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'msgid',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.msgid }}',
		description: 'The msgid of the send output. Messages can be recalled within 24 hours of sending.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...retryOptions],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['recall'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const msgid = String(this.getNodeParameter('msgid', itemIndex, '')).trim();
	if (!msgid) {
		throw new NodeOperationError(this.getNode(), 'Message ID is empty', {
			itemIndex,
			description: 'Use the msgid of the send output.',
		});
	}
	// A second recall of the same message fails, so possibly-delivered attempts are not repeated.
	const { attempts } = await weComApiCall.call(
		this,
		{ method: 'POST', path: '/cgi-bin/message/recall', body: { msgid } },
		itemIndex,
		{ retry: retryPolicyFrom(readOptions<RetryOptionValues>(this, itemIndex), false) },
	);
	return { recalled: true, msgid, attempts };
}
