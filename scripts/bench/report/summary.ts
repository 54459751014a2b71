/** Turns the measurements into the figures the report prints and the JSON keeps. */
import type { PathName } from '../job';
import type { Measurement } from '../measure';
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
	/** Connections the typical run opened, and the most any run opened. */
	connections: number;
	maxConnections: number;
	tlsHandshakes: number;
	tlsResumed: number;
	/** The typical run's connections by the path of their first request. */
	connectionsByPath: Record<string, number>;
}

export const PATH_LABELS: Record<PathName, string> = {
	noop: 'no-op node (engine baseline)',
	ours: 'WeCom Template Card (ours)',
	httpRequest: 'HTTP Request node',
	floor: 'undici Pool (floor)',
	fetchNode: 'bare fetch in a node',
	trigger: 'WeCom Trigger handler',
	idle: 'child that runs nothing',
	form: 'ours, card from the form',
	faults: 'ours under the fault suite',
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
		connections: typical.connections.opened,
		maxConnections: Math.max(...runs.map((run) => run.connections.opened)),
		tlsHandshakes: typical.connections.tlsHandshakes,
		tlsResumed: typical.connections.tlsResumed,
		connectionsByPath: typical.connections.openedByPath,
	};
}

export interface Ratios {
	oursOverFloor: number;
	httpRequestOverOurs: number;
	peakRssOursOverBaseline: number;
	peakRssHttpRequestOverBaseline: number;
	liveHeapOursOverBaseline: number;
	liveHeapHttpRequestOverBaseline: number;
	/** What a node that only sends with fetch pays: the part of ours no fetch-based node avoids. */
	peakRssFetchNodeOverBaseline: number;
	liveHeapFetchNodeOverBaseline: number;
	fetchNodeOverFloor: number;
}

export function ratiosOf(summaries: Record<PathName, PathSummary>): Ratios {
	return {
		oursOverFloor: summaries.ours.medianWallMs / summaries.floor.medianWallMs,
		httpRequestOverOurs: summaries.httpRequest.medianWallMs / summaries.ours.medianWallMs,
		peakRssOursOverBaseline: summaries.ours.medianPeakRssBytes / summaries.noop.medianPeakRssBytes,
		peakRssHttpRequestOverBaseline: summaries.httpRequest.medianPeakRssBytes / summaries.noop.medianPeakRssBytes,
		liveHeapOursOverBaseline: summaries.ours.medianLiveHeapBytes / summaries.noop.medianLiveHeapBytes,
		liveHeapHttpRequestOverBaseline: summaries.httpRequest.medianLiveHeapBytes / summaries.noop.medianLiveHeapBytes,
		peakRssFetchNodeOverBaseline: summaries.fetchNode.medianPeakRssBytes / summaries.noop.medianPeakRssBytes,
		liveHeapFetchNodeOverBaseline: summaries.fetchNode.medianLiveHeapBytes / summaries.noop.medianLiveHeapBytes,
		fetchNodeOverFloor: summaries.fetchNode.medianWallMs / summaries.floor.medianWallMs,
	};
}
