/**
 * Remembers recently seen callback keys, to drop WeCom's re-sends (up to three, within seconds
 * of the first delivery when the answer was late). In memory and per process: enough for one
 * n8n instance, where re-sends reach the same process; not shared between queue-mode webhook
 * processes (n8n offers no dedup helper to webhook contexts).
 */
export class RecentKeys {
	private readonly seenAt = new Map<string, number>();

	constructor(
		private readonly maxKeys: number,
		private readonly ttlMs: number,
	) {}

	/** True the first time a key is offered within the TTL; records it. */
	claim(key: string, now: number): boolean {
		this.expire(now);
		if (this.seenAt.has(key)) return false;
		this.seenAt.set(key, now);
		// Map keeps insertion order: the first entries are the oldest.
		while (this.seenAt.size > this.maxKeys) {
			const oldest = this.seenAt.keys().next().value as string;
			this.seenAt.delete(oldest);
		}
		return true;
	}

	get size(): number {
		return this.seenAt.size;
	}

	private expire(now: number): void {
		for (const [key, at] of this.seenAt) {
			if (now - at < this.ttlMs) return;
			this.seenAt.delete(key);
		}
	}
}

const KEYS_PER_NODE = 2000;
const KEY_TTL_MS = 15 * 60 * 1000;
const MAX_NODES = 500;

const byNode = new Map<string, RecentKeys>();

/** The recent keys of one trigger node (workflow id + node id), created on first use. */
export function recentKeysFor(nodeKey: string): RecentKeys {
	let keys = byNode.get(nodeKey);
	if (keys) {
		// Re-insert so the least recently used node is evicted first.
		byNode.delete(nodeKey);
	} else {
		keys = new RecentKeys(KEYS_PER_NODE, KEY_TTL_MS);
	}
	byNode.set(nodeKey, keys);
	while (byNode.size > MAX_NODES) byNode.delete(byNode.keys().next().value as string);
	return keys;
}
