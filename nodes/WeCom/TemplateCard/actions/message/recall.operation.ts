import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, retryOptions } from '../../descriptions/options';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { recallMessage } from '../../transport/messages';
import { showFor } from '../node.type';
import { nodeParameter } from '../../helpers/parameters';

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
	optionsCollection(retryOptions()),
];

export const description = updateDisplayOptions(showFor('message', 'recall'), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const msgid = String(nodeParameter(this, 'msgid', itemIndex, '')).trim();
	if (!msgid) {
		throw new NodeOperationError(this.getNode(), 'Message ID is empty', {
			itemIndex,
			description: 'Use the msgid of the send output.',
		});
	}
	const retry = retryPolicyFrom(readOptions<RetryOptionValues>(this, itemIndex), false);
	const { attempts } = await recallMessage(this, itemIndex, msgid, retry);
	return { recalled: true, msgid, attempts };
}
