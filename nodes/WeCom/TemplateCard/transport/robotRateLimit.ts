import { ROBOT_MESSAGES_PER_MINUTE } from '../../shared/limits';
import {
	forgetSlotsBefore,
	nextFreeAt,
	realClock,
	settleSlot,
	waitForEarlierSlots,
	type Clock,
	type Slot,
} from './slidingWindow';

interface SlidingWindowOptions extends Clock {
	/** Sends allowed per window. */
	limit?: number;
	windowMs?: number;
}

/** A taken send slot; `settled` is called once the request has finished, whatever the outcome. */
interface SendSlot {
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

/** "N sends per window" per key, in process memory (see ./slidingWindow.ts). */
export class SlidingWindowLimiter {
	private readonly window: { limit: number; windowMs: number };
	private readonly now: () => number;
	private readonly sleep: (ms: number) => Promise<void>;
	private readonly slots = new Map<string, Slot[]>();
	private readonly pausedUntil = new Map<string, number>();

	constructor({
		limit = ROBOT_MESSAGES_PER_MINUTE,
		windowMs = 60_000,
		now = realClock.now,
		sleep = realClock.sleep,
	}: SlidingWindowOptions = {}) {
		this.window = { limit, windowMs };
		this.now = now;
		this.sleep = sleep;
	}

	/** Waits for a free slot and takes it, or throws SlotTooFarError without waiting. */
	async take(key: string, maxWaitMs: number): Promise<SendSlot> {
		const now = this.now();
		this.forgetOldSends(now);
		const slots = this.slots.get(key) ?? [];
		const at = nextFreeAt(slots, this.window, Math.max(now, this.pausedUntil.get(key) ?? 0));
		const waitMs = at - now;
		if (waitMs > maxWaitMs) throw new SlotTooFarError(waitMs, maxWaitMs);
		const slot: Slot = { at };
		slots.push(slot);
		this.slots.set(key, slots);
		if (waitMs > 0) {
			await this.sleep(waitMs);
			await waitForEarlierSlots(slot, [slots], [this.window], { now: this.now, sleep: this.sleep });
		}
		return { waitedMs: slot.at - now, settled: () => settleSlot(slot, this.now()) };
	}

	/** The server said "too many" anyway (other processes, other tools): hold every send back. */
	pause(key: string, ms: number): void {
		const until = this.now() + ms;
		this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
	}

	/** Keeps memory bounded: only sends inside the window and pauses still running are kept. */
	private forgetOldSends(now: number): void {
		forgetSlotsBefore(this.slots, this.window.windowMs, now);
		for (const [key, until] of this.pausedUntil) {
			if (until <= now) this.pausedUntil.delete(key);
		}
	}
}

/** One per n8n process: every execution that posts to the same robot shares it. */
export const robotRateLimiter = new SlidingWindowLimiter();
