import { sleep as n8nSleep } from 'n8n-workflow';

import { ROBOT_MESSAGES_PER_MINUTE } from '../../shared/limits';

export interface SlidingWindowOptions {
	/** Sends allowed per window. */
	limit?: number;
	windowMs?: number;
	/** Clock and sleep, replaceable so the limiter can be run on another time scale. */
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
}

/** A taken send slot; `settled` is called once the request has finished, whatever the outcome. */
export interface SendSlot {
	waitedMs: number;
	settled(): void;
}

/** The next free slot is further away than the caller may wait: nothing was sent. */
export class SlotTooFarError extends Error {
	constructor(
		readonly waitMs: number,
		readonly maxWaitMs: number,
	) {
		super(`The next free send slot is ${waitMs} ms away, more than the ${maxWaitMs} ms allowed`);
		this.name = 'SlotTooFarError';
	}
}

interface Send {
	/** When it was sent, or is scheduled to be sent. */
	at: number;
}

/**
 * "N sends per window" per key, in process memory. A slot is reserved synchronously before
 * the caller sleeps, so items running at the same time never pick the same slot; slots are
 * handed out in the order they are asked for.
 */
export class SlidingWindowLimiter {
	private readonly limit: number;
	private readonly windowMs: number;
	private readonly now: () => number;
	private readonly sleep: (ms: number) => Promise<void>;
	private readonly sends = new Map<string, Send[]>();
	private readonly pausedUntil = new Map<string, number>();

	constructor({
		limit = ROBOT_MESSAGES_PER_MINUTE,
		windowMs = 60_000,
		now = Date.now,
		sleep = n8nSleep,
	}: SlidingWindowOptions = {}) {
		this.limit = limit;
		this.windowMs = windowMs;
		this.now = now;
		this.sleep = sleep;
	}

	/** Waits for a free slot and takes it, or throws SlotTooFarError without waiting. */
	async take(key: string, maxWaitMs: number): Promise<SendSlot> {
		const now = this.now();
		this.forgetOldSends(now);
		const sends = this.sends.get(key) ?? [];
		const at = this.nextFreeAt(key, sends, now);
		const waitMs = at - now;
		if (waitMs > maxWaitMs) throw new SlotTooFarError(waitMs, maxWaitMs);
		const send: Send = { at };
		this.sends.set(key, [...sends, send]);
		if (waitMs > 0) await this.sleep(waitMs);
		return {
			waitedMs: waitMs,
			// The server saw the request somewhere before it finished: counting it from the end
			// keeps our window behind the server's, never ahead of it.
			settled: () => {
				send.at = Math.max(send.at, this.now());
			},
		};
	}

	/** The server said "too many" anyway (other processes, other tools): hold every send back. */
	pause(key: string, ms: number): void {
		const until = this.now() + ms;
		this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
	}

	/** Keeps memory bounded: only sends inside the window and pauses still running are kept. */
	private forgetOldSends(now: number): void {
		for (const [key, sends] of this.sends) {
			const recent = sends.filter((send) => send.at > now - this.windowMs);
			if (recent.length) this.sends.set(key, recent);
			else this.sends.delete(key);
		}
		for (const [key, until] of this.pausedUntil) {
			if (until <= now) this.pausedUntil.delete(key);
		}
	}

	/** Never before the last reserved slot (first come, first served), nor `limit` sends within a window. */
	private nextFreeAt(key: string, sends: Send[], now: number): number {
		const times = sends.map((send) => send.at).sort((a, b) => a - b);
		let at = Math.max(now, this.pausedUntil.get(key) ?? 0, times[times.length - 1] ?? 0);
		if (times.length >= this.limit) at = Math.max(at, times[times.length - this.limit] + this.windowMs);
		return at;
	}
}

/** One per n8n process: every execution that posts to the same robot shares it. */
export const robotRateLimiter = new SlidingWindowLimiter();
