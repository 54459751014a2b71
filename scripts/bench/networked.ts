/**
 * What users feel: WeCom is reached over HTTPS from far away. The sandbox serves HTTPS with a
 * certificate made at start and adds a round-trip time (sandbox/network/latency.ts: a kept-alive
 * request costs 1 RTT, a fresh TLS connection 3); ours, n8n's HTTP Request node and the undici
 * floor send the same cards at the same in-flight count C, and the sandbox counts the
 * connections and TLS handshakes each opened. The children trust the certificate through
 * NODE_EXTRA_CA_CERTS, which Node's TLS reads at start for fetch, undici and n8n's client alike.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../../sandbox';
import type { SandboxOptions } from '../../sandbox';
import type { PathJob, PathName } from './job';
import type { Measurement } from './measure';
import { summarisePath } from './report/summary';
import { median } from './stats';
import type { PathSummary } from './report/summary';
import type { ChildRunner } from './runChild';
import { timedComparison } from './scenarios';
import type { BenchContext } from './scenarios';

/** The bare-fetch node shows what any node sending with fetch reaches over the network. */
export const NETWORKED_PATHS: readonly PathName[] = ['ours', 'httpRequest', 'floor', 'fetchNode'];

/**
 * A request on a fresh TLS 1.3 connection takes 3 RTT. HTTP Request's Batching starts C requests
 * per interval and does not wait for them (see httpRequestNode.ts): with this interval about C
 * are in flight, as for the other paths; 'max in flight' shows what it reached.
 */
export const freshTlsRequestRtts = 3;

/**
 * One card from a fresh process: what a workflow that sends one card waits for after n8n starts,
 * getting the token included (the floor and HTTP Request get theirs before the clock starts).
 */
export const FIRST_CARD_PATHS: readonly PathName[] = ['ours', 'fetchNode'];

export interface FirstCard {
	path: PathName;
	runsWallMs: number[];
	medianWallMs: number;
}

export interface NetworkedResult {
	rttMs: number;
	items: number;
	concurrency: number;
	/** Which Node and expression engine ran the children. */
	runtimeLabel: string;
	httpBatchIntervalMs: number;
	summaries: PathSummary[];
	runs: Record<PathName, Measurement[]>;
	firstCard: FirstCard[];
}

export interface NetworkedRuntime {
	label: string;
	/** Starts children that trust the CA file: (NODE_EXTRA_CA_CERTS) => runner. */
	runnerTrusting(caFile: string): ChildRunner;
	expressionEngine?: PathJob['expressionEngine'];
}

export async function networkedComparison(
	context: BenchContext,
	runtime: NetworkedRuntime,
	sandboxOptions: SandboxOptions,
): Promise<NetworkedResult> {
	const { networkItems: items, networkRttMs: rttMs, concurrency } = context.config;
	const sandbox = await startSandbox({ ...sandboxOptions, tls: true, latency: { rttMs } });
	const caFolder = mkdtempSync(join(tmpdir(), 'wecom-card-bench-ca-'));
	try {
		const caFile = join(caFolder, 'sandbox-ca.pem');
		writeFileSync(caFile, sandbox.certificate ?? '');
		const httpBatchIntervalMs = freshTlsRequestRtts * rttMs;
		const networkedContext = {
			...context,
			sandbox,
			runner: runtime.runnerTrusting(caFile),
			expressionEngine: runtime.expressionEngine,
			progress: (line: string) => context.progress(`networked: ${line}`),
		};
		const adjust = (job: PathJob): PathJob => ({ ...job, httpBatchIntervalMs });
		const runs = await timedComparison(networkedContext, NETWORKED_PATHS, items, adjust);
		const firstCardRuns = await timedComparison(
			{ ...networkedContext, progress: (line) => context.progress(`networked, first card: ${line}`) },
			FIRST_CARD_PATHS,
			1,
			adjust,
		);
		return {
			rttMs,
			items,
			concurrency,
			runtimeLabel: runtime.label,
			httpBatchIntervalMs,
			summaries: NETWORKED_PATHS.map((path) => summarisePath(path, runs[path])),
			runs,
			firstCard: FIRST_CARD_PATHS.map((path) => {
				const runsWallMs = firstCardRuns[path].map((run) => run.wallMs);
				return { path, runsWallMs, medianWallMs: median(runsWallMs) };
			}),
		};
	} finally {
		await sandbox.close();
		rmSync(caFolder, { recursive: true, force: true });
	}
}
