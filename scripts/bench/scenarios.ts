/** The three measured scenarios: the timed comparison, the fan-out card and token churn. */
import type { Sandbox } from '../../sandbox';
import type { BenchConfig } from './config';
import type { PathJob, PathName } from './job';
import { measure, SEND_PATH } from './measure';
import type { Measurement } from './measure';
import type { ChildRunner } from './runChild';

export interface BenchContext {
	config: BenchConfig;
	sandbox: Sandbox;
	runner: ChildRunner;
	n8nDir: string;
	/** Expression engine of the children (see PathJob); unset: n8n-workflow's default. */
	expressionEngine?: PathJob['expressionEngine'];
	progress(line: string): void;
}

/** Baseline first in each round, then the compared paths and the bare fetch; rounds interleave so noise spreads evenly. */
export const TIMED_PATHS: readonly PathName[] = ['noop', 'ours', 'httpRequest', 'floor', 'fetchNode'];

let runCounter = 0;

export function job(context: BenchContext, path: PathName, items: number, recipientsPerItem = 1): PathJob {
	return {
		path,
		sandboxUrl: context.sandbox.url,
		items,
		recipientsPerItem,
		concurrency: context.config.concurrency,
		runTag: `r${++runCounter}`,
		n8nDir: context.n8nDir,
		expressionEngine: context.expressionEngine,
	};
}

export function describe(run: Measurement): string {
	const failed = run.failedItems ? `, ${run.failedItems} failed` : '';
	return `${(run.wallMs / 1000).toFixed(2)} s, ${run.sandbox.sendCalls} send calls, ${run.sandbox.gettoken} gettoken${failed}, ${run.connections.opened} connections, own peak RSS ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MB`;
}

/** `paths` run `items` cards each, `config.runs` rounds; `adjust` changes each job (the networked scenario). */
export async function timedComparison(
	context: BenchContext,
	paths: readonly PathName[] = TIMED_PATHS,
	items = context.config.items,
	adjust: (job: PathJob) => PathJob = (same) => same,
): Promise<Record<PathName, Measurement[]>> {
	const runs = Object.fromEntries(paths.map((path) => [path, [] as Measurement[]])) as Record<PathName, Measurement[]>;
	for (let round = 1; round <= context.config.runs; round++) {
		for (const path of paths) {
			const run = await measure(context.sandbox, context.runner, adjust(job(context, path, items)));
			runs[path].push(run);
			context.progress(`round ${round}/${context.config.runs} ${path}: ${describe(run)}`);
		}
	}
	return runs;
}

/** A child that runs nothing, started while the parent is at its largest (after the timed runs). */
export async function idleChild(context: BenchContext): Promise<Measurement> {
	const idle = await measure(context.sandbox, context.runner, job(context, 'idle', 0));
	const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
	context.progress(
		`idle child (parent RSS ${mb(idle.parentRssBytes)}): getrusage maxRSS ${mb(idle.rusageMaxRssBytes)}, own peak RSS ${mb(idle.peakRssBytes)}`,
	);
	return idle;
}

export interface FanoutResult {
	recipients: number;
	ours: Measurement;
	/** The HTTP Request node with one item per recipient, as a naive loop does. */
	naiveLoop: Measurement;
}

export async function fanout(context: BenchContext): Promise<FanoutResult> {
	const recipients = context.config.fanoutRecipients;
	const ours = await measure(context.sandbox, context.runner, job(context, 'ours', 1, recipients));
	context.progress(`fan-out ours (1 card, ${recipients} recipients): ${describe(ours)}`);
	const naiveLoop = await measure(context.sandbox, context.runner, job(context, 'httpRequest', recipients));
	context.progress(`fan-out naive loop (${recipients} items): ${describe(naiveLoop)}`);
	return { recipients, ours, naiveLoop };
}

export interface TokenChurnResult {
	invalidateEvery: number;
	ours: Measurement;
	httpRequest: Measurement;
}

export async function tokenChurn(context: BenchContext): Promise<TokenChurnResult> {
	const every = context.config.invalidateEvery;
	const fault = { kind: 'invalidateTokens' as const, path: SEND_PATH, every };
	const items = context.config.items;
	const ours = await measure(context.sandbox, context.runner, job(context, 'ours', items), fault);
	context.progress(`token churn ours: ${describe(ours)}`);
	const httpRequest = await measure(context.sandbox, context.runner, job(context, 'httpRequest', items), fault);
	context.progress(`token churn HTTP Request: ${describe(httpRequest)}`);
	return { invalidateEvery: every, ours, httpRequest };
}
