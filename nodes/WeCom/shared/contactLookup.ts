/**
 * What the user lookups accept, checked before asking WeCom: every wrong mobile or e-mail counts,
 * and errors beyond 20% of the corp's headcount block the lookups for a day
 * (https://developer.work.weixin.qq.com/document/path/95402,
 * https://developer.work.weixin.qq.com/document/path/95895).
 */

/** Digits, + and -, 5 to 32 characters (getuserid's length; 60103's rule at https://developer.work.weixin.qq.com/document/path/90313). */
export const MOBILE_PATTERN = /^[0-9+-]{5,32}$/;
export const EMAIL_MAX_LENGTH = 64;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** get_userid_by_email's email_type: 1 corporate e-mail (企业邮箱, the default), 2 personal e-mail. */
export const EMAIL_TYPE = { corporate: 1, personal: 2 } as const;
export type EmailType = (typeof EMAIL_TYPE)[keyof typeof EMAIL_TYPE];

/** The email_type a field gives (an expression may give anything), or undefined when it is neither. */
export function emailTypeOf(value: unknown): EmailType | undefined {
	const type = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return type === EMAIL_TYPE.corporate || type === EMAIL_TYPE.personal ? type : undefined;
}

/** Spaces are formatting ("+86 138 0000 0000"): WeCom takes digits, + and - only. */
export function normalizedMobile(mobile: string): string {
	return mobile.replace(/\s+/g, '');
}

export function isMobile(mobile: string): boolean {
	return MOBILE_PATTERN.test(mobile);
}

export function isEmail(email: string): boolean {
	return email.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(email);
}

/**
 * A userid as WeCom allows it: 1 to 64 characters of letters, digits, _ - @ and ., the first a
 * letter or digit (https://developer.work.weixin.qq.com/document/path/90195). So never `@all`,
 * and never a `|` that would split into two members in touser.
 */
const USERID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;

export function isUserid(userid: unknown): userid is string {
	return typeof userid === 'string' && USERID_PATTERN.test(userid);
}
