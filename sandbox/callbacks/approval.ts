import type { XmlInputObject } from './xmlWrite';
import type { CorpIndex } from '../state';
import { fail } from './config';
import type { ApprovalAction, ApprovalStatusName } from './types';

const STATUS_CODES: Record<ApprovalStatusName, number> = {
	pending: 1,
	approved: 2,
	rejected: 3,
	revoked: 4,
	revokedAfterApproval: 6,
	deleted: 7,
	paid: 10,
};

/** SpStatus → the StatuChangeEvent that usually leads there (1 submitted, 2 agreed, 3 rejected, 6/8 revoked). */
const CHANGE_EVENT_FOR_STATUS: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 6, 6: 8 };

export function approvalStatusCode(status: ApprovalAction['status']): number {
	const code = typeof status === 'number' ? status : STATUS_CODES[status];
	if (!Object.values(STATUS_CODES).includes(code)) fail(`unknown approval status ${String(status)}`);
	return code;
}

/** SpNo is numeric in WeCom's XML; anything else is sent as text. */
function spNoValue(spNo: string): string | number {
	return /^[1-9][0-9]{0,14}$/.test(spNo) ? Number(spNo) : spNo;
}

/** The decrypted sys_approval_change event, with the fields the SDKs document. */
export function approvalXml(
	action: ApprovalAction,
	target: { corp: CorpIndex; agentId: number },
	nowSeconds: number,
): XmlInputObject {
	if (typeof action.spNo !== 'string' || action.spNo === '') fail('approve needs an spNo');
	const status = approvalStatusCode(action.status);
	const users = target.corp.corp.users;
	const applicant = action.applicant ?? { userId: users[0] ?? 'applicant' };
	const approvers = action.approvers ?? [{ userId: users[1] ?? users[0] ?? 'approver' }];
	const decided = status === 2 || status === 3;
	return {
		ToUserName: target.corp.corp.corpId,
		FromUserName: 'sys',
		CreateTime: nowSeconds,
		MsgType: 'event',
		Event: 'sys_approval_change',
		AgentID: target.agentId,
		ApprovalInfo: {
			SpNo: spNoValue(action.spNo),
			SpName: action.spName ?? 'Expense',
			SpStatus: status,
			TemplateId: action.templateId ?? 'C4RbTemplateSandbox0001',
			ApplyTime: action.applyTime ?? nowSeconds - 60,
			Applyer: { UserId: applicant.userId, Party: applicant.party ?? '1' },
			SpRecord: {
				SpStatus: decided ? status : 1,
				ApproverAttr: 1,
				Details: approvers.map((approver) => ({
					Approver: { UserId: approver.userId },
					Speech: approver.speech ?? '',
					SpStatus: approver.status ?? (decided ? status : 1),
					SpTime: approver.time ?? (decided ? nowSeconds : 0),
				})),
			},
			Notifyer: action.notifiers?.map((userId) => ({ UserId: userId })),
			StatuChangeEvent: action.statusChangeEvent ?? CHANGE_EVENT_FOR_STATUS[status],
		},
	};
}
