/**
 * Knobs of `npm run bench`. Defaults are the numbers; the environment scales them
 * down for a quick run (`BENCH_ITEMS=1000 npm run bench`).
 */
import { join, resolve } from 'node:path';

function positiveInt(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got "${raw}")`);
	return value;
}

export const REPO_ROOT = resolve(__dirname, '..', '..');

export interface BenchConfig {
	/** Single-recipient cards per timed run. */
	items: number;
	/** One value for every path: our node's option, the HTTP Request batch size, the undici pool. */
	concurrency: number;
	/** Runs per timed path; the median is reported. */
	runs: number;
	/** Recipients of the one card of the fan-out scenario. */
	fanoutRecipients: number;
	/** The sandbox invalidates every token on every Nth message/send call. */
	invalidateEvery: number;
	/** Also run the timed comparison on Node 24 with n8n's vm expression engine (BENCH_REAL_RUNTIME=0 skips it). */
	realRuntime: boolean;
	/** Cards per run of the form scenario (N item expressions). */
	formItems: number;
	/** Signed, encrypted callbacks fed to the trigger's handler (when the trigger exists). */
	callbacks: number;
	/** Cards per run of the networked scenario (the sandbox over HTTPS with an added RTT). */
	networkItems: number;
	/** The round-trip time the networked scenario adds, in ms. */
	networkRttMs: number;
	/** Cards the fault suite sends (test/harness/faultSuite.ts). */
	faultItems: number;
	outputFile: string;
}

export function benchConfig(): BenchConfig {
	return {
		items: positiveInt('BENCH_ITEMS', 10_000),
		concurrency: positiveInt('BENCH_CONCURRENCY', 5),
		runs: positiveInt('BENCH_RUNS', 3),
		fanoutRecipients: positiveInt('BENCH_FANOUT', 5_000),
		invalidateEvery: positiveInt('BENCH_INVALIDATE_EVERY', 500),
		realRuntime: process.env.BENCH_REAL_RUNTIME !== '0',
		formItems: positiveInt('BENCH_FORM_ITEMS', 2_000),
		callbacks: positiveInt('BENCH_CALLBACKS', 20_000),
		networkItems: positiveInt('BENCH_NET_ITEMS', 1_000),
		networkRttMs: positiveInt('BENCH_NET_RTT_MS', 30),
		faultItems: positiveInt('BENCH_FAULT_ITEMS', 1_000),
		outputFile: join(REPO_ROOT, 'build', 'bench', 'bench-results.json'),
	};
}

/**
 * The targets the project aims at (issue 11's list, plus the fan-out target it left alone);
 * printed as met / not met, never asserted.
 */
export const TARGETS = {
	/** Loopback, real runtime (Node 24, vm engine): ours ≤ 2x the floor (aim 1.5x); faster than HTTP Request. */
	realRuntimeOursOverFloorMax: 2,
	realRuntimeOursOverFloorAim: 1.5,
	/** Networked: ours ≥ 2.5x HTTP Request's items/s at the same in-flight count, connections ≤ C + 2. */
	networkedOursOverHttpRequestMin: 2.5,
	networkedConnectionsOverConcurrencyMax: 2,
	/** The child's own peak RSS (VmHWM) and live heap after GC against the no-op node, at 10,000 items. */
	peakRssOverBaselineMax: 1.5,
	liveHeapOverBaselineMax: 1.2,
	memoryTargetItems: 10_000,
	/** One card to N recipients: ⌈N / 1000⌉ message/send calls. */
	recipientsPerCall: 1000,
} as const;
