/** The printed report: environment, the timed table, ratios and targets, both scenarios, the trigger. */
import type { BenchConfig } from '../config';
import type { Measurement } from '../measure';
import type { FaultScenario } from '../faultScenario';
import type { FormResult, FormRow } from '../formScenario';
import type { NetworkedResult } from '../networked';
import type { RuntimeSection } from '../realRuntime';
import type { FanoutResult, TokenChurnResult } from '../scenarios';
import { countsText, duration, fixed, formatTable, int, megabytes, seconds, verdict } from './format';
import { PATH_LABELS } from './summary';
import type { PathSummary, Ratios } from './summary';
import type { Target } from './targets';

export interface Report {
	config: BenchConfig;
	environment: Record<string, string>;
	summaries: PathSummary[];
	ratios: Ratios;
	targets: Target[];
	fanout: FanoutResult;
	tokenChurn: TokenChurnResult;
	idle: Measurement;
	form: Omit<FormResult, 'runs'>;
	realRuntime?: RuntimeSection;
	networked?: NetworkedResult;
	networkedSkipped?: string;
	faultSuite: FaultScenario;
	trigger?: Measurement;
	triggerSkipped?: string;
	notes: string[];
	totalMs: number;
	outputFile: string;
}

function timedTable(summaries: PathSummary[]): string {
	const headers = [
		'path',
		'wall s (median)',
		'runs (s)',
		'items/s',
		'delivered',
		'failed',
		'calls/card',
		'gettoken',
		'max in flight',
		'connections',
		'own peak RSS MB',
		'live heap MB',
		'client CPU s',
		'sandbox CPU s',
	];
	const rows = summaries.map((s) => {
		const sends = s.path !== 'noop';
		return [
			s.label,
			seconds(s.medianWallMs),
			s.runsWallMs.map((ms) => seconds(ms)).join(' / '),
			int(s.itemsPerSecond),
			sends ? int(s.delivered) : '-',
			sends ? int(s.failedItems) : '-',
			sends ? fixed(s.callsPerDelivered, 4) : '-',
			sends ? String(s.gettoken) : '-',
			sends ? String(s.maxInFlight) : '-',
			sends ? int(s.connections) : '-',
			megabytes(s.medianPeakRssBytes),
			megabytes(s.medianLiveHeapBytes),
			seconds(s.medianCpuMs),
			sends ? seconds(s.medianSandboxCpuMs) : '-',
		];
	});
	return formatTable(headers, rows);
}

/** Which call opened each connection: ours opens its pool at the connection test and gettoken. */
function connectionsByPath(summaries: PathSummary[]): string {
	return summaries
		.filter((s) => s.path !== 'noop')
		.map((s) => `connections by first request, ${s.label}: ${countsText(s.connectionsByPath)}`)
		.join('\n');
}

/** Why the RSS column is VmHWM: what each figure reads in a child that did nothing. */
function idleLine(idle: Measurement): string {
	return `memory check, a child that runs nothing (parent RSS ${megabytes(idle.parentRssBytes)} MB at its start): own peak RSS (VmHWM) ${megabytes(idle.peakRssBytes)} MB, live heap ${megabytes(idle.liveHeapBytes)} MB; getrusage maxRSS ${megabytes(idle.rusageMaxRssBytes)} MB (can count parent memory copied at fork, so not used)`;
}

function targetTable(targets: Target[]): string {
	return formatTable(
		['target', 'actual', 'aim', 'verdict'],
		targets.map((t) => [t.name, t.actual, t.target, verdict(t.met)]),
	);
}

function realRuntimeSection(section: RuntimeSection | undefined): string {
	if (!section) return 'Real runtime: not measured (BENCH_REAL_RUNTIME=0)';
	const { ratios } = section;
	return [
		`The same on the real runtime: the children on ${section.label} (the runtime \`npm start\` installs)`,
		timedTable(section.summaries),
		connectionsByPath(section.summaries),
		`info: ours ÷ floor ${ratios.oursOverFloor.toFixed(2)}x, HTTP Request ÷ ours ${ratios.httpRequestOverOurs.toFixed(2)}x (wall time; targets below)`,
		`info: ÷ no-op baseline: own peak RSS ours ${ratios.peakRssOursOverBaseline.toFixed(2)}x, HTTP Request ${ratios.peakRssHttpRequestOverBaseline.toFixed(2)}x; live heap ours ${ratios.liveHeapOursOverBaseline.toFixed(2)}x, HTTP Request ${ratios.liveHeapHttpRequestOverBaseline.toFixed(2)}x`,
		`info: bare fetch in a node ÷ floor ${ratios.fetchNodeOverFloor.toFixed(2)}x (wall time); ÷ no-op baseline: own peak RSS ${ratios.peakRssFetchNodeOverBaseline.toFixed(2)}x, live heap ${ratios.liveHeapFetchNodeOverBaseline.toFixed(2)}x (what fetch itself costs)`,
	].join('\n');
}

function networkedSection(result: NetworkedResult | undefined, skipped: string | undefined): string {
	if (!result) return `Networked: not measured (${skipped ?? 'skipped'})`;
	const httpRequest = result.summaries.find((s) => s.path === 'httpRequest');
	const table = formatTable(
		[
			'path',
			'wall s (median)',
			'runs (s)',
			'items/s',
			'÷ HTTP Request items/s',
			'delivered',
			'failed',
			'max in flight',
			'connections (max)',
			'TLS handshakes (resumed)',
			'client CPU s',
		],
		result.summaries.map((s) => [
			s.label,
			seconds(s.medianWallMs),
			s.runsWallMs.map((ms) => seconds(ms)).join(' / '),
			int(s.itemsPerSecond),
			httpRequest ? `${fixed(s.itemsPerSecond / httpRequest.itemsPerSecond, 2)}x` : '-',
			int(s.delivered),
			int(s.failedItems),
			String(s.maxInFlight),
			`${int(s.connections)} (${int(s.maxConnections)})`,
			`${int(s.tlsHandshakes)} (${int(s.tlsResumed)})`,
			seconds(s.medianCpuMs),
		]),
	);
	return [
		`Networked: the sandbox over HTTPS (a certificate made at start, trusted by the children through NODE_EXTRA_CA_CERTS) with ${result.rttMs} ms added round-trip time, ${int(result.items)} cards, C = ${result.concurrency} in flight, children on ${result.runtimeLabel}`,
		table,
		connectionsByPath(result.summaries),
		`HTTP Request batching: ${result.concurrency} items per ${result.httpBatchIntervalMs} ms (a fresh TLS request takes 3 RTT: about C in flight; it starts requests on a timer, it does not wait for them)`,
		`First card after a start (a fresh process sends 1 card, getting its token included): ${result.firstCard
			.map(
				(first) =>
					`${PATH_LABELS[first.path]} ${int(first.medianWallMs)} ms (runs ${first.runsWallMs.map((ms) => int(ms)).join(' / ')})`,
			)
			.join(', ')}`,
	].join('\n');
}

function faultSuiteSection(scenario: FaultScenario): string {
	const { result } = scenario;
	if (!result) return `Fault suite: not measured (${scenario.skipped ?? 'skipped'})`;
	const { outcome, stats, connections } = result;
	return [
		`Fault suite (test/harness/faultSuite.ts, as in test/engine/faults.test.ts): ${int(outcome.sent)} cards under injected faults and a WeCom outage, node defaults`,
		formatTable(
			[
				'sent',
				'delivered',
				'failed with error',
				'lost',
				'duplicated',
				'unclear errors',
				'faults fired',
				'gettoken',
				'connections',
				'wall s',
			],
			[
				[
					int(outcome.sent),
					int(outcome.delivered),
					int(outcome.failedWithError),
					int(outcome.lost),
					int(outcome.duplicated),
					int(outcome.unclearError),
					int(stats.faultsFired),
					int(stats.gettoken),
					int(connections.opened),
					seconds(scenario.wallMs ?? Number.NaN),
				],
			],
			0,
		),
		`connections by first request: ${countsText(connections.openedByPath)} (dropped connections and the outage force new ones)`,
	].join('\n');
}

function formTable(rows: FormRow[]): string {
	return formatTable(
		[
			'item expressions N',
			'wall s (median)',
			'client CPU s',
			'CPU ms/item',
			'CPU ms per expression per item',
			'wall ms per expression per item',
			'failed',
		],
		rows.map((row) => [
			String(row.expressions),
			seconds(row.medianWallMs),
			seconds(row.medianCpuMs),
			fixed(row.medianCpuMs / row.items, 3),
			row.cpuMsPerExpressionItem === undefined ? 'baseline' : fixed(row.cpuMsPerExpressionItem, 4),
			row.wallMsPerExpressionItem === undefined ? 'baseline' : fixed(row.wallMsPerExpressionItem, 4),
			int(row.failedItems),
		]),
	);
}

function fanoutTable(fanout: FanoutResult): string {
	const row = (label: string, run: Measurement) => [
		label,
		int(run.sandbox.sendCalls),
		int(run.sandbox.gettoken),
		int(run.failedItems),
		seconds(run.wallMs),
	];
	return formatTable(
		['1 card to N recipients', 'message/send calls', 'gettoken', 'failed items', 'wall s'],
		[
			row('ours (one item, touser = all N)', fanout.ours),
			row('naive loop (HTTP Request, 1 item per recipient)', fanout.naiveLoop),
		],
	);
}

function churnTable(churn: TokenChurnResult): string {
	const row = (label: string, run: Measurement) => [
		label,
		int(run.sandbox.gettoken),
		int(run.sandbox.faultsFired),
		int(run.sandbox.delivered),
		int(run.failedItems),
		int(run.sandbox.sendCalls),
		seconds(run.wallMs),
	];
	return formatTable(
		['path', 'gettoken', 'invalidations', 'delivered', 'failed items', 'message/send calls', 'wall s'],
		[row('ours', churn.ours), row('HTTP Request (token fetched once)', churn.httpRequest)],
	);
}

export function printReport(report: Report): void {
	const { config, fanout, tokenChurn: churn, trigger } = report;
	const out: string[] = [];
	out.push('');
	out.push(
		`WeCom template card benchmark: ${int(config.items)} single-recipient text_notice cards, concurrency C = ${config.concurrency} on every path, median of ${config.runs} runs, sandbox on 127.0.0.1; children on this Node with n8n-workflow's legacy expression engine (in-process)`,
	);
	out.push(
		Object.entries(report.environment)
			.map(([name, value]) => `${name} ${value}`)
			.join(', '),
	);
	out.push('');
	out.push(timedTable(report.summaries));
	out.push(connectionsByPath(report.summaries));
	out.push(
		`info (this Node; the loopback targets are for the real runtime): ours ÷ floor ${report.ratios.oursOverFloor.toFixed(2)}x, HTTP Request ÷ ours ${report.ratios.httpRequestOverOurs.toFixed(2)}x (wall time)`,
	);
	out.push(
		`info: HTTP Request ÷ no-op baseline: own peak RSS ${report.ratios.peakRssHttpRequestOverBaseline.toFixed(2)}x, live heap ${report.ratios.liveHeapHttpRequestOverBaseline.toFixed(2)}x`,
	);
	out.push(
		`info: bare fetch in a node ÷ floor ${report.ratios.fetchNodeOverFloor.toFixed(2)}x (wall time); ÷ no-op baseline: own peak RSS ${report.ratios.peakRssFetchNodeOverBaseline.toFixed(2)}x, live heap ${report.ratios.liveHeapFetchNodeOverBaseline.toFixed(2)}x (what fetch itself costs)`,
	);
	out.push(idleLine(report.idle));
	out.push('');
	out.push(realRuntimeSection(report.realRuntime));
	out.push('');
	out.push(networkedSection(report.networked, report.networkedSkipped));
	out.push('');
	const formItems = report.form.rows[0]?.items ?? 0;
	out.push(
		`Form mode: a text_notice card from 20 form fields, N of them item expressions ({{ $json.x }}), ${int(formItems)} cards per run, recipient an expression in every run`,
	);
	out.push(formTable(report.form.rows));
	const [low, high] = report.form.baselineCpuMsPerItemRange;
	out.push(
		`one item expression ≈ ${fixed(report.form.cpuMsPerExpressionItemFit, 3)} ms client CPU per item (least-squares slope over every run); N = 0 runs ranged ${fixed(low, 2)}–${fixed(high, 2)} ms/item: a per-N difference inside that range is noise`,
	);
	out.push('');
	out.push(`Fan-out: one card to ${int(fanout.recipients)} recipients`);
	out.push(fanoutTable(fanout));
	out.push('');
	out.push(
		`Token churn: the sandbox invalidates every token on every ${churn.invalidateEvery}th message/send call, ${int(config.items)} sends`,
	);
	out.push(churnTable(churn));
	out.push('');
	out.push(faultSuiteSection(report.faultSuite));
	out.push('');
	if (trigger) {
		const latency = trigger.latencyMs;
		out.push(
			`Trigger: ${int(trigger.job.items)} signed, encrypted template_card_event button clicks through WeComTrigger.webhook()`,
		);
		out.push(
			formatTable(
				['callbacks/s', 'p50 ms', 'p99 ms', 'max ms', 'workflows started', 'rejected', 'own peak RSS MB'],
				[
					[
						int(trigger.job.items / (trigger.wallMs / 1000)),
						fixed(latency?.p50 ?? Number.NaN, 3),
						fixed(latency?.p99 ?? Number.NaN, 3),
						fixed(latency?.max ?? Number.NaN, 3),
						int(trigger.outputItems),
						int(trigger.failedItems),
						megabytes(trigger.peakRssBytes),
					],
				],
				0,
			),
		);
	} else {
		out.push(`Trigger: not measured (${report.triggerSkipped ?? 'skipped'})`);
	}
	out.push('');
	out.push('Targets (met / not met; never asserted)');
	out.push(targetTable(report.targets));
	out.push('');
	for (const note of report.notes) out.push(`note: ${note}`);
	out.push('');
	out.push(`Total bench duration: ${duration(report.totalMs)}. Results: ${report.outputFile}`);
	console.log(out.join('\n'));
}
