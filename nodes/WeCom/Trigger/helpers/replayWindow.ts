import { CallbackRejection } from '../../shared/callback';

/**
 * Max Request Age when the option is not set: 5 minutes. WeCom expects an answer within 5 s and
 * re-sends at most three times (https://developer.work.weixin.qq.com/document/path/90238), so a
 * genuine delivery, re-sends included, arrives well within a minute of the event; the rest is
 * room for the n8n host's clock drifting from WeCom's. Anything older is a replay.
 */
export const DEFAULT_MAX_AGE_SECONDS = 300;

/** The window from the node's options: 0 turns it off. */
export function maxAgeOf(maxAgeSeconds: unknown): number {
	const seconds = Number(maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS);
	return Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_MAX_AGE_SECONDS;
}

/**
 * Refuses a time (Unix seconds) further than the window from now. A millisecond or otherwise
 * implausible timestamp is never within minutes of now, so this is also the plausibility check.
 */
function checkTime(what: string, seconds: number, maxAgeSeconds: number, nowMs: number): void {
	if (!(Math.abs(nowMs / 1000 - seconds) <= maxAgeSeconds)) {
		throw new CallbackRejection('stale', `${what} outside the allowed window`);
	}
}

/** GET: the URL check carries only the signed timestamp. */
export function checkUrlCheckTime(timestamp: number, maxAgeSeconds: number, nowMs: number): void {
	if (maxAgeSeconds > 0) checkTime('timestamp', timestamp, maxAgeSeconds, nowMs);
}

/**
 * POST: the signed timestamp and the message's own CreateTime. The signature sorts token,
 * timestamp, nonce and Encrypt before hashing, so swapping timestamp and nonce keeps it valid:
 * a captured callback whose nonce reads as a later Unix time would pass a timestamp-only window
 * once that time comes. CreateTime sits inside the ciphertext, out of a replayer's reach. Every
 * documented message and event carries it; one that does not cannot be placed in time and is
 * refused while the window is on.
 */
export function checkCallbackTimes(
	times: { timestamp: number; createTime: number | null },
	maxAgeSeconds: number,
	nowMs: number,
): void {
	if (!(maxAgeSeconds > 0)) return;
	checkTime('timestamp', times.timestamp, maxAgeSeconds, nowMs);
	if (times.createTime === null) {
		throw new CallbackRejection('stale', 'the message has no CreateTime to check against the replay window');
	}
	checkTime('CreateTime', times.createTime, maxAgeSeconds, nowMs);
}
