import type { ServerResponse } from 'node:http';

import { applyFiles, checkApplication, formatApplyIssue, tableNestingIssue } from '../../nodes/WeCom/shared/approval';
import type { ApplyContent } from '../../nodes/WeCom/shared/approval';
import { isPlainObject, parseJson, sendJson } from '../http';
import type { ControlRequest } from '../routes/control';
import type { SandboxState } from '../state';
import { ApprovalError } from './store';
import type { ApprovalChange, Decision } from './store';

/** A member acting in the WeCom Approval app: submitting, deciding or revoking an application. */
export interface ApprovalSubmission {
	creator: string;
	templateId: string;
	contents: ApplyContent[];
	/** One approval node per entry, or-sign; default the template's flow (the corp's second member). */
	approvers?: string[];
	corpId?: string;
	agentId?: number;
}

export interface ApprovalDecision {
	spNo: string;
	userid: string;
	decision: Decision | 'revoke';
	speech?: string;
}

/** What the control API answers: the application after the change (and its callback has been sent). */
export interface ApprovalChangeResult {
	spNo: string;
	spStatus: number;
	statusChangeEvent: number;
}

function firstApp(state: SandboxState, corpId?: string, agentId?: number) {
	const corp = corpId === undefined ? [...state.corps.values()][0] : state.corps.get(corpId);
	const app = agentId === undefined ? corp?.corp.apps[0] : corp?.corp.apps.find((a) => a.agentId === agentId);
	if (!corp || !app) throw new ApprovalError(`unknown corp ${corpId ?? ''} or app ${agentId ?? ''}`);
	return { corp, app };
}

/** Submits as the applicant would in the app: same form rules as applyevent. */
export function submitApproval(state: SandboxState, submission: ApprovalSubmission): ApprovalChange {
	const { corp, app } = firstApp(state, submission.corpId, submission.agentId);
	const template = state.approvals.templates.get(submission.templateId);
	if (!template) throw new ApprovalError(`unknown templateId ${submission.templateId}`);
	if (typeof submission.creator !== 'string' || !corp.users.has(submission.creator.toLowerCase()))
		throw new ApprovalError(`creator ${submission.creator} is not a member of ${corp.corp.corpId}`);
	const nesting = tableNestingIssue(submission.contents);
	const issues = nesting
		? [nesting]
		: checkApplication(template.template_content.controls, {
				apply_data: { contents: submission.contents },
				summary_list: [{ summary_info: [{ text: 'sandbox', lang: 'zh_CN' }] }],
			});
	if (issues.length > 0) throw new ApprovalError(formatApplyIssue(issues[0]));
	const approvers = submission.approvers ?? [corp.corp.users[1] ?? corp.corp.users[0]];
	state.media.keepForApproval(
		applyFiles(submission.contents).map((file) => file.fileId),
		corp.corp.corpId,
		state.now(),
	);
	return state.approvals.submit({
		corpId: corp.corp.corpId,
		agentId: app.agentId,
		creator: submission.creator,
		templateId: submission.templateId,
		contents: submission.contents,
		flow: approvers.map((userid) => ({ approverattr: 1, approvers: [userid] })),
		notifiers: [],
		applyTime: Math.floor(state.now() / 1000),
	});
}

export function decideApproval(state: SandboxState, decision: ApprovalDecision): ApprovalChange {
	if (typeof decision.spNo !== 'string' || typeof decision.userid !== 'string')
		throw new ApprovalError(
			'body must be {"spNo": "...", "userid": "...", "decision": "approve" | "reject" | "revoke"}',
		);
	if (decision.decision === 'revoke') return state.approvals.revoke(decision.spNo, decision.userid);
	if (decision.decision !== 'approve' && decision.decision !== 'reject')
		throw new ApprovalError('decision must be "approve", "reject" or "revoke"');
	const nowSeconds = Math.floor(state.now() / 1000);
	return state.approvals.decide(decision.spNo, decision.userid, decision.decision, decision.speech ?? '', nowSeconds);
}

export async function changeResult(change: ApprovalChange): Promise<ApprovalChangeResult> {
	await change.settled;
	return {
		spNo: change.approval.info.sp_no,
		spStatus: change.approval.info.sp_status,
		statusChangeEvent: change.statusChangeEvent,
	};
}

/**
 * GET  /sandbox/approvals                 every application (detail shape, with corpId and agentId)
 * GET  /sandbox/approval-templates        the templates, by template_id
 * POST /sandbox/approvals                 submit as a member ({creator, templateId, contents, approvers?})
 * POST /sandbox/approvals/decide          {spNo, userid, decision: approve | reject | revoke, speech?}
 * Changes send sys_approval_change to the app's callback URL before answering.
 * Returns false for routes it does not own.
 */
export async function handleApprovalControl(
	req: ControlRequest,
	state: SandboxState,
	res: ServerResponse,
): Promise<boolean> {
	const route = `${req.method} ${req.path}`;
	if (route === 'GET /sandbox/approvals') return (sendJson(res, 200, state.approvals.list()), true);
	if (route === 'GET /sandbox/approval-templates')
		return (sendJson(res, 200, Object.fromEntries(state.approvals.templates)), true);
	if (route !== 'POST /sandbox/approvals' && route !== 'POST /sandbox/approvals/decide') return false;
	const parsed = parseJson(req.bodyText);
	if (!parsed.ok || !isPlainObject(parsed.value))
		return (sendJson(res, 400, { ok: false, error: 'body must be a JSON object' }), true);
	try {
		const change =
			route === 'POST /sandbox/approvals'
				? submitApproval(state, parsed.value as unknown as ApprovalSubmission)
				: decideApproval(state, parsed.value as unknown as ApprovalDecision);
		sendJson(res, 200, { ok: true, ...(await changeResult(change)) });
	} catch (error) {
		if (!(error instanceof ApprovalError)) throw error;
		sendJson(res, 400, { ok: false, error: error.message });
	}
	return true;
}
