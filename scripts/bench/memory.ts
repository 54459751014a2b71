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

/** heapUsed after a full GC (the child runs with --expose-gc): what the run kept alive. */
export function liveHeapBytesAfterGc(): number {
	(globalThis as { gc?: () => void }).gc?.();
	return process.memoryUsage().heapUsed;
}
