import { isEmail, isMobile } from '../../nodes/WeCom/shared/contactLookup';
import { ERRCODE } from '../../nodes/WeCom/shared/errorCodes';
import { directoryOf, type DirectoryUser } from '../contacts/directory';
import { contactRulesOf, userAsSeenBy } from '../contacts/privacy';
import { reject, wecomOk } from '../errmsg';
import type { AppContext } from '../state';
import { authenticate, jsonBody, requirePost } from './common';
import type { WecomRequest, WecomRoute } from './common';

/*
 * WeCom's contact reads (通讯录). Every read is limited to the app's visible range; the corp's
 * `users`, `departments` and `tags` are that range (see ../contacts/directory.ts).
 */

const visibleUser = (context: AppContext, user: DirectoryUser) => context.corp.users.has(user.userid.toLowerCase());

/**
 * Mainland numbers are listed without their country code; `+86` / `+86-` in front of one is taken
 * as the same number. [assumption: WeCom's docs do not say how a country code is matched]
 */
function sameMobile(listed: string, asked: string): boolean {
	const plain = (mobile: string) => mobile.replace(/^\+86-?/, '').replace(/-/g, '');
	return plain(listed) === plain(asked);
}

/**
 * POST /cgi-bin/user/getuserid {mobile} (https://developer.work.weixin.qq.com/document/path/95402).
 * Unknown or outside the visible range: 46004.
 */
export const getUseridByMobile: WecomRoute = (req, state) => {
	requirePost(req);
	const context = authenticate(req, state);
	const { mobile } = jsonBody(req);
	if (typeof mobile !== 'string' || mobile === '') reject(ERRCODE.invalidParameter);
	if (!isMobile(mobile)) reject(60103);
	const user = directoryOf(context.corp.corp).users.find((u) => u.mobile && sameMobile(u.mobile, mobile));
	if (!user || !visibleUser(context, user)) reject(46004);
	return wecomOk({ userid: user.userid });
};

/**
 * POST /cgi-bin/user/get_userid_by_email {email, email_type} (https://developer.work.weixin.qq.com/document/path/95895):
 * email_type 1 (default) = corporate e-mail, 2 = personal e-mail. Unknown or outside the visible range: 46004.
 */
export const getUseridByEmail: WecomRoute = (req, state) => {
	requirePost(req);
	const context = authenticate(req, state);
	const { email, email_type: emailType = 1 } = jsonBody(req);
	if (typeof email !== 'string' || email === '') reject(ERRCODE.invalidParameter);
	if (emailType !== 1 && emailType !== 2) reject(ERRCODE.invalidParameter);
	if (!isEmail(email)) reject(60105);
	const field = emailType === 1 ? 'biz_mail' : 'email';
	const wanted = email.toLowerCase();
	const user = directoryOf(context.corp.corp).users.find((u) => u[field]?.toLowerCase() === wanted);
	if (!user || !visibleUser(context, user)) reject(46004);
	return wecomOk({ userid: user.userid });
};

/** GET /cgi-bin/user/get?userid= (https://developer.work.weixin.qq.com/document/path/90196). */
export const getUser: WecomRoute = (req, state) => {
	const context = authenticate(req, state);
	const userid = req.query.get('userid') ?? '';
	if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(userid)) reject(40003);
	const user = directoryOf(context.corp.corp).users.find((u) => u.userid.toLowerCase() === userid.toLowerCase());
	if (!user) reject(60111);
	if (!visibleUser(context, user)) reject(60011);
	return wecomOk(userAsSeenBy(user, context.app));
};

/** A department of the visible range named by a query parameter: 60123 when not an id, 60003 unknown, 60011 outside. */
function visibleDepartment(req: WecomRequest, context: AppContext, name: string): number {
	const raw = req.query.get(name) ?? '';
	if (!/^\d+$/.test(raw)) reject(60123);
	const id = Number(raw);
	if (!directoryOf(context.corp.corp).departments.some((d) => d.id === id)) reject(60003);
	if (!context.corp.departments.has(id)) reject(60011);
	return id;
}

/**
 * GET /cgi-bin/user/simplelist?department_id= (https://developer.work.weixin.qq.com/document/path/90200):
 * the department's own visible members (sub-departments are read one by one).
 */
export const userSimpleList: WecomRoute = (req, state) => {
	const context = authenticate(req, state);
	const id = visibleDepartment(req, context, 'department_id');
	const userlist = directoryOf(context.corp.corp)
		.users.filter((u) => u.department.includes(id) && visibleUser(context, u))
		.map(({ userid, name, department }) => ({ userid, name, department }));
	return wecomOk({ userlist });
};

const LIST_ID_MAX = 10000;

/**
 * POST /cgi-bin/user/list_id {cursor, limit} (https://developer.work.weixin.qq.com/document/path/96067):
 * only with the 通讯录同步 secret (48002 for an app's token); one row per member and department.
 */
export const userListId: WecomRoute = (req, state) => {
	requirePost(req);
	const context = authenticate(req, state);
	if (contactRulesOf(context.app) !== 'contactSync') reject(ERRCODE.apiNotAllowed);
	const { cursor = '', limit = LIST_ID_MAX } = jsonBody(req);
	if (typeof cursor !== 'string' || (cursor !== '' && !/^\d+$/.test(cursor))) reject(ERRCODE.invalidParameter);
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > LIST_ID_MAX)
		reject(ERRCODE.invalidParameter);
	const rows = directoryOf(context.corp.corp).users.flatMap((u) =>
		u.department.map((department) => ({ userid: u.userid, department })),
	);
	const from = Number(cursor || 0);
	const next = from + limit;
	return wecomOk({ next_cursor: next < rows.length ? String(next) : '', dept_user: rows.slice(from, next) });
};

/** The visible departments under `id` (itself included), or all of them without an id. */
function departmentsUnder(req: WecomRequest, context: AppContext) {
	const all = directoryOf(context.corp.corp).departments.filter((d) => context.corp.departments.has(d.id));
	if (!req.query.has('id')) return all;
	const root = visibleDepartment(req, context, 'id');
	const under = new Set([root]);
	let added = true;
	while (added) {
		added = false;
		for (const d of all) {
			if (under.has(d.id) || !under.has(d.parentid)) continue;
			under.add(d.id);
			added = true;
		}
	}
	return all.filter((d) => under.has(d.id));
}

/** GET /cgi-bin/department/list[?id=] (https://developer.work.weixin.qq.com/document/path/90208). */
export const departmentList: WecomRoute = (req, state) => {
	const context = authenticate(req, state);
	const department = departmentsUnder(req, context).map((d) => ({ ...d, department_leader: [] }));
	return wecomOk({ department });
};

/** GET /cgi-bin/department/simplelist[?id=] (https://developer.work.weixin.qq.com/document/path/95350). */
export const departmentSimpleList: WecomRoute = (req, state) => {
	const context = authenticate(req, state);
	const department_id = departmentsUnder(req, context).map(({ id, parentid, order }) => ({ id, parentid, order }));
	return wecomOk({ department_id });
};

/** GET /cgi-bin/tag/list (https://developer.work.weixin.qq.com/document/path/90216): a self-built app sees every tag. */
export const tagList: WecomRoute = (req, state) => {
	const context = authenticate(req, state);
	const taglist = directoryOf(context.corp.corp).tags.map(({ tagid, tagname }) => ({ tagid, tagname }));
	return wecomOk({ taglist });
};

/**
 * GET /cgi-bin/tag/get?tagid= (https://developer.work.weixin.qq.com/document/path/90213): 41017
 * without tagid, 40068 for an unknown one; only members and departments of the visible range.
 */
export const tagGet: WecomRoute = (req, state) => {
	const context = authenticate(req, state);
	const raw = req.query.get('tagid');
	if (!raw) reject(41017);
	const directory = directoryOf(context.corp.corp);
	const tag = /^\d+$/.test(raw) ? directory.tags.find((t) => t.tagid === Number(raw)) : undefined;
	if (!tag) reject(40068);
	const userlist = directory.users
		.filter((u) => tag.userids.includes(u.userid) && visibleUser(context, u))
		.map(({ userid, name }) => ({ userid, name }));
	const partylist = tag.partyids.filter((id) => context.corp.departments.has(id));
	return wecomOk({ tagname: tag.tagname, userlist, partylist });
};

export const CONTACT_ROUTES: ReadonlyArray<[string, WecomRoute]> = [
	['/cgi-bin/user/getuserid', getUseridByMobile],
	['/cgi-bin/user/get_userid_by_email', getUseridByEmail],
	['/cgi-bin/user/get', getUser],
	['/cgi-bin/user/simplelist', userSimpleList],
	['/cgi-bin/user/list_id', userListId],
	['/cgi-bin/department/list', departmentList],
	['/cgi-bin/department/simplelist', departmentSimpleList],
	['/cgi-bin/tag/list', tagList],
	['/cgi-bin/tag/get', tagGet],
];
