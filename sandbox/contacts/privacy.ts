import type { SandboxApp } from '../types';
import type { DirectoryUser } from './directory';

/**
 * Fields user/get no longer returns to self-built apps created after 2022-06-20 20:00 (头像、性别、
 * 手机、邮箱、企业邮箱、员工个人二维码、地址): those need the member's OAuth2 consent
 * (https://developer.work.weixin.qq.com/document/path/90196,
 * https://developer.work.weixin.qq.com/document/path/96079). Older apps keep them.
 */
const FIELDS_SINCE_2022 = new Set([
	'avatar',
	'thumb_avatar',
	'gender',
	'mobile',
	'email',
	'biz_mail',
	'qr_code',
	'address',
]);

/** How the app reads contacts: created after the 2022 change (the default), before it, or the 通讯录同步 secret. */
export type ContactRules = NonNullable<SandboxApp['contactRules']>;

export function contactRulesOf(app: SandboxApp): ContactRules {
	return app.contactRules ?? 'since2022';
}

/** user/get's answer for this app: the restricted fields are left out for apps created after the change. */
export function userAsSeenBy(user: DirectoryUser, app: SandboxApp): Record<string, unknown> {
	const restricted = contactRulesOf(app) === 'since2022';
	const entries = Object.entries({ ...user, main_department: user.department[0] }).filter(
		([field, value]) => value !== undefined && !(restricted && FIELDS_SINCE_2022.has(field)),
	);
	return Object.fromEntries(entries);
}
