import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { approvalOutput } from '../../shared/approval';
import type { WeComCallbackEvent } from '../../shared/callback';
import { retryPolicyFrom } from '../../TemplateCard/helpers/options';
import { fetchApprovalDetail } from '../../TemplateCard/transport/approvals';

/**
 * Include Approval Details: sys_approval_change carries the approval number, status and
 * approvers, not the form (https://developer.work.weixin.qq.com/document/path/91815). The
 * application is read with getapprovaldetail through the WeCom API credential and added as
 * `approval`, the output of Get Approval Detail. A failed read does not lose the event: it
 * starts the workflow with `approvalError` instead.
 */
export async function withApprovalDetails(ctx: IWebhookFunctions, event: WeComCallbackEvent): Promise<IDataObject> {
	const output = event as IDataObject;
	const spNo = output.spNo;
	if (output.event !== 'sys_approval_change' || typeof spNo !== 'string' || spNo === '') return output;
	try {
		const info = await fetchApprovalDetail(ctx, 0, spNo, retryPolicyFrom({}, true));
		return { ...output, approval: approvalOutput(info) as unknown as IDataObject };
	} catch (error) {
		const failure = error as { message?: string; errcode?: number; description?: string };
		ctx.logger.warn(`WeCom Trigger could not read approval ${spNo}: ${failure.message ?? String(error)}`);
		return {
			...output,
			approvalError: {
				message: failure.message ?? String(error),
				...(failure.errcode !== undefined && { errcode: failure.errcode }),
				...(failure.description && { description: failure.description }),
			},
		};
	}
}
