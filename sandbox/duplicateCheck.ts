import { createHash } from 'node:crypto';

import {
	DUPLICATE_CHECK_DEFAULT_SECONDS as DEFAULT_DUPLICATE_INTERVAL_S,
	DUPLICATE_CHECK_MAX_SECONDS as MAX_DUPLICATE_INTERVAL_S,
} from '../nodes/WeCom/shared/limits';

export { DEFAULT_DUPLICATE_INTERVAL_S, MAX_DUPLICATE_INTERVAL_S };

/**
 * Identity of a send for enable_duplicate_check=1, or undefined when the check is off.
 *
 * "Identical" = the same JSON re-serialised: whitespace does not matter, KEY ORDER DOES. WeCom
 * only says "identical request"; the stricter reading means a client that passes here (by
 * resending the very same serialisation on retry) also passes whichever reading WeCom uses.
 */
export function duplicateKey(body: Record<string, unknown>, corpId: string, agentId: number): string | undefined {
	if (body.enable_duplicate_check !== 1) return undefined;
	const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex');
	return `${corpId}|${agentId}|${digest}`;
}

/** duplicate_check_interval in ms: default 1800 s, capped at WeCom's documented 4 h maximum. */
export function duplicateIntervalMs(body: Record<string, unknown>): number {
	const requested = body.duplicate_check_interval;
	const seconds =
		typeof requested === 'number' && Number.isInteger(requested) && requested > 0
			? Math.min(requested, MAX_DUPLICATE_INTERVAL_S)
			: DEFAULT_DUPLICATE_INTERVAL_S;
	return seconds * 1000;
}
