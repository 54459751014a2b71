import { sleep } from 'n8n-workflow';

import { ERRCODE, describeErrcode } from '../../shared/errorCodes';
import type { WeComApiError } from './errors';

export interface RetryPolicy {
	/** Total attempts, the first included. 1 = no retry. */
	maxAttempts: number;
	/** First backoff; doubles each attempt, with jitter. */
	baseDelayMs: number;
	/** Pause after 45009: WeCom blocks a caller for 60 s after a minute-level overflow. */
	rateLimitPauseMs: number;
	/** Per attempt; a timeout counts as an ambiguous failure. */
	timeoutMs: number;
	/**
	 * Whether a failure that may have been delivered (timeout, dropped connection, 5xx) is
	 * retried. Only safe when the request is idempotent, e.g. a send with WeCom's duplicate check.
	 */
	retryAmbiguous: boolean;
}

export const NO_RETRY: RetryPolicy = {
	maxAttempts: 1,
	baseDelayMs: 0,
	rateLimitPauseMs: 0,
	timeoutMs: 10_000,
	retryAmbiguous: false,
};

interface AttemptInfo {
	/** 1-based number of this attempt. */
	attempt: number;
	/** An earlier attempt may have been delivered (timeout, dropped connection, 5xx). */
	afterAmbiguousFailure: boolean;
}

function isRetryable(policy: RetryPolicy, error: WeComApiError): boolean {
	if (error.failureKind === 'notSent') return true;
	if (error.failureKind === 'ambiguous') return policy.retryAmbiguous;
	return error.errcode !== undefined && describeErrcode(error.errcode).handling === 'retry';
}

function backoffMs(policy: RetryPolicy, error: WeComApiError, attempt: number): number {
	if (error.errcode === ERRCODE.apiFrequencyExceeded) return policy.rateLimitPauseMs;
	const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
	return Math.round(exponential * (0.5 + Math.random() / 2));
}

/**
 * Runs `send` until it succeeds, fails with an error retrying cannot fix, or runs out of
 * attempts. `send` learns whether an earlier attempt may have been delivered, so it can make
 * the resend idempotent (WeCom's duplicate check) instead of delivering the card twice.
 */
export async function withRetry<T>(
	policy: RetryPolicy,
	send: (attempt: AttemptInfo) => Promise<T>,
): Promise<{ result: T; attempts: number; resent: boolean }> {
	let afterAmbiguousFailure = false;
	for (let attempt = 1; ; attempt++) {
		try {
			const result = await send({ attempt, afterAmbiguousFailure });
			return { result, attempts: attempt, resent: afterAmbiguousFailure };
		} catch (error) {
			const failure = error as WeComApiError;
			if (attempt >= policy.maxAttempts || !isRetryable(policy, failure)) throw failure;
			afterAmbiguousFailure ||= failure.failureKind === 'ambiguous';
			await sleep(backoffMs(policy, failure, attempt));
		}
	}
}
