import {
	APPROVAL_ERRCODE,
	applyFiles,
	APPROVAL_LIST_FILTER_KEYS,
	APPROVAL_LIST_MAX_RANGE_SECONDS,
	APPROVAL_LIST_PAGE_SIZE,
	checkApplication,
	formatApplyIssue,
	tableNestingIssue,
} from '../../nodes/WeCom/shared/approval';
import type { ApplyContent } from '../../nodes/WeCom/shared/approval';
import { reject, wecomOk } from '../errmsg';
import { requireUsableMedia } from '../media/usable';
import type { AppContext, SandboxState } from '../state';
import type { FlowNode } from '../approvals/store';
import { authenticate, jsonBody, nonEmptyString, requirePost } from './common';
import type { WecomRequest, WecomRoute } from './common';

/*
 * WeCom's approval API (审批), answered as its pages document:
 * getapprovaldetail https://developer.work.weixin.qq.com/document/path/91983,
 * applyevent https://developer.work.weixin.qq.com/document/path/91853,
 * gettemplatedetail https://developer.work.weixin.qq.com/document/path/91982,
 * getapprovalinfo https://developer.work.weixin.qq.com/document/path/91816.
 */

const PARAMETER_ERROR = APPROVAL_ERRCODE.invalidParameter;

/** Token, then "is this app allowed to call the approval API" (审批 > 可调用接口的应用). */
function approvalCaller(
	req: WecomRequest,
	state: SandboxState,
): { context: AppContext; body: Record<string, unknown> } {
	requirePost(req);
	const context = authenticate(req, state);
	if (context.app.approvalApi === false) reject(APPROVAL_ERRCODE.noApprovalPermission);
	return { context, body: jsonBody(req) };
}

export const getApprovalDetail: WecomRoute = (req, state) => {
	const { context, body } = approvalCaller(req, state);
	const spNo = typeof body.sp_no === 'number' ? String(body.sp_no) : body.sp_no;
	if (!nonEmptyString(spNo)) reject(PARAMETER_ERROR, 'sp_no is empty.');
	const approval = state.approvals.get(spNo);
	if (!approval || approval.corpId !== context.corp.corp.corpId) reject(PARAMETER_ERROR, `no approval ${spNo}.`);
	return wecomOk({ info: structuredClone(approval.info) });
};

export const getTemplateDetail: WecomRoute = (req, state) => {
	const { body } = approvalCaller(req, state);
	const template = nonEmptyString(body.template_id) ? state.approvals.templates.get(body.template_id) : undefined;
	if (!template) reject(PARAMETER_ERROR, 'template_id is invalid.');
	return wecomOk(structuredClone(template) as unknown as Record<string, unknown>);
};

/** The approval flow: the template's (use_template_approver 1) or `process.node_list` (0). */
function flowOf(body: Record<string, unknown>, context: AppContext): FlowNode[] {
	const visible = (userid: unknown) => typeof userid === 'string' && context.corp.users.has(userid.toLowerCase());
	if (body.use_template_approver === 1) {
		// The sandbox's admin-console flow: one approver, the corp's second member.
		const users = context.corp.corp.users;
		return [{ approverattr: 1, approvers: [users[1] ?? users[0]] }];
	}
	const nodes = (body.process as { node_list?: unknown } | undefined)?.node_list;
	if (!Array.isArray(nodes) || nodes.length === 0) reject(PARAMETER_ERROR, 'process.node_list is required.');
	const flow: FlowNode[] = [];
	for (const node of nodes as Array<Record<string, unknown>>) {
		const userids = node?.userid;
		if (!Array.isArray(userids) || userids.length === 0 || !userids.every(visible))
			reject(PARAMETER_ERROR, 'process.node_list[].userid is invalid.');
		if (node.type === 2) continue; // a CC node: notified, never decides
		if (node.type !== 1 && node.type !== 3) reject(PARAMETER_ERROR, 'process.node_list[].type is invalid.');
		// apv_rel: 1 会签 (all), 2 或签 (any), 3 依次审批 (one after the other).
		if (node.apv_rel === 3)
			flow.push(...(userids as string[]).map((userid) => ({ approverattr: 1 as const, approvers: [userid] })));
		else if (node.apv_rel === 1 || node.apv_rel === 2)
			flow.push({ approverattr: node.apv_rel === 1 ? 2 : 1, approvers: userids as string[] });
		else reject(PARAMETER_ERROR, 'process.node_list[].apv_rel is required for approver nodes.');
	}
	if (flow.length === 0) reject(PARAMETER_ERROR, 'process.node_list has no approver.');
	return flow;
}

function notifiersOf(body: Record<string, unknown>): string[] {
	const nodes = (body.process as { node_list?: unknown } | undefined)?.node_list;
	if (!Array.isArray(nodes)) return [];
	return (nodes as Array<{ type?: number; userid?: string[] }>)
		.filter((node) => node?.type === 2)
		.flatMap((node) => node.userid ?? []);
}

export const applyEvent: WecomRoute = (req, state) => {
	const { context, body } = approvalCaller(req, state);
	// "如提交审批接口，要求申请人userid必填" (40058, https://developer.work.weixin.qq.com/document/path/90313).
	if (!nonEmptyString(body.creator_userid)) reject(40058);
	if (!context.corp.users.has(body.creator_userid.toLowerCase())) reject(APPROVAL_ERRCODE.noApprovalPermission);
	const template = nonEmptyString(body.template_id) ? state.approvals.templates.get(body.template_id) : undefined;
	if (!template) reject(PARAMETER_ERROR, 'template_id is invalid.');
	// Tables nested deeper than any form has: refused before the form is walked.
	const nesting = tableNestingIssue((body.apply_data as { contents?: unknown } | undefined)?.contents);
	const issues = nesting ? [nesting] : checkApplication(template.template_content.controls, body);
	if (issues.length > 0) reject(PARAMETER_ERROR, `${formatApplyIssue(issues[0])}.`);
	// File controls take media/upload media_ids (40007 for one that is unknown or expired).
	const contents = (body.apply_data as { contents: ApplyContent[] }).contents;
	const fileIds = applyFiles(contents).map((file) => file.fileId);
	requireUsableMedia(state, fileIds, { corpId: context.corp.corp.corpId });
	const flow = flowOf(body, context);
	const { approval } = state.approvals.submit({
		corpId: context.corp.corp.corpId,
		agentId: context.app.agentId,
		creator: body.creator_userid,
		templateId: body.template_id as string,
		contents,
		flow,
		notifiers: notifiersOf(body),
		applyTime: Math.floor(state.now() / 1000),
	});
	state.media.keepForApproval(fileIds, context.corp.corp.corpId, state.now());
	return wecomOk({ sp_no: approval.info.sp_no });
};

/** starttime / endtime: Unix seconds, as a string (the doc's example) or a number. */
function seconds(value: unknown, name: string): number {
	const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0)
		reject(PARAMETER_ERROR, `${name} is invalid.`);
	return number;
}

type Filter = { key: string; value: string };

function filtersOf(body: Record<string, unknown>, context: AppContext): Filter[] {
	const filters = body.filters ?? [];
	if (!Array.isArray(filters)) reject(PARAMETER_ERROR, 'filters must be a list.');
	const seen = new Set<string>();
	for (const filter of filters as Filter[]) {
		if (!(APPROVAL_LIST_FILTER_KEYS as readonly string[]).includes(filter?.key) || typeof filter.value !== 'string')
			reject(PARAMETER_ERROR, 'filters[].key or value is invalid.');
		// Only `department` may repeat.
		if (seen.has(filter.key) && filter.key !== 'department') reject(PARAMETER_ERROR, `filter ${filter.key} repeats.`);
		seen.add(filter.key);
		// A departed member's userid as creator is refused with 301055.
		if (filter.key === 'creator' && !context.corp.users.has(filter.value.toLowerCase()))
			reject(APPROVAL_ERRCODE.noApprovalPermission);
	}
	return filters as Filter[];
}

/** Different keys AND, the same key (department) OR. */
function matches(
	info: { template_id: string; sp_status: number; applyer: { userid: string; partyid: string } },
	filters: Filter[],
): boolean {
	const byKey = new Map<string, string[]>();
	for (const { key, value } of filters) byKey.set(key, [...(byKey.get(key) ?? []), value]);
	return [...byKey].every(([key, values]) => {
		switch (key) {
			case 'template_id':
				return values.includes(info.template_id);
			case 'creator':
				return values.some((value) => value.toLowerCase() === info.applyer.userid.toLowerCase());
			case 'department':
				return values.includes(info.applyer.partyid);
			case 'sp_status':
				return values.includes(String(info.sp_status));
			default:
				// record_type (leave, trip, ...): the sandbox's templates are none of those kinds.
				return false;
		}
	});
}

/** The cursor is opaque to callers: here it is the offset into the matching list. */
const cursorAt = (cursor: unknown): number => {
	if (cursor === undefined || cursor === '') return 0;
	const offset = typeof cursor === 'string' && /^c\d+$/.test(cursor) ? Number(cursor.slice(1)) : NaN;
	if (!Number.isInteger(offset)) reject(PARAMETER_ERROR, 'new_cursor is invalid.');
	return offset;
};

export const getApprovalInfo: WecomRoute = (req, state) => {
	const { context, body } = approvalCaller(req, state);
	const start = seconds(body.starttime, 'starttime');
	const end = seconds(body.endtime, 'endtime');
	if (end <= start) reject(PARAMETER_ERROR, 'endtime must be after starttime.');
	if (end - start > APPROVAL_LIST_MAX_RANGE_SECONDS) reject(PARAMETER_ERROR, 'the time range exceeds 31 days.');
	const size = body.size ?? APPROVAL_LIST_PAGE_SIZE;
	if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > APPROVAL_LIST_PAGE_SIZE)
		reject(PARAMETER_ERROR, `size must be 1-${APPROVAL_LIST_PAGE_SIZE}.`);
	const filters = filtersOf(body, context);
	const offset = cursorAt(body.new_cursor);
	const matching = state.approvals
		.list()
		.filter(
			({ corpId, info }) => corpId === context.corp.corp.corpId && info.apply_time >= start && info.apply_time <= end,
		)
		.filter(({ info }) => matches(info, filters))
		.sort((a, b) => a.info.apply_time - b.info.apply_time || a.info.sp_no.localeCompare(b.info.sp_no))
		.map(({ info }) => info.sp_no);
	const page = matching.slice(offset, offset + size);
	const next = offset + size < matching.length ? { new_next_cursor: `c${offset + size}` } : {};
	return wecomOk({ sp_no_list: page, ...next });
};
