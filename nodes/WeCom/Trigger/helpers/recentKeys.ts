/**
 * Remembers recently seen callback keys, to drop WeCom's re-sends (up to three, within seconds
 * of the first delivery when the answer was late). In memory and per process: enough for one
 * n8n instance, where re-sends reach the same process; not shared between queue-mode webhook
 * processes (n8n offers no dedup helper to webhook contexts). Replays after a restart or on
 * another process are the replay window's job.
 */
class RecentKeys {
	/** Key → until when (ms) it is remembered; Map order = order of (last) claim. */
	private readonly seenUntil = new Map<string, number>();

	constructor(private readonly maxKeys: number) {}

	/** True the first time a key is offered within `ttlMs`; records it. */
	claim(key: string, now: number, ttlMs: number): boolean {
		this.expire(now);
		const until = this.seenUntil.get(key);
		if (until !== undefined && until > now) return false;
		this.seenUntil.delete(key);
		this.seenUntil.set(key, now + ttlMs);
		while (this.seenUntil.size > this.maxKeys) {
			const oldest = this.seenUntil.keys().next().value as string;
			this.seenUntil.delete(oldest);
		}
		return true;
	}

	get size(): number {
		return this.seenUntil.size;
	}

	/** Drops expired keys from the oldest on; stops at the first live one (claim checks the rest). */
	private expire(now: number): void {
		for (const [key, until] of this.seenUntil) {
			if (until > now) return;
			this.seenUntil.delete(key);
		}
	}
}

const KEYS_PER_NODE = 2000;
/** WeCom's re-sends come within seconds; remembered far longer, and at least across the replay window. */
const MIN_TTL_MS = 15 * 60 * 1000;
const MAX_NODES = 500;

/**
 * How long a key must be remembered: an event is acceptable while its CreateTime is within the
 * window of now, a span of twice the window, so the first sight plus that span covers every replay
 * the window lets through.
 */
export function resendMemoryMs(maxAgeSeconds: number): number {
	return Math.max(MIN_TTL_MS, 2 * maxAgeSeconds * 1000);
}

const byNode = new Map<string, RecentKeys>();

/** The recent keys of one trigger node (workflow id + node id), created on first use. */
export function recentKeysFor(nodeKey: string): RecentKeys {
	let keys = byNode.get(nodeKey);
	if (keys) {
		// Re-insert so the least recently used node is evicted first.
		byNode.delete(nodeKey);
	} else {
		keys = new RecentKeys(KEYS_PER_NODE);
	}
	byNode.set(nodeKey, keys);
	while (byNode.size > MAX_NODES) byNode.delete(byNode.keys().next().value as string);
	return keys;
}
