/** Turns the measurements into the figures the report prints and the JSON keeps. */
import { TARGETS } from '../config';
import type { PathName } from '../job';
import type { Measurement } from '../measure';
import type { FanoutResult, TokenChurnResult } from '../scenarios';
import { median } from '../stats';

export interface PathSummary {
	path: PathName;
	label: string;
	runsWallMs: number[];
	medianWallMs: number;
	itemsPerSecond: number;
	delivered: number;
	failedItems: number;
	/** Sandbox calls (gettoken included) per delivered message. */
	callsPerDelivered: number;
	gettoken: number;
	maxInFlight: number;
	/** The child's own peak RSS (VmHWM). */
	medianPeakRssBytes: number;
	runsPeakRssBytes: number[];
	medianLiveHeapBytes: number;
	medianCpuMs: number;
	medianSandboxCpuMs: number;
}

export const PATH_LABELS: Record<PathName, string> = {
	noop: 'no-op node (engine baseline)',
	ours: 'WeCom Template Card (ours)',
	httpRequest: 'HTTP Request node',
	floor: 'undici Pool (floor)',
	trigger: 'WeCom Trigger handler',
	idle: 'child that runs nothing',
	form: 'ours, card from the form',
};

export function summarisePath(path: PathName, runs: Measurement[]): PathSummary {
	const medianWallMs = median(runs.map((run) => run.wallMs));
	// Counts come from the run closest to the median; they are the same in every run unless something failed.
	const typical = runs.reduce((best, run) =>
		Math.abs(run.wallMs - medianWallMs) < Math.abs(best.wallMs - medianWallMs) ? run : best,
	);
	return {
		path,
		label: PATH_LABELS[path],
		runsWallMs: runs.map((run) => run.wallMs),
		medianWallMs,
		itemsPerSecond: typical.job.items / (medianWallMs / 1000),
		delivered: typical.sandbox.delivered,
		failedItems: typical.failedItems,
		callsPerDelivered: typical.sandbox.delivered ? typical.sandbox.calls / typical.sandbox.delivered : Number.NaN,
		gettoken: typical.sandbox.gettoken,
		maxInFlight: typical.maxInFlight,
		medianPeakRssBytes: median(runs.map((run) => run.peakRssBytes)),
		runsPeakRssBytes: runs.map((run) => run.peakRssBytes),
		medianLiveHeapBytes: median(runs.map((run) => run.liveHeapBytes)),
		medianCpuMs: median(runs.map((run) => run.cpuMs)),
		medianSandboxCpuMs: median(runs.map((run) => run.sandboxCpuMs)),
	};
}

export interface Target {
	name: string;
	actual: string;
	target: string;
	met: boolean;
}

export interface Ratios {
	oursOverFloor: number;
	httpRequestOverOurs: number;
	peakRssOursOverBaseline: number;
	peakRssHttpRequestOverBaseline: number;
	liveHeapOursOverBaseline: number;
	liveHeapHttpRequestOverBaseline: number;
}

export function ratiosOf(summaries: Record<PathName, PathSummary>): Ratios {
	return {
		oursOverFloor: summaries.ours.medianWallMs / summaries.floor.medianWallMs,
		httpRequestOverOurs: summaries.httpRequest.medianWallMs / summaries.ours.medianWallMs,
		peakRssOursOverBaseline: summaries.ours.medianPeakRssBytes / summaries.noop.medianPeakRssBytes,
		peakRssHttpRequestOverBaseline: summaries.httpRequest.medianPeakRssBytes / summaries.noop.medianPeakRssBytes,
		liveHeapOursOverBaseline: summaries.ours.medianLiveHeapBytes / summaries.noop.medianLiveHeapBytes,
		liveHeapHttpRequestOverBaseline: summaries.httpRequest.medianLiveHeapBytes / summaries.noop.medianLiveHeapBytes,
	};
}

export function targetsOf(
	ratios: Ratios,
	summaries: Record<PathName, PathSummary>,
	fanout: FanoutResult,
	churn: TokenChurnResult,
): Target[] {
	const expectedCalls = Math.ceil(fanout.recipients / TARGETS.recipientsPerCall);
	const lifetimes = 1 + churn.ours.sandbox.faultsFired;
	return [
		{
			name: 'ours ÷ floor (wall time)',
			actual: `${ratios.oursOverFloor.toFixed(2)}x`,
			target: `≤ ${TARGETS.oursOverFloorMax}x`,
			met: ratios.oursOverFloor <= TARGETS.oursOverFloorMax,
		},
		{
			name: 'HTTP Request ÷ ours (wall time)',
			actual: `${ratios.httpRequestOverOurs.toFixed(2)}x`,
			target: `≥ ${TARGETS.httpRequestOverOursMin}x`,
			met: ratios.httpRequestOverOurs >= TARGETS.httpRequestOverOursMin,
		},
		{
			name: `calls for 1 card to ${fanout.recipients.toLocaleString('en-US')} recipients`,
			actual: String(fanout.ours.sandbox.sendCalls),
			target: `⌈N/${TARGETS.recipientsPerCall}⌉ = ${expectedCalls}`,
			met: fanout.ours.sandbox.sendCalls === expectedCalls,
		},
		{
			name: 'gettoken per token lifetime (ours)',
			actual: `${summaries.ours.gettoken} in the timed run; ${churn.ours.sandbox.gettoken} for ${lifetimes} lifetimes under churn`,
			target: '1 per lifetime',
			met: summaries.ours.gettoken === 1 && churn.ours.sandbox.gettoken <= lifetimes,
		},
		{
			name: 'own peak RSS (VmHWM) ours ÷ no-op baseline',
			actual: `${ratios.peakRssOursOverBaseline.toFixed(2)}x`,
			target: `≤ ${TARGETS.peakRssOverBaselineMax}x`,
			met: ratios.peakRssOursOverBaseline <= TARGETS.peakRssOverBaselineMax,
		},
		{
			name: 'live heap after GC ours ÷ no-op baseline',
			actual: `${ratios.liveHeapOursOverBaseline.toFixed(2)}x`,
			target: `≤ ${TARGETS.liveHeapOverBaselineMax}x`,
			met: ratios.liveHeapOursOverBaseline <= TARGETS.liveHeapOverBaselineMax,
		},
	];
}
