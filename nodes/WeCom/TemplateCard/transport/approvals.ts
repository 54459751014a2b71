import type { IDataObject } from 'n8n-workflow';

import {
	APPROVAL_ERRCODE,
	applyFiles,
	checkTemplate,
	formatApplyIssue,
	type ApprovalDetail,
	type ApprovalTemplate,
} from '../../shared/approval';
import { ERRCODE } from '../../shared/errorCodes';
import type { WeComApiContext } from './context';
import { incompleteAnswerError } from './errors';
import { weComApiCall } from './index';
import type { RetryPolicy } from './retry';

/*
 * WeCom's approval API (审批). Each call needs an app allowed under Approval > API
 * ("可调用接口的应用"); getapprovalinfo also needs the approval data permission.
 * getapprovaldetail https://developer.work.weixin.qq.com/document/path/91983,
 * applyevent https://developer.work.weixin.qq.com/document/path/91853,
 * gettemplatedetail https://developer.work.weixin.qq.com/document/path/91982,
 * getapprovalinfo https://developer.work.weixin.qq.com/document/path/91816.
 */

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** An approval number is digits, as a string (a number where a gateway rewrote it). */
const isApprovalNumber = (value: unknown) =>
	(typeof value === 'string' || typeof value === 'number') && /^\d+$/.test(String(value));

const post = async (
	ctx: WeComApiContext,
	itemIndex: number,
	path: string,
	body: IDataObject,
	retry?: RetryPolicy,
	explainErrcode?: (errcode: number) => string | undefined,
) => (await weComApiCall.call(ctx, { method: 'POST', path, body }, itemIndex, { retry, explainErrcode })).response;

/** 301025 names no field; for these two calls it means the one id they take. */
const unknownId = (what: string) => (errcode: number) =>
	errcode === APPROVAL_ERRCODE.invalidParameter ? `No ${what} visible to this app` : undefined;

/** Reading is safe to repeat, so every failure the policy allows is retried. */
export async function fetchApprovalDetail(
	ctx: WeComApiContext,
	itemIndex: number,
	spNo: string,
	retry?: RetryPolicy,
): Promise<ApprovalDetail> {
	const response = await post(
		ctx,
		itemIndex,
		'/cgi-bin/oa/getapprovaldetail',
		{ sp_no: spNo },
		retry,
		unknownId(`application with approval number ${spNo}`),
	);
	const info = response.info as IDataObject | undefined;
	const missing = !isObject(info)
		? 'info'
		: !Array.isArray((info.apply_data as IDataObject | undefined)?.contents)
			? 'info.apply_data.contents as a list'
			: undefined;
	if (missing) {
		throw incompleteAnswerError(
			ctx.getNode(),
			itemIndex,
			`WeCom answered getapprovaldetail without ${missing}`,
			`The application ${spNo} could not be read; try again later, or open it in the Approval app.`,
		);
	}
	return info as unknown as ApprovalDetail;
}

export async function fetchApprovalTemplate(
	ctx: WeComApiContext,
	itemIndex: number,
	templateId: string,
	retry?: RetryPolicy,
): Promise<ApprovalTemplate> {
	const response = await post(
		ctx,
		itemIndex,
		'/cgi-bin/oa/gettemplatedetail',
		{ template_id: templateId },
		retry,
		unknownId(`approval template ${templateId}`),
	);
	const issues = checkTemplate(response);
	if (issues.length > 0) {
		throw incompleteAnswerError(
			ctx.getNode(),
			itemIndex,
			'WeCom answered gettemplatedetail with a template this node cannot read',
			`Template ${templateId}: ${issues.slice(0, 5).map(formatApplyIssue).join('; ')}. Nothing was submitted; check the template in the admin console (Approval → the template → edit).`,
		);
	}
	return response as unknown as ApprovalTemplate;
}

export interface ApprovalListPage {
	spNos: string[];
	/** Absent on the last page. */
	nextCursor?: string;
}

/** One page of getapprovalinfo (new_cursor paging; the int `cursor` is deprecated). */
export async function fetchApprovalPage(
	ctx: WeComApiContext,
	itemIndex: number,
	query: { startTime: number; endTime: number; cursor: string; size: number; filters: IDataObject[] },
	retry?: RetryPolicy,
): Promise<ApprovalListPage> {
	const body: IDataObject = {
		starttime: String(query.startTime),
		endtime: String(query.endTime),
		new_cursor: query.cursor,
		size: query.size,
		...(query.filters.length > 0 && { filters: query.filters }),
	};
	const response = await post(ctx, itemIndex, '/cgi-bin/oa/getapprovalinfo', body, retry);
	const next = response.new_next_cursor;
	const list = response.sp_no_list ?? [];
	if (!Array.isArray(list) || !list.every(isApprovalNumber)) {
		throw incompleteAnswerError(
			ctx.getNode(),
			itemIndex,
			'WeCom answered getapprovalinfo without sp_no_list as a list of approval numbers',
			'The listing was stopped: the numbers of this page cannot be read. Try again later.',
		);
	}
	return {
		spNos: list.map(String),
		nextCursor: typeof next === 'string' && next !== '' ? next : undefined,
	};
}

/** WeCom's 40007 does not say which file it refused: every File control's file_id is named. */
const unusableFile = (body: IDataObject) => (errcode: number) => {
	if (errcode !== ERRCODE.invalidMediaId) return undefined;
	const paths = applyFiles((body.apply_data as IDataObject | undefined)?.contents).map((file) => file.path);
	return `Invalid media_id${paths.length ? ` at ${paths.join(', ')}` : ''}`;
};

/**
 * Submits an application. A resend after a failure that may have reached WeCom could file it
 * twice (applyevent has no idempotency key), so only failures that certainly sent nothing are retried.
 */
export async function submitApplication(
	ctx: WeComApiContext,
	itemIndex: number,
	body: IDataObject,
	retry: RetryPolicy,
): Promise<{ spNo: string; attempts: number }> {
	const { response, attempts } = await weComApiCall.call(
		ctx,
		{ method: 'POST', path: '/cgi-bin/oa/applyevent', body },
		itemIndex,
		{ retry: { ...retry, retryAmbiguous: false }, explainErrcode: unusableFile(body) },
	);
	const spNo = response.sp_no;
	if (!isApprovalNumber(spNo)) {
		throw incompleteAnswerError(
			ctx.getNode(),
			itemIndex,
			'WeCom answered applyevent without sp_no',
			'The application may or may not have been submitted: look for it in the admin console (Approval → applications) before running this again.',
		);
	}
	return { spNo: String(spNo), attempts };
}
