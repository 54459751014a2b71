import type { IDataObject } from 'n8n-workflow';

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

async function read(ctx: WeComApiContext, path: string, qs?: IDataObject): Promise<IDataObject> {
	return (await weComApiCall.call(ctx, { method: 'GET', path, qs }, 0)).response;
}

/** Every department of the visible range, with names (one call: department/list without an id). */
export async function listDepartments(ctx: WeComApiContext): Promise<Department[]> {
	return ((await read(ctx, '/cgi-bin/department/list')).department ?? []) as unknown as Department[];
}

/** A department's own members (not its sub-departments'), with names. */
export async function listDepartmentMembers(ctx: WeComApiContext, departmentId: number): Promise<Member[]> {
	const answer = await read(ctx, '/cgi-bin/user/simplelist', { department_id: departmentId });
	return (answer.userlist ?? []) as unknown as Member[];
}

export async function listTags(ctx: WeComApiContext): Promise<Tag[]> {
	return ((await read(ctx, '/cgi-bin/tag/list')).taglist ?? []) as unknown as Tag[];
}
