import { sleep as n8nSleep } from 'n8n-workflow';

/**
 * The mechanics shared by the robot's 20-per-minute limit and WeCom's per-member limits: sends
 * are kept as reserved slots per key. A slot is reserved synchronously before the caller sleeps,
 * so items running at the same time never take the same slot, and slots go out in the order
 * they are asked for.
 */

/** A reserved send: when it was sent, or is scheduled to be sent. */
export interface Slot {
	at: number;
}

/** "At most `limit` sends within `windowMs`". */
export interface Window {
	limit: number;
	windowMs: number;
}

/** Clock and sleep, replaceable so a limiter can be run on another time scale. */
export interface Clock {
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
}

export const realClock: Required<Clock> = { now: Date.now, sleep: n8nSleep };

/**
 * The earliest time a new slot may take: never before the last reserved slot (first come, first
 * served), nor while `limit` slots lie within the window before it.
 */
export function nextFreeAt(slots: readonly Slot[], { limit, windowMs }: Window, notBefore: number): number {
	const times = slots.map((slot) => slot.at).sort((a, b) => a - b);
	let at = Math.max(notBefore, times[times.length - 1] ?? 0);
	if (times.length >= limit) at = Math.max(at, times[times.length - limit] + windowMs);
	return at;
}

/** How many slots fall within the window that ends at `at`. */
export function slotsWithin(slots: readonly Slot[], windowMs: number, at: number): number {
	return slots.filter((slot) => slot.at > at - windowMs).length;
}

/**
 * Forgets slots older than `windowMs` before `now`, in place (a send still in flight holds its
 * list); false when none is left.
 */
export function keepSlotsWithin(slots: Slot[], windowMs: number, now: number): boolean {
	const recent = slots.filter((slot) => slot.at > now - windowMs);
	slots.splice(0, slots.length, ...recent);
	return recent.length > 0;
}

/** keepSlotsWithin for every key, and forgets keys left empty. */
export function forgetSlotsBefore(slotsByKey: Map<string, Slot[]>, windowMs: number, now: number): void {
	for (const [key, slots] of slotsByKey) {
		if (!keepSlotsWithin(slots, windowMs, now)) slotsByKey.delete(key);
	}
}

/**
 * After a slot's wait: the wait was counted from the slots reserved before it as they were then,
 * and sends still in flight have since settled at the time they finished (more items at once
 * than the limit). Waits on until the slot is free by those times too, so the send cannot reach
 * the server within the window of a send it follows. (A slot that did not wait had room in the
 * window, in-flight sends included.)
 */
export async function waitForEarlierSlots(
	slot: Slot,
	lists: ReadonlyArray<readonly Slot[]>,
	windows: readonly Window[],
	clock: Required<Clock>,
): Promise<void> {
	for (;;) {
		let free = slot.at;
		for (const slots of lists) {
			const earlier = slots.slice(0, Math.max(0, slots.indexOf(slot)));
			for (const window of windows) free = Math.max(free, nextFreeAt(earlier, window, slot.at));
		}
		if (free <= slot.at) return;
		slot.at = free;
		await clock.sleep(Math.max(0, free - clock.now()));
	}
}

/**
 * The request has finished: the server saw it somewhere before that, so counting it from the
 * end keeps our window behind the server's, never ahead of it.
 */
export function settleSlot(slot: Slot, now: number): void {
	slot.at = Math.max(slot.at, now);
}
