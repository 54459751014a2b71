const MINUTE_MS = 60_000;

/**
 * Per-key "N calls per minute" limiter. Like WeCom, an overflow blocks the key for a full
 * minute from the overflowing call (minute-level blocks last 60 s), so a client must back off
 * instead of squeezing in as soon as the oldest call leaves the window.
 */
export class MinuteLimiter {
	private readonly admitted = new Map<string, number[]>();
	private readonly blockedUntil = new Map<string, number>();

	constructor(private readonly perMinute: number) {}

	/** True if the call may proceed (and counts it); false = answer 45009. */
	admit(key: string, now: number): boolean {
		const blocked = this.blockedUntil.get(key);
		if (blocked !== undefined && now < blocked) return false;
		const recent = (this.admitted.get(key) ?? []).filter((t) => t > now - MINUTE_MS);
		if (recent.length >= this.perMinute) {
			this.blockedUntil.set(key, now + MINUTE_MS);
			this.admitted.set(key, recent);
			return false;
		}
		recent.push(now);
		this.admitted.set(key, recent);
		return true;
	}

	clear(): void {
		this.admitted.clear();
		this.blockedUntil.clear();
	}
}
