import { randomBytes } from 'node:crypto';
import { describeErrcode } from '../nodes/WeCom/shared/errorCodes';

/** A WeCom answer: HTTP 200 with a JSON body whose errcode says what happened. */
export type WecomBody = { errcode: number; errmsg: string } & Record<string, unknown>;

export const WRONG_JSON_WARNING = 'Warning: wrong json format.';

/**
 * errmsg shaped like WeCom's: `<meaning>, hint: [<id>], from ip: <ip>, more info at <url>`.
 * The meaning comes from the shared errcode table so it is written in one place only.
 */
export function wecomErrmsg(errcode: number, callerIp: string, prefix?: string): string {
	const hint = randomBytes(12).toString('hex');
	const text =
		`${describeErrcode(errcode).meaning}, hint: [${hint}], from ip: ${callerIp}, ` +
		`more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
	return prefix ? `${prefix} ${text}` : text;
}

export function wecomError(errcode: number, callerIp: string, prefix?: string): WecomBody {
	return { errcode, errmsg: wecomErrmsg(errcode, callerIp, prefix) };
}

export function wecomOk(extra: Record<string, unknown> = {}): WecomBody {
	return { errcode: 0, errmsg: 'ok', ...extra };
}

/** Thrown by route helpers to stop handling and answer with an errcode. */
export class WecomRejection extends Error {
	constructor(
		readonly errcode: number,
		readonly prefix?: string,
	) {
		super(`errcode ${errcode}`);
	}
}

export function reject(errcode: number, prefix?: string): never {
	throw new WecomRejection(errcode, prefix);
}
