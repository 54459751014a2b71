/**
 * `npm run bench`: our node vs n8n's HTTP Request node vs a raw undici client against the WeCom
 * sandbox, on loopback and over HTTPS with an added round-trip time, plus the fan-out, token-churn
 * and fault-suite scenarios and the trigger's callback throughput.
 * Prints a table and writes build/bench/bench-results.json. Nothing is asserted: machines are
 * noisy, so timed paths run several times and the median is reported.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

import { startSandbox } from '../../sandbox';
import type { SandboxOptions } from '../../sandbox';
import { NODE_VERSION } from '../n8n/config';
import { ensureRuntime } from '../n8n/runtime';
import { benchConfig, REPO_ROOT } from './config';
import { httpRequestNodeInfo } from './httpRequestNode';
import type { PathName } from './job';
import { measure } from './measure';
import type { Measurement } from './measure';
import { benchCorp } from './payload';
import { benchNotes, environmentOf } from './report/notes';
import { printReport } from './report/print';
import { ratiosOf, summarisePath } from './report/summary';
import {
	fanoutTarget,
	faultSuiteTarget,
	loopbackTargets,
	memoryTargets,
	networkedTargets,
	tokenChurnTarget,
} from './report/targets';
import type { MemoryRatios, Target } from './report/targets';
import { faultSuiteScenario } from './faultScenario';
import { formExpressions } from './formScenario';
import { networkedComparison } from './networked';
import type { NetworkedResult, NetworkedRuntime } from './networked';
import { realRuntimeComparison } from './realRuntime';
import type { RuntimeSection } from './realRuntime';
import { childRunner } from './runChild';
import { fanout, idleChild, timedComparison, TIMED_PATHS, tokenChurn } from './scenarios';
import type { BenchContext } from './scenarios';
import { transpileForChildren } from './transpile';

const TRIGGER_NODE = join(REPO_ROOT, 'nodes', 'WeCom', 'Trigger', 'WeComTrigger.node.ts');

/** The sandbox answers 45009 past 10,000 calls a minute, as WeCom does; the bench measures throughput. */
const UNLIMITED_PER_MINUTE = 1_000_000_000;

function progress(line: string): void {
	process.stdout.write(`  ${line}\n`);
}

/** Only when the trigger node exists; a failure there is reported, not fatal to the rest. */
async function triggerThroughput(context: BenchContext): Promise<{ trigger?: Measurement; triggerSkipped?: string }> {
	if (!existsSync(TRIGGER_NODE)) return { triggerSkipped: `${relative(REPO_ROOT, TRIGGER_NODE)} does not exist yet` };
	console.log('bench: trigger');
	try {
		const trigger = await measure(context.sandbox, context.runner, {
			path: 'trigger',
			sandboxUrl: context.sandbox.url,
			items: context.config.callbacks,
			recipientsPerItem: 1,
			concurrency: 1,
			runTag: 'trigger',
		});
		return { trigger };
	} catch (error) {
		return {
			triggerSkipped: `the trigger run failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
		};
	}
}

/** A failure of the networked scenario is reported, not fatal to the rest. */
async function networked(
	context: BenchContext,
	runtime: NetworkedRuntime,
	sandboxOptions: SandboxOptions,
): Promise<{ networked?: NetworkedResult; networkedSkipped?: string }> {
	const { networkRttMs, networkItems } = context.config;
	console.log(`bench: networked, HTTPS with ${networkRttMs} ms added RTT, ${networkItems} cards per run`);
	try {
		return { networked: await networkedComparison(context, runtime, sandboxOptions) };
	} catch (error) {
		return {
			networkedSkipped: `the networked run failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
		};
	}
}

function allTargets(parts: {
	realRuntime?: RuntimeSection;
	networked?: NetworkedResult;
	networkedSkipped?: string;
	memory: MemoryRatios;
	items: number;
	faultSuite: Awaited<ReturnType<typeof faultSuiteScenario>>;
	timedGettoken: number;
	churn: Awaited<ReturnType<typeof tokenChurn>>;
	fanout: Awaited<ReturnType<typeof fanout>>;
}): Target[] {
	const wallOf = (section: RuntimeSection, path: PathName) =>
		section.summaries.find((s) => s.path === path)?.medianWallMs ?? Number.NaN;
	const real = parts.realRuntime;
	const net = parts.networked;
	const netSummary = (path: PathName) => net?.summaries.find((s) => s.path === path);
	return [
		...loopbackTargets(
			real && { ours: wallOf(real, 'ours'), floor: wallOf(real, 'floor'), httpRequest: wallOf(real, 'httpRequest') },
		),
		...(net
			? networkedTargets({
					rttMs: net.rttMs,
					concurrency: net.concurrency,
					oursItemsPerSecond: netSummary('ours')?.itemsPerSecond ?? Number.NaN,
					httpRequestItemsPerSecond: netSummary('httpRequest')?.itemsPerSecond ?? Number.NaN,
					oursMaxConnections: netSummary('ours')?.maxConnections ?? Number.NaN,
				})
			: [{ name: 'networked scenario', actual: parts.networkedSkipped ?? 'not measured', target: 'see issue 11' }]),
		...memoryTargets(parts.memory, parts.items),
		faultSuiteTarget(parts.faultSuite.result?.outcome, parts.faultSuite.skipped),
		tokenChurnTarget(parts.timedGettoken, parts.churn.ours.sandbox.gettoken, parts.churn.ours.sandbox.faultsFired),
		fanoutTarget(parts.fanout.recipients, parts.fanout.ours.sandbox.sendCalls),
	];
}

async function main(): Promise<void> {
	const benchStart = performance.now();
	const config = benchConfig();
	console.log(`bench: ${config.items} items, concurrency ${config.concurrency}, ${config.runs} runs per path`);

	const runtime = await ensureRuntime();
	const httpRequest = httpRequestNodeInfo(runtime.n8nDir);
	const jsFolder = join(dirname(config.outputFile), 'js');
	const transpiled = transpileForChildren(jsFolder);
	console.log(
		`bench: ${transpiled.files} TypeScript files transpiled for the child processes into ${relative(REPO_ROOT, jsFolder)}`,
	);

	const leakScanFolder = mkdtempSync(join(tmpdir(), 'wecom-card-bench-'));
	const users = Math.max(config.items, config.fanoutRecipients);
	const sandboxOptions: SandboxOptions = {
		corps: [benchCorp(users)],
		rateLimits: { perApiPerMinute: UNLIMITED_PER_MINUTE },
	};
	const sandbox = await startSandbox(sandboxOptions);
	const context: BenchContext = {
		config,
		sandbox,
		runner: childRunner(jsFolder, leakScanFolder),
		n8nDir: runtime.n8nDir,
		progress,
	};
	try {
		console.log('bench: timed paths');
		const timed = await timedComparison(context);
		const idle = await idleChild(context);
		const realRunner = childRunner(jsFolder, leakScanFolder, runtime.nodeBin);
		if (config.realRuntime) console.log(`bench: timed paths on Node ${NODE_VERSION} with n8n's vm expression engine`);
		const realRuntime = config.realRuntime ? await realRuntimeComparison(context, realRunner, NODE_VERSION) : undefined;
		// On the real runtime when it is measured: that is what users run.
		const networkedRuntime: NetworkedRuntime = config.realRuntime
			? {
					label: `Node ${NODE_VERSION}, n8n's vm expression engine`,
					runnerTrusting: (caFile) =>
						childRunner(jsFolder, leakScanFolder, runtime.nodeBin, { NODE_EXTRA_CA_CERTS: caFile }),
					expressionEngine: 'vm',
				}
			: {
					label: `this Node (${process.version}), n8n-workflow's legacy expression engine`,
					runnerTrusting: (caFile) =>
						childRunner(jsFolder, leakScanFolder, process.execPath, { NODE_EXTRA_CA_CERTS: caFile }),
				};
		const networkedResult = await networked(context, networkedRuntime, sandboxOptions);
		console.log('bench: fan-out');
		const fanoutResult = await fanout(context);
		console.log('bench: form mode with N item expressions');
		const form = await formExpressions(context);
		console.log('bench: token churn');
		const churn = await tokenChurn(context);
		console.log(`bench: fault suite, ${config.faultItems} cards`);
		const faultSuite = await faultSuiteScenario(context);
		const { trigger, triggerSkipped } = await triggerThroughput(context);

		const summaries = Object.fromEntries(TIMED_PATHS.map((path) => [path, summarisePath(path, timed[path])])) as Record<
			PathName,
			ReturnType<typeof summarisePath>
		>;
		const ratios = ratiosOf(summaries);
		const targets = allTargets({
			realRuntime,
			...networkedResult,
			memory: {
				peakRss: ratios.peakRssOursOverBaseline,
				liveHeap: ratios.liveHeapOursOverBaseline,
				fetchNodePeakRss: ratios.peakRssFetchNodeOverBaseline,
				fetchNodeLiveHeap: ratios.liveHeapFetchNodeOverBaseline,
			},
			items: config.items,
			faultSuite,
			timedGettoken: summaries.ours.gettoken,
			churn,
			fanout: fanoutResult,
		});
		const notes = benchNotes(timed, UNLIMITED_PER_MINUTE);
		const report = {
			config,
			environment: environmentOf(httpRequest.packageVersion, runtime.n8nDir),
			summaries: TIMED_PATHS.map((path) => summaries[path]),
			ratios,
			targets,
			fanout: fanoutResult,
			tokenChurn: churn,
			idle,
			realRuntime,
			...networkedResult,
			faultSuite,
			form: {
				rows: form.rows,
				cpuMsPerExpressionItemFit: form.cpuMsPerExpressionItemFit,
				baselineCpuMsPerItemRange: form.baselineCpuMsPerItemRange,
			},
			trigger,
			triggerSkipped,
			notes,
			totalMs: performance.now() - benchStart,
			outputFile: relative(REPO_ROOT, config.outputFile),
		};
		mkdirSync(dirname(config.outputFile), { recursive: true });
		writeFileSync(
			config.outputFile,
			`${JSON.stringify({ ...report, runs: timed, realRuntimeRuns: realRuntime?.runs, formRuns: form.runs, finishedAt: new Date().toISOString() }, null, 2)}\n`,
		);
		printReport(report);
	} finally {
		await sandbox.close();
		rmSync(leakScanFolder, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	process.exit(1);
});
