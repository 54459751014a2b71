import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CONTACT_ERRCODE } from '../../shared/contactErrcodes';
import { isUserid, type EmailType } from '../../shared/contactLookup';
import type { WeComApiContext } from './context';
import { weComApiCall } from './index';

/*
 * WeCom's contact reads (通讯录). All of them see only the app's visible range (可见范围).
 * Lookups: user/getuserid (https://developer.work.weixin.qq.com/document/path/95402) and
 * user/get_userid_by_email (https://developer.work.weixin.qq.com/document/path/95895).
 * Lists: department/list (https://developer.work.weixin.qq.com/document/path/90208),
 * user/simplelist (https://developer.work.weixin.qq.com/document/path/90200),
 * tag/list (https://developer.work.weixin.qq.com/document/path/90216).
 */

/** What is looked up: a mobile number, or an e-mail of one type. */
export type UserLookup = { mobile: string } | { email: string; emailType: EmailType };

export function describeLookup(lookup: UserLookup): string {
	return 'mobile' in lookup ? `the mobile ${lookup.mobile}` : `the e-mail ${lookup.email}`;
}

/**
 * The userid WeCom gives for a mobile or e-mail; 46004 (not found or not visible) is thrown like
 * any errcode. undefined: the errcode 0 answer holds no userid WeCom could have (none, `@all`,
 * `a|b`): nothing to address, as a proxy that changed the answer must not pick the recipients.
 */
export async function findUserid(
	ctx: WeComApiContext,
	itemIndex: number,
	lookup: UserLookup,
): Promise<string | undefined> {
	const request =
		'mobile' in lookup
			? { path: '/cgi-bin/user/getuserid', body: { mobile: lookup.mobile } }
			: { path: '/cgi-bin/user/get_userid_by_email', body: { email: lookup.email, email_type: lookup.emailType } };
	const { response } = await weComApiCall.call(ctx, { method: 'POST', ...request }, itemIndex, {
		explainErrcode: (errcode) =>
			errcode === CONTACT_ERRCODE.userNotFound
				? `No member with ${describeLookup(lookup)} in the app's visible range`
				: undefined,
	});
	return isUserid(response.userid) ? response.userid : undefined;
}

export interface Department {
	id: number;
	name: string;
	parentid: number;
	order: number;
}

export interface Member {
	userid: string;
	name: string;
}

export interface Tag {
	tagid: number;
	tagname: string;
}

/**
 * The list under `field` of a GET answer: none is an empty list; anything but a list (a changed or
 * forged answer) is an error that names it; entries that are not objects are dropped.
 */
async function readList<T>(ctx: WeComApiContext, path: string, field: string, qs?: IDataObject): Promise<T[]> {
	const list = (await weComApiCall.call(ctx, { method: 'GET', path, qs }, 0)).response[field];
	if (list === undefined || list === null) return [];
	if (!Array.isArray(list)) {
		throw new NodeApiError(ctx.getNode(), {} as JsonObject, {
			message: `WeCom's answer has no ${field} list (${path})`,
			description: "Check the API Base URL of the credential: a proxy in between may change WeCom's answers.",
		});
	}
	return list.filter((entry): entry is T => entry !== null && typeof entry === 'object' && !Array.isArray(entry));
}

/** Every department of the visible range, with names (one call: department/list without an id). */
export async function listDepartments(ctx: WeComApiContext): Promise<Department[]> {
	return await readList<Department>(ctx, '/cgi-bin/department/list', 'department');
}

/** A department's own members (not its sub-departments'), with names. */
export async function listDepartmentMembers(ctx: WeComApiContext, departmentId: number): Promise<Member[]> {
	return await readList<Member>(ctx, '/cgi-bin/user/simplelist', 'userlist', { department_id: departmentId });
}

export async function listTags(ctx: WeComApiContext): Promise<Tag[]> {
	return await readList<Tag>(ctx, '/cgi-bin/tag/list', 'taglist');
}
