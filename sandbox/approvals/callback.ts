import type { ApprovalAction } from '../callbacks/types';
import type { ApprovalChange } from './store';

/**
 * The sys_approval_change event an application change causes
 * (https://developer.work.weixin.qq.com/document/path/91815), sent to the app that submitted it:
 * the node where the change happened, with its approvers' decisions.
 */
export function approvalActionOf({ approval, statusChangeEvent }: ApprovalChange): ApprovalAction {
	const { info } = approval;
	const decided = info.sp_record.filter((node) => node.details.some((detail) => detail.sptime > 0));
	const node = decided[decided.length - 1] ?? info.sp_record[0];
	return {
		spNo: info.sp_no,
		status: info.sp_status,
		spName: info.sp_name,
		templateId: info.template_id,
		applicant: { userId: info.applyer.userid, party: info.applyer.partyid },
		approvers: (node?.details ?? []).map((detail) => ({
			userId: detail.approver.userid,
			status: detail.sp_status,
			speech: detail.speech,
			time: detail.sptime,
		})),
		notifiers: info.notifyer.map((notifier) => notifier.userid),
		statusChangeEvent,
		applyTime: info.apply_time,
		corpId: approval.corpId,
		agentId: approval.agentId,
	};
}
