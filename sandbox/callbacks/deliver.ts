import type { CallbackAttempt, CallbackDeliveryOptions } from './types';

export const DEFAULT_ACK_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_RETRIES = 3;

export interface Posting {
	url: string;
	query: Record<string, string>;
	body: string;
}

function withQuery(url: string, query: Record<string, string>): string {
	const target = new URL(url);
	for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value);
	return target.toString();
}

async function attemptOnce(posting: Posting, attempt: number, timeoutMs: number): Promise<CallbackAttempt> {
	const started = Date.now();
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	try {
		const response = await fetch(withQuery(posting.url, posting.query), {
			method: 'POST',
			headers: { 'Content-Type': 'text/xml; charset=utf-8' },
			body: posting.body,
			signal: controller.signal,
		});
		const body = await response.text();
		return { attempt, status: response.status, body: body.slice(0, 200), elapsedMs: Date.now() - started };
	} catch (error) {
		const message = controller.signal.aborted
			? `no answer within ${timeoutMs} ms`
			: ((error as { cause?: Error }).cause?.message ?? (error as Error).message);
		return { attempt, error: message, elapsedMs: Date.now() - started };
	} finally {
		clearTimeout(timer);
	}
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * POSTs like WeCom: an answer is expected within 5 s; no answer (or, per WeCom's other doc
 * page, any non-200) means a re-send, up to three times, of the very same request.
 */
export async function deliver(posting: Posting, options: CallbackDeliveryOptions = {}): Promise<CallbackAttempt[]> {
	const timeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
	const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
	const attempts: CallbackAttempt[] = [];
	for (let attempt = 1; attempt <= maxRetries + 1; attempt++) {
		if (attempt > 1 && options.retryDelayMs) await pause(options.retryDelayMs);
		const result = await attemptOnce(posting, attempt, timeoutMs);
		attempts.push(result);
		if (result.status === 200) break;
	}
	return attempts;
}
