import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { approvalOutput } from '../../../shared/approval';
import { optionsCollection, retryOptions } from '../../descriptions/options';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { nodeParameter } from '../../helpers/parameters';
import { fetchApprovalDetail } from '../../transport/approvals';
import { showFor } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Approval Number',
		name: 'spNo',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.ApprovalInfo.SpNo }}',
		description: 'The sp_no of the application, e.g. from the WeCom Trigger or Get Many Approvals',
	},
	optionsCollection(retryOptions()),
];

export const description = updateDisplayOptions(showFor('approval', 'getDetail'), properties);

/** An approval number is digits (e.g. 202601050001); anything else cannot name an application. */
export function readSpNo(ctx: IExecuteFunctions, itemIndex: number, name = 'spNo'): string {
	const spNo = String(nodeParameter(ctx, name, itemIndex, '')).trim();
	if (!/^\d+$/.test(spNo)) {
		throw new NodeOperationError(ctx.getNode(), `Approval Number must be the application's digits (got "${spNo}")`, {
			itemIndex,
			description: 'Use the sp_no of the WeCom Trigger (ApprovalInfo.SpNo) or of Get Many Approvals.',
		});
	}
	return spNo;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const spNo = readSpNo(this, itemIndex);
	const retry = retryPolicyFrom(readOptions<RetryOptionValues>(this, itemIndex), true);
	return approvalOutput(await fetchApprovalDetail(this, itemIndex, spNo, retry)) as unknown as IDataObject;
}
