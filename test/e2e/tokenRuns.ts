/**
 * Reading what a real n8n did, for the token-lifecycle e2e: finished executions of a workflow
 * over n8n's REST API (the same calls in regular and queue mode), the card node's output items,
 * and the figures each scenario prints and asserts (delivered exactly once, failed, gettoken).
 */
import type { DeliveredMessage, Sandbox, SandboxStats } from '../../sandbox';
import type { N8nRest } from '../../scripts/n8n/rest';
import type { CardItem } from './tokenWorkflows';

type Json = Record<string, unknown>;

export interface ExecutionOutcome {
	id: string;
	status: string;
	/** The node's output items; with continue-on-fail a failed item carries `error`. */
	outputs: Json[];
	/** The execution hints the node left on its run (shown under its output in the editor). */
	hints: Json[];
	/** Why the run failed (without continue-on-fail). */
	error?: { message?: string; description?: string };
	/** The whole execution as n8n returned it, for the leak scan. */
	text: string;
}

/**
 * n8n returns an execution's run data as `flatted` text: one JSON array in which every object and
 * every string inside an object is replaced by the index of its entry; entry 0 is the root.
 */
export function unflatten(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const revived = new Set<object>();
	const revive = (value: unknown): unknown => {
		if (value === null || typeof value !== 'object' || revived.has(value)) return value;
		revived.add(value);
		const target = value as Json;
		for (const key of Object.keys(target)) {
			if (typeof target[key] === 'string') target[key] = revive(table[Number(target[key])]);
		}
		return value;
	};
	return revive(table[0]);
}

const UNFINISHED = new Set(['new', 'running', 'waiting']);

/** Executions of one workflow, as n8n's editor lists them; `next` waits for ones not seen before. */
export class WorkflowExecutions {
	private readonly seen = new Set<string>();

	constructor(
		private readonly rest: N8nRest,
		private readonly workflowId: string,
		private readonly nodeName: string,
	) {}

	/** Waits until `count` executions not returned before have finished; oldest first. */
	async next(count: number, timeoutMs: number): Promise<ExecutionOutcome[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId: this.workflowId }));
			const list = await this.rest.data<{ results: Array<{ id: string; status: string }> }>(
				'GET',
				`/rest/executions?filter=${filter}&limit=100`,
			);
			const fresh = list.results.filter((execution) => !this.seen.has(execution.id));
			const finished = fresh.filter((execution) => !UNFINISHED.has(execution.status));
			if (finished.length >= count) {
				const chosen = finished.sort((a, b) => Number(a.id) - Number(b.id)).slice(0, count);
				for (const execution of chosen) this.seen.add(execution.id);
				return await Promise.all(chosen.map((execution) => this.outcome(execution.id)));
			}
			if (Date.now() > deadline) {
				throw new Error(
					`${finished.length} of ${count} executions of workflow ${this.workflowId} finished within ${timeoutMs / 1000} s: ${JSON.stringify(fresh)}`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	private async outcome(id: string): Promise<ExecutionOutcome> {
		const execution = await this.rest.data<{ id: string; status: string; data: unknown }>(
			'GET',
			`/rest/executions/${id}`,
		);
		const data = (typeof execution.data === 'string' ? unflatten(execution.data) : execution.data) as {
			resultData: {
				error?: ExecutionOutcome['error'];
				runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Json }> | null> }; hints?: Json[] }>>;
			};
		};
		return {
			id,
			status: execution.status,
			outputs: outputsOf(data.resultData.runData, this.nodeName),
			hints: data.resultData.runData[this.nodeName]?.[0]?.hints ?? [],
			error: data.resultData.error,
			text: JSON.stringify(execution),
		};
	}
}

/**
 * Waits until n8n runs no execution (of any workflow): a scenario that failed early must not
 * leave runs behind that send into the next scenario's counts.
 */
export async function waitUntilIdle(rest: N8nRest, timeoutMs: number): Promise<void> {
	const filter = encodeURIComponent(JSON.stringify({ status: [...UNFINISHED] }));
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const list = await rest.data<{ results: unknown[] }>('GET', `/rest/executions?filter=${filter}&limit=100`);
		if (list.results.length === 0) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

export function outputsOf(
	runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Json }> | null> } }>>,
	nodeName: string,
): Json[] {
	return (runData[nodeName]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

/** What one scenario did, as its summary line prints it. */
export interface ScenarioFigures {
	label: string;
	items: number;
	/** Items whose card reached its member (counted once however often it arrived). */
	delivered: number;
	/** Extra deliveries of a card that had already arrived. */
	duplicates: number;
	/** Items with no successful output (an `error` item, or no output because the run failed). */
	failed: number;
	gettoken: number;
	/** Distinct tokens the sandbox minted: it hands out the same one until it expires. */
	tokensMinted: number;
	/** Token lifetimes the scenario's duration covers: ceil(duration / lifetime). */
	lifetimesSpanned: number;
	seconds: number;
	/** errcodes the sandbox answered during the scenario, e.g. { '0': 30, '42001': 1 }. */
	errcodes: Record<string, number>;
	/** Error texts of failed items (the leak scan and failure messages use them). */
	errors: string[];
	/**
	 * Connections whose first request was a GET of /cgi-bin/ itself: the kept-alive path's
	 * connection test, once per n8n process. n8n's request after preAuthentication used to be one
	 * more per token; the credential's authenticate ends it now (shared/tokenOnlyRequest.ts).
	 */
	cgiBinConnections: number;
}

/** Connections the sandbox saw whose first request went to /cgi-bin/ itself. */
export function cgiBinConnections(sandbox: Sandbox): number {
	return sandbox.connections().openedByPath['/cgi-bin/'] ?? 0;
}

const titleOf = (message: DeliveredMessage): string =>
	(message.template_card as { main_title?: { title?: string } } | undefined)?.main_title?.title ?? '';

/** Sends that reached their member: not merged by WeCom's duplicate check, not dropped by the per-member limit. */
function reachedMember(message: DeliveredMessage): boolean {
	return message.action === 'send' && message.duplicateOf === undefined && !(message.droppedFor ?? []).length;
}

function delta(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
	const result: Record<string, number> = {};
	for (const [key, value] of Object.entries(after)) {
		if (value - (before[key] ?? 0) > 0) result[key] = value - (before[key] ?? 0);
	}
	return result;
}

/** Counts a scenario from the sandbox (deliveries, gettoken) and n8n (the node's outputs). */
export function scenarioFigures(
	label: string,
	items: CardItem[],
	outputs: Json[],
	measured: {
		sandbox: Sandbox;
		before: SandboxStats;
		cgiBinConnectionsBefore: number;
		sinceMs: number;
		ttlSeconds: number;
	},
): ScenarioFigures {
	const wanted = new Set(items.map((item) => item.title));
	const arrived = measured.sandbox
		.messages()
		.filter(reachedMember)
		.map(titleOf)
		.filter((title) => wanted.has(title));
	const succeeded = outputs.filter((output) => output.error === undefined && typeof output.msgid === 'string');
	const after = measured.sandbox.stats();
	const seconds = (Date.now() - measured.sinceMs) / 1000;
	return {
		label,
		items: items.length,
		delivered: new Set(arrived).size,
		duplicates: arrived.length - new Set(arrived).size,
		failed: items.length - succeeded.length,
		gettoken: after.gettoken - measured.before.gettoken,
		tokensMinted: after.tokensIssued - measured.before.tokensIssued,
		lifetimesSpanned: Math.ceil(seconds / measured.ttlSeconds),
		seconds,
		errcodes: delta(after.errcodes, measured.before.errcodes),
		errors: outputs
			.filter((output) => output.error !== undefined)
			.map((output) => `${String(output.error)} ${String(output.errorDescription ?? '')}`),
		cgiBinConnections: cgiBinConnections(measured.sandbox) - measured.cgiBinConnectionsBefore,
	};
}

export function summaryLine(figures: ScenarioFigures, ttlSeconds: number): string {
	return (
		`${figures.label}: ${figures.items} items, ${figures.delivered} delivered, ${figures.duplicates} duplicates, ` +
		`${figures.failed} failed, ${figures.gettoken} gettoken (${figures.tokensMinted} tokens minted), ` +
		`${figures.lifetimesSpanned} token lifetimes spanned (${ttlSeconds} s tokens), ${figures.seconds.toFixed(1)} s, ` +
		`WeCom errcodes ${JSON.stringify(figures.errcodes)}`
	);
}

/**
 * The most gettoken calls a scenario may make. WeCom: cache the access_token and ask again only
 * when it expired or was invalidated; frequent gettoken calls get throttled
 * (https://developer.work.weixin.qq.com/document/path/91039). A scenario's duration touches at
 * most lifetimesSpanned + 1 token lifetimes; each n8n process (queue-mode workers) may find an
 * expiry on its own; every injected fault that costs a token (a refused token, a hung or failed
 * gettoken) adds one. A node that asks for every item, or loops on a refused token, exceeds it.
 */
export function gettokenBudget(figures: ScenarioFigures, processes: number, tokenFaults: number): number {
	return processes * (figures.lifetimesSpanned + 1) + tokenFaults;
}
