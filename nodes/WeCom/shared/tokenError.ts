import { ERRCODE, describeErrcode } from './errorCodes';

/**
 * How the credential's messages start: n8n 1.x keeps only the message of what preAuthentication
 * threw (see tokenProblemOf), so these prefixes are how the node still recognises them there.
 */
const REFUSED_PREFIX = 'WeCom refused to issue an access token: errcode ';
const UNAVAILABLE_PREFIX = 'Could not get an access token from WeCom at ';

/**
 * Thrown by the credential when `gettoken` answers an errcode. n8n wraps it in a NodeApiError
 * (2.x keeps this error as its `cause`, 1.x only its message). The message never contains the
 * Corp Secret: it is built from WeCom's answer only.
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
		super(`${UNAVAILABLE_PREFIX}${baseUrl}: ${reason}`);
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
 * credential's error, and the credential and the node may load this module separately. n8n 2.x
 * keeps the credential's error as the wrapper's `cause`; n8n-workflow 1.x resets `cause` (a class
 * field declared after Error's constructor set it), leaving the message, or, when the message named
 * a network error code, n8n's replacement message with the original in `messages`.
 */
export function tokenProblemOf(thrown: unknown): TokenProblem | undefined {
	for (let error = thrown as { cause?: unknown } | undefined, depth = 0; error && depth < 4; depth++) {
		const candidate = error as { message?: unknown; errcode?: unknown; tokenUnavailable?: unknown; name?: unknown };
		if (candidate.name === 'WeComTokenError' && typeof candidate.errcode === 'number') {
			return { message: String(candidate.message), errcode: candidate.errcode, unavailable: false };
		}
		if (candidate.tokenUnavailable === true) return { message: String(candidate.message), unavailable: true };
		const fromMessage = tokenProblemInMessages(error as { message?: unknown; messages?: unknown });
		if (fromMessage) return fromMessage;
		error = error.cause as typeof error;
	}
	return undefined;
}

function tokenProblemInMessages({ message, messages }: { message?: unknown; messages?: unknown }) {
	const texts = [message, ...(Array.isArray(messages) ? messages : [])].filter(
		(text): text is string => typeof text === 'string',
	);
	for (const text of texts) {
		const refused = text.startsWith(REFUSED_PREFIX) ? /^-?\d+/.exec(text.slice(REFUSED_PREFIX.length)) : null;
		if (refused) return { message: text, errcode: Number(refused[0]), unavailable: false };
		if (text.startsWith(UNAVAILABLE_PREFIX)) return { message: text, unavailable: true };
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
	return `${REFUSED_PREFIX}${errcode} (${meaning}).${ipNote} ${hint}`;
}
