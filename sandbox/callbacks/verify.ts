import { randomInt } from 'node:crypto';

import { sealEchostr } from './seal';
import type { CallbackConfig, VerifyCallbackResult } from './types';

/** WeCom gives the endpoint one second to answer its URL check. */
export const VERIFY_TIMEOUT_MS = 1000;

/**
 * What WeCom does when an admin saves the callback settings: GET the URL with a signed,
 * encrypted echostr and expect exactly its plaintext back (no quotes, BOM or newline).
 */
export async function verifyCallbackUrl(
	config: CallbackConfig,
	url: string,
	nowSeconds: number,
	timeoutMs = VERIFY_TIMEOUT_MS,
): Promise<VerifyCallbackResult> {
	// A long random number, as WeCom's echostr plaintexts are.
	const expected = `${randomInt(1e9, 1e10)}${randomInt(1e9, 1e10)}`;
	const query = sealEchostr(config, expected, { timestamp: nowSeconds });
	const target = new URL(url);
	for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value);
	const started = Date.now();
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	try {
		const response = await fetch(target, { signal: controller.signal });
		const received = await response.text();
		const elapsedMs = Date.now() - started;
		const problem =
			response.status !== 200
				? `HTTP ${response.status}`
				: received !== expected
					? 'the body is not exactly the decrypted echostr'
					: undefined;
		return { ok: problem === undefined, url, status: response.status, expected, received, elapsedMs, problem };
	} catch (error) {
		const problem = controller.signal.aborted
			? `no answer within ${timeoutMs} ms`
			: ((error as { cause?: Error }).cause?.message ?? (error as Error).message);
		return { ok: false, url, expected, elapsedMs: Date.now() - started, problem };
	} finally {
		clearTimeout(timer);
	}
}
