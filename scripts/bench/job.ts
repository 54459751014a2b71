/** What the parent asks one child process to do, and what the child reports back. */
import type { FaultSuiteResult } from '../../test/harness/faultSuite';

/**
 * The three compared paths, a bare fetch in a node (what fetch itself costs), the engine-only
 * baseline, the trigger's callback handling, a child
 * that runs nothing (shows what the memory figures read with no work done), and our node with
 * N of its form fields as item expressions; 'faults' runs the fault suite against its own sandbox.
 */
export type PathName = 'ours' | 'httpRequest' | 'floor' | 'fetchNode' | 'noop' | 'trigger' | 'idle' | 'form' | 'faults';

export interface PathJob {
	path: PathName;
	sandboxUrl: string;
	/** Input items (one card each). */
	items: number;
	/** Recipients of each card: 1, or the fan-out size for the one-card scenario. */
	recipientsPerItem: number;
	concurrency: number;
	/** Makes task_ids unique across runs. */
	runTag: string;
	/** n8n's expression engine in the child: 'legacy' (n8n-workflow's default, in-process) or 'vm' (n8n 2.41's default, isolated-vm). */
	expressionEngine?: 'legacy' | 'vm';
	/** The form path: how many of its 20 form fields are item expressions. */
	formExpressions?: number;
	/** The cached n8n install (the HTTP Request path loads n8n-nodes-base from there). */
	n8nDir?: string;
	/** HTTP Request's batch interval in ms (default BENCH_HTTP_BATCH_INTERVAL_MS, see httpRequestNode.ts). */
	httpBatchIntervalMs?: number;
}

export interface PathOutcome {
	/** Time of the send itself: from handing the items over to having every result. */
	wallMs: number;
	/** CPU time of this (client) process over the same span. */
	cpuMs: number;
	outputItems: number;
	/** Items without a delivered message: node errors, or errcode != 0 in the answer. */
	failedItems: number;
	/** The first failure, to tell what went wrong. */
	failureSample?: string;
	/** Most HTTP requests this process had open at once. */
	maxInFlight: number;
	/** Per-item handling time (the trigger path times every callback). */
	latencyMs?: { p50: number; p99: number; max: number };
	/** The 'faults' path: what the fault suite counted on the child's own sandbox. */
	faultSuite?: FaultSuiteResult;
	notes: string[];
}

export interface PathResult extends PathOutcome {
	path: PathName;
	/** The child's own peak RSS (VmHWM), in bytes; NaN without /proc. */
	peakRssBytes: number;
	/** process.resourceUsage().maxRSS, in bytes: can count parent memory copied at fork (see memory.ts). */
	rusageMaxRssBytes: number;
	/** heapUsed after a full GC at the end: what the run kept alive (peak RSS also counts garbage V8 had not collected yet). */
	liveHeapBytes: number;
}

export type ChildMessage = { ok: true; result: PathResult } | { ok: false; error: string };
