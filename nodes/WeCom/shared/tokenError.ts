import { describeErrcode } from './errorCodes';

/**
 * Thrown by the credential when `gettoken` fails. n8n wraps it in a NodeApiError whose
 * `cause` is this error, so the transport can still read the errcode. The message never
 * contains the Corp Secret: it is built from WeCom's answer only.
 */
export class WeComTokenError extends Error {
	readonly errcode: number;

	constructor(errcode: number, errmsg: string) {
		super(tokenErrorMessage(errcode, errmsg));
		this.name = 'WeComTokenError';
		this.errcode = errcode;
	}
}

/** WeCom appends "from ip: x.x.x.x" to errmsg; 60020 is only actionable with that IP. */
export function callerIpFromErrmsg(errmsg: string): string | undefined {
	return /from ip:\s*([0-9a-fA-F.:]+)/.exec(errmsg)?.[1];
}

export function tokenErrorMessage(errcode: number, errmsg: string): string {
	const { meaning, hint } = describeErrcode(errcode);
	const ip = errcode === 60020 ? callerIpFromErrmsg(errmsg) : undefined;
	const ipNote = ip
		? ` WeCom saw this server's IP as ${ip}.`
		: errcode === 60020
			? ' The IP WeCom saw is quoted in the error of any WeCom node run.'
			: '';
	return `WeCom refused to issue an access token: errcode ${errcode} (${meaning}).${ipNote} ${hint}`;
}
