/**
 * Memory figures a measured child reads about itself.
 *
 * Peak RSS is VmHWM from /proc/self/status: the high-water mark of the address space the child
 * got at execve, so its own. process.resourceUsage().maxRSS need not be: fork() starts a fresh
 * node with fork + execve (libuv), and Linux's getrusage keeps the peak of the address space
 * the child had before execve, a copy of the parent's. Measured on Node 20: an idle child of a
 * parent holding 400 MB of Buffers reads ~405 MB maxRSS and ~41 MB VmHWM; a parent holding
 * 300 MB of V8 heap instead does not show (41 MB both), and neither did the bench's own parent.
 */
import { readFileSync } from 'node:fs';

/** VmHWM in bytes, or NaN where /proc is missing (not Linux). */
export function ownPeakRssBytes(): number {
	try {
		const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
		return match ? Number(match[1]) * 1024 : Number.NaN;
	} catch {
		return Number.NaN;
	}
}

/** getrusage's maxRSS in bytes: kept only to show how far it is off (see above). */
export function rusageMaxRssBytes(): number {
	return process.resourceUsage().maxRSS * 1024;
}

/**
 * heapUsed after full GCs (the child runs with --expose-gc): what the run kept alive. One GC is
 * not enough: `fetch` registers each request and response with a FinalizationRegistry, and what a
 * registration holds is let go only when its cleanup runs, in a task after the GC that found the
 * target dead. Read after one GC, 10,000 sends still held 3.6 MB (bare fetch) and 4.6 MB (ours)
 * that the next turns freed (two turns for the cleanups, four for all of it), while the no-op
 * node read the same. So: GC and a turn of the event loop, at least MIN_GC_ROUNDS times, then on
 * until a reading is no lower than the one before (at most MAX_GC_ROUNDS).
 */
const MIN_GC_ROUNDS = 4;
const MAX_GC_ROUNDS = 10;

export async function liveHeapBytesAfterGc(): Promise<number> {
	const gc = (globalThis as { gc?: () => void }).gc;
	let live = Number.POSITIVE_INFINITY;
	for (let round = 1; round <= MAX_GC_ROUNDS; round++) {
		gc?.();
		const reading = process.memoryUsage().heapUsed;
		if (round > MIN_GC_ROUNDS && reading >= live) break;
		live = Math.min(live, reading);
		await new Promise<void>((resolve) => setImmediate(resolve));
	}
	return live;
}
