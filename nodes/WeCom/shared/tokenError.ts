import { ERRCODE, describeErrcode } from './errorCodes';

/**
 * Thrown by the credential when `gettoken` answers an errcode. n8n wraps it in a NodeApiError
 * whose `cause` is this error, so the transport can still read the errcode. The message never
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

/**
 * Thrown by the credential when `gettoken` got no WeCom answer (timeout, reset, 5xx, an HTML
 * page, a redirect). Transient: never remembered, retried under the node's retry policy.
 */
export class WeComTokenUnavailableError extends Error {
	readonly tokenUnavailable = true;

	constructor(baseUrl: string, reason: string) {
		super(`Could not get an access token from WeCom at ${baseUrl}: ${reason}`);
		this.name = 'WeComTokenUnavailableError';
	}
}

interface TokenProblem {
	message: string;
	/** WeCom's errcode, when gettoken answered one. */
	errcode?: number;
	/** gettoken got no WeCom answer at all. */
	unavailable: boolean;
}

/**
 * The gettoken failure inside whatever n8n threw. Read by shape, not `instanceof`: n8n wraps the
 * credential's error, and the credential and the node may load this module separately.
 */
export function tokenProblemOf(thrown: unknown): TokenProblem | undefined {
	for (let error = thrown as { cause?: unknown } | undefined, depth = 0; error && depth < 4; depth++) {
		const candidate = error as { message?: unknown; errcode?: unknown; tokenUnavailable?: unknown; name?: unknown };
		if (candidate.name === 'WeComTokenError' && typeof candidate.errcode === 'number') {
			return { message: String(candidate.message), errcode: candidate.errcode, unavailable: false };
		}
		if (candidate.tokenUnavailable === true) return { message: String(candidate.message), unavailable: true };
		error = error.cause as typeof error;
	}
	return undefined;
}

/** WeCom appends "from ip: x.x.x.x" to errmsg; an untrusted IP (60020) is only actionable with that IP. */
function callerIpFromErrmsg(errmsg: string): string | undefined {
	return /from ip:\s*([0-9a-fA-F.:]+)/.exec(errmsg)?.[1];
}

export function tokenErrorMessage(errcode: number, errmsg: string): string {
	const { meaning, hint } = describeErrcode(errcode);
	const ip = errcode === ERRCODE.ipNotTrusted ? callerIpFromErrmsg(errmsg) : undefined;
	const ipNote = ip
		? ` WeCom saw this server's IP as ${ip}.`
		: errcode === ERRCODE.ipNotTrusted
			? ' The IP WeCom saw is quoted in the error of any WeCom node run.'
			: '';
	return `WeCom refused to issue an access token: errcode ${errcode} (${meaning}).${ipNote} ${hint}`;
}
