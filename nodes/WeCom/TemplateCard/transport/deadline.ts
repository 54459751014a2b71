/** The connection's own timeout fires first when it can: the deadline only catches the rest. */
export const DEADLINE_SLACK_MS = 1000;

/**
 * A request's `timeout` only limits how long the connection may stay silent: an answer that
 * trickles in a byte at a time never trips it. This bounds the whole request. The timer is
 * AbortSignal.timeout's (community nodes may not call setTimeout); it does not keep n8n alive.
 */
export async function withinDeadline<T>(work: Promise<T>, deadlineMs: number, late: () => Error): Promise<T> {
	const signal = AbortSignal.timeout(deadlineMs);
	let stopWaiting: () => void = () => undefined;
	const overdue = new Promise<never>((_, reject) => {
		const onAbort = () => reject(late());
		signal.addEventListener('abort', onAbort, { once: true });
		stopWaiting = () => signal.removeEventListener('abort', onAbort);
	});
	try {
		return await Promise.race([work, overdue]);
	} finally {
		stopWaiting();
	}
}

/** What a request that overran its deadline fails with: a timeout, so it may have been delivered. */
export function deadlineError(deadlineMs: number): Error {
	// A Request Timeout under a second is said in ms: "within 1 s" for 200 ms reads as a wrong setting.
	const within = deadlineMs < 1000 ? `${deadlineMs} ms` : `${Math.ceil(deadlineMs / 1000)} s`;
	return Object.assign(new Error(`the answer did not complete within ${within}`), { code: 'ETIMEDOUT' });
}
