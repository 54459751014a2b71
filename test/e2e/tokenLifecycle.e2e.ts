/**
 * The access_token lifecycle in a real n8n 2.41.1 (the package installed from its tarball as n8n
 * does), against a sandbox whose tokens live a few seconds and which, as WeCom documents, hands out
 * the same token again until it expires (有效期内重复获取返回相同结果):
 *   a. one run spanning at least three token lifetimes, and several consecutive runs;
 *   b. an expiry forced mid-run: 42001 on the third of five sends, with no token stored yet;
 *   c. gettoken hanging once, and answering 502 once;
 *   d. the secret reset in the console while n8n runs, then the credential edited over REST;
 *   e. a and b in queue mode (main + 2 workers on PostgreSQL/Redis), executions on both workers;
 *   f. message/send hanging in two executions at once: each send ends at its Request Timeout (the
 *      node's deadline timers are shared per process), is resent, and the late original is merged.
 * Every scenario: each card delivered exactly once, 0 failed items, a bounded gettoken count,
 * and one summary line. Runs in the long-lived n8n process go through published webhooks (a
 * remembered token survives there between executions); b also as `n8n execute`.
 * WECOM_E2E_TARBALL=<path.tgz> runs the scenarios against another build (e.g. an older commit).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_CORP, DEMO_CORP_ID, DEMO_SECRET, startSandbox } from '../../sandbox';
import type { Sandbox, SandboxCorp, SandboxStats } from '../../sandbox';
import { executeWorkflow } from '../../scripts/n8n/cli';
import { buildPackage, installPackageLikeN8n, packPackage } from '../../scripts/n8n/installPackage';
import { checkServices, executionsStarted, startQueueCluster } from '../../scripts/n8n/queue';
import type { QueueCluster } from '../../scripts/n8n/queue';
import { N8nRest } from '../../scripts/n8n/rest';
import { ensureRuntime } from '../../scripts/n8n/runtime';
import { startStack } from '../../scripts/n8n/stack';
import type { Stack } from '../../scripts/n8n/stack';
import {
	cgiBinConnections,
	gettokenBudget,
	outputsOf,
	scenarioFigures,
	summaryLine,
	waitUntilIdle,
	WorkflowExecutions,
} from './tokenRuns';
import type { ExecutionOutcome, ScenarioFigures } from './tokenRuns';
import { callWebhook, CARD_NODE, createCredential, manualWorkflow, webhookWorkflow } from './tokenWorkflows';
import type { CardItem, CardNodeSettings } from './tokenWorkflows';
import { selectedVersion } from '../../scripts/n8n/versions';

/** WECOM_N8N_VERSION, else the default (scripts/n8n/versions.ts). */
const N8N_UNDER_TEST = selectedVersion();

/** Short enough that a run of a few seconds outlives several tokens. */
const TTL_SECONDS = 3;
/** A second app of the demo corp, whose secret scenario d resets. */
const ROTATION_AGENT_ID = 1000003;
const ROTATION_SECRET_BEFORE = 'RotationAppSecret-before-reset-000000000000';
const ROTATION_SECRET_AFTER = 'RotationAppSecret-after-reset-1111111111111';
const CORP_WITH_ROTATION_APP: SandboxCorp = {
	...DEMO_CORP,
	apps: [...DEMO_CORP.apps, { agentId: ROTATION_AGENT_ID, secret: ROTATION_SECRET_BEFORE }],
};
/** Scenario c: the hung gettoken answers after this long, far beyond the node's request timeout. */
const HANG_MS = 120_000;
const HANG_TIMEOUT_MS = 2_000;
/** Scenario f: hung sends answer after SEND_HANG_MS, far beyond SEND_TIMEOUT_MS. */
const SEND_HANG_MS = 8_000;
const SEND_TIMEOUT_MS = 2_000;
/** How long a run may take when a hung gettoken is cut off by the timeout and retried. */
const HANG_RUN_LIMIT_MS = 30_000;
const RUN_TIMEOUT_MS = 90_000;
/** After a scenario, how long its leftover executions may keep running before the next one starts. */
const IDLE_TIMEOUT_MS = 60_000;

const summaries: string[] = [];
/** Everything n8n printed or returned, for the leak scan. */
const printed: string[] = [];
let tarball: string;
let tarballIsOurs = false;
let nextUser = 1;

/** Cards to distinct members (the sandbox drops a 31st message per member and minute, as WeCom does). */
function cards(label: string, count: number): CardItem[] {
	return Array.from({ length: count }, (_, index) => ({
		user: `user${String(nextUser++).padStart(4, '0')}`,
		title: `${label}-${String(index + 1).padStart(2, '0')}`,
	}));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A published webhook workflow and a reader of its executions. */
async function publishCardWebhook(rest: N8nRest, path: string, settings: CardNodeSettings) {
	const workflow = await rest.data<{ id: string }>(
		'POST',
		'/rest/workflows',
		webhookWorkflow(`Token e2e ${path}`, path, settings),
	);
	await rest.publishWorkflow(workflow.id);
	return { path, executions: new WorkflowExecutions(rest, workflow.id, CARD_NODE) };
}

/** Measures one scenario from its start: sandbox counters, then the figures and the summary line. */
function measure(sandbox: Sandbox) {
	const before: SandboxStats = sandbox.stats();
	const cgiBinConnectionsBefore = cgiBinConnections(sandbox);
	const sinceMs = Date.now();
	return (label: string, items: CardItem[], outcomes: ExecutionOutcome[]): ScenarioFigures => {
		printed.push(...outcomes.map((outcome) => outcome.text));
		const figures = scenarioFigures(
			label,
			items,
			outcomes.flatMap((outcome) => outcome.outputs),
			{
				sandbox,
				before,
				cgiBinConnectionsBefore,
				sinceMs,
				ttlSeconds: TTL_SECONDS,
			},
		);
		summaries.push(summaryLine(figures, TTL_SECONDS));
		process.stdout.write(`\n${summaryLine(figures, TTL_SECONDS)}\n`);
		return figures;
	};
}

function expectExactlyOnce(figures: ScenarioFigures, processes: number, tokenFaults: number): void {
	expect({ failed: figures.failed, errors: figures.errors }).toEqual({ failed: 0, errors: [] });
	expect(figures.delivered).toBe(figures.items);
	expect(figures.duplicates).toBe(0);
	expect(figures.gettoken).toBeLessThanOrEqual(gettokenBudget(figures, processes, tokenFaults));
	// At most one connection test per process; no request of n8n's own after each gettoken.
	expect(figures.cgiBinConnections).toBeLessThanOrEqual(processes);
}

/** No secret and no token in anything n8n printed or returned. */
function expectNoSecrets(texts: string[], sandbox: Sandbox, secrets: string[]): void {
	const text = [...printed, ...texts].join('\n');
	const tokens = sandbox.issuedTokens();
	expect(tokens.length).toBeGreaterThan(0);
	expect([...secrets, ...tokens].filter((secret) => text.includes(secret))).toEqual([]);
}

beforeAll(async () => {
	if (process.env.WECOM_E2E_TARBALL) {
		tarball = process.env.WECOM_E2E_TARBALL;
		return;
	}
	await buildPackage();
	tarball = await packPackage();
	tarballIsOurs = true;
});

afterAll(() => {
	if (tarballIsOurs) rmSync(join(tarball, '..'), { recursive: true, force: true });
	process.stdout.write(`\ntoken lifecycle summary (${TTL_SECONDS} s tokens)\n${summaries.join('\n')}\n`);
});

describe(`token lifecycle in n8n ${N8N_UNDER_TEST.version} (regular mode, SQLite)`, () => {
	let stack: Stack;
	let rest: N8nRest;
	let sandbox: Sandbox;
	let main: { id: string; name: string };

	beforeAll(async () => {
		stack = await startStack({
			n8nPort: 0,
			sandboxPort: 0,
			tarball,
			sandbox: { tokenTtlSeconds: TTL_SECONDS, corps: [CORP_WITH_ROTATION_APP] },
		});
		({ rest, sandbox } = stack);
		main = await createCredential(rest, 'WeCom token e2e', sandbox.url, DEMO_CORP.apps[0].agentId, DEMO_SECRET);
	});

	afterEach(async () => {
		sandbox?.faults.clear();
		if (rest) await waitUntilIdle(rest, IDLE_TIMEOUT_MS);
	});

	afterAll(async () => {
		if (stack) printed.push(stack.server.output());
		await stack?.close();
	});

	it('a. one run of 30 cards at concurrency 1 outlives three tokens: each card once, none failed', async () => {
		const flow = await publishCardWebhook(rest, 'wecom-token/long-run', {
			credential: main,
			concurrency: 1,
			continueOnFail: true,
		});
		const items = cards('a-long-run', 30);
		// Slower sends, so the run outlasts three token lifetimes.
		sandbox.faults.add({ path: '/cgi-bin/message/send', kind: 'slow', delayMs: 450 });
		const done = measure(sandbox);
		await callWebhook(stack.server.url, flow.path, items);
		const figures = done('a. one run, 30 cards, concurrency 1', items, await flow.executions.next(1, RUN_TIMEOUT_MS));

		expect(figures.seconds).toBeGreaterThanOrEqual(3 * TTL_SECONDS);
		expect(figures.tokensMinted).toBeGreaterThanOrEqual(3);
		expectExactlyOnce(figures, 1, 0);
	});

	it('a. four consecutive runs, each starting after the stored token expired: each card once, none failed', async () => {
		const flow = await publishCardWebhook(rest, 'wecom-token/consecutive', {
			credential: main,
			concurrency: 2,
			continueOnFail: true,
		});
		const done = measure(sandbox);
		const items: CardItem[] = [];
		const outcomes: ExecutionOutcome[] = [];
		for (let run = 1; run <= 4; run++) {
			// Every run finds the token it stored last time expired.
			await sleep(TTL_SECONDS * 1000 + 500);
			const batch = cards(`a-consecutive-${run}`, 6);
			items.push(...batch);
			await callWebhook(stack.server.url, flow.path, batch);
			outcomes.push(...(await flow.executions.next(1, RUN_TIMEOUT_MS)));
		}
		const figures = done('a. 4 consecutive runs of 6 cards', items, outcomes);

		expect(figures.tokensMinted).toBeGreaterThanOrEqual(4);
		expectExactlyOnce(figures, 1, 0);
	});

	it('b. 42001 on the third of five sends, no token stored yet (`n8n execute`): a new token, all five delivered', async () => {
		const fresh = await createCredential(
			rest,
			'WeCom token e2e (fresh)',
			sandbox.url,
			DEMO_CORP.apps[0].agentId,
			DEMO_SECRET,
		);
		const items = cards('b-expired-mid-run', 5);
		const workflow = await rest.data<{ id: string }>(
			'POST',
			'/rest/workflows',
			manualWorkflow('Token e2e: expiry mid-run', items, { credential: fresh, concurrency: 5, continueOnFail: true }),
		);
		// The third send finds its token expired: WeCom answers 42001 and the token is dead from then on.
		sandbox.faults.add({ path: '/cgi-bin/message/send', kind: 'invalidateTokens', every: 3, times: 1 });
		sandbox.faults.add({ path: '/cgi-bin/message/send', kind: 'errcode', errcode: 42001, every: 3, times: 1 });
		const done = measure(sandbox);
		const result = await executeWorkflow(stack.runtime, await stack.sideProcessEnv(), workflow.id);
		printed.push(result.output);
		const figures = done('b. 5 cards, 42001 on the 3rd send (n8n execute)', items, [
			{
				id: 'n8n execute',
				status: result.run.status,
				outputs: outputsOf(result.run.data.resultData.runData, CARD_NODE),
				hints: [],
				text: '',
			},
		]);

		expect(figures.errcodes['42001']).toBe(1);
		// One gettoken with no token stored, one after the refusal: the refused token is dead.
		expect(figures.gettoken).toBeGreaterThanOrEqual(2);
		expectExactlyOnce(figures, 1, 1);
	});

	it('c. gettoken hangs once: the node times out, gets a token and delivers; a second execution is not stalled', async () => {
		// Its own credential (no token stored): the first item must ask gettoken, and that call hangs.
		const credential = await createCredential(
			rest,
			'WeCom token e2e (hang)',
			sandbox.url,
			DEMO_CORP.apps[0].agentId,
			DEMO_SECRET,
		);
		const flow = await publishCardWebhook(rest, 'wecom-token/hang', {
			credential,
			concurrency: 5,
			requestTimeoutMs: HANG_TIMEOUT_MS,
			continueOnFail: true,
		});
		sandbox.faults.add({ path: '/cgi-bin/gettoken', kind: 'slow', delayMs: HANG_MS, times: 1 });
		const done = measure(sandbox);
		const first = cards('c-hang-first', 5);
		const second = cards('c-hang-second', 5);
		await callWebhook(stack.server.url, flow.path, first);
		await sleep(1000);
		await callWebhook(stack.server.url, flow.path, second);
		const outcomes = await flow.executions.next(2, HANG_RUN_LIMIT_MS);
		const figures = done('c. gettoken hangs once, 2 executions of 5 cards', [...first, ...second], outcomes);

		expect(figures.seconds * 1000).toBeLessThan(HANG_RUN_LIMIT_MS);
		expectExactlyOnce(figures, 1, 1);
	});

	it('c. gettoken answers 502 once: retried, all delivered', async () => {
		const credential = await createCredential(
			rest,
			'WeCom token e2e (502)',
			sandbox.url,
			DEMO_CORP.apps[0].agentId,
			DEMO_SECRET,
		);
		const flow = await publishCardWebhook(rest, 'wecom-token/bad-gateway', {
			credential,
			concurrency: 5,
			continueOnFail: true,
		});
		sandbox.faults.add({ path: '/cgi-bin/gettoken', kind: 'http5xx', status: 502, times: 1 });
		const done = measure(sandbox);
		const items = cards('c-bad-gateway', 5);
		await callWebhook(stack.server.url, flow.path, items);
		const figures = done('c. gettoken answers 502 once, 5 cards', items, await flow.executions.next(1, RUN_TIMEOUT_MS));

		expect(sandbox.faults.list()).toEqual([]);
		expectExactlyOnce(figures, 1, 1);
	});

	it('f. message/send hangs in two executions at once: each send ends at its Request Timeout, not before, and every card arrives once', async () => {
		const flow = await publishCardWebhook(rest, 'wecom-token/send-hangs', {
			credential: main,
			concurrency: 5,
			requestTimeoutMs: SEND_TIMEOUT_MS,
			continueOnFail: true,
		});
		sandbox.faults.add({ path: '/cgi-bin/message/send', kind: 'slow', delayMs: SEND_HANG_MS, times: 3 });
		const done = measure(sandbox);
		const first = cards('f-send-hangs-first', 5);
		const second = cards('f-send-hangs-second', 5);
		const startedAt = Date.now();
		await Promise.all([
			callWebhook(stack.server.url, flow.path, first),
			callWebhook(stack.server.url, flow.path, second),
		]);
		const outcomes = await flow.executions.next(2, RUN_TIMEOUT_MS);
		const elapsedMs = Date.now() - startedAt;
		// The hung originals are handled (delivered, as WeCom may) after the runs: wait for them too.
		await sleep(Math.max(0, startedAt + SEND_HANG_MS + 1000 - Date.now()));
		const figures = done('f. message/send hangs 3 times, 2 executions of 5 cards', [...first, ...second], outcomes);

		const resent = outcomes.flatMap((outcome) => outcome.outputs).filter((output) => output.resent === true);
		expect(resent).toHaveLength(3);
		expect(elapsedMs).toBeGreaterThanOrEqual(SEND_TIMEOUT_MS);
		expect(elapsedMs).toBeLessThan(SEND_HANG_MS);
		expectExactlyOnce(figures, 1, 0);
	});

	it('d. secret reset while n8n runs: explained 40001 until the credential is edited over REST, then delivered', async () => {
		const rotating = await createCredential(
			rest,
			'WeCom token e2e (rotation)',
			sandbox.url,
			ROTATION_AGENT_ID,
			ROTATION_SECRET_BEFORE,
		);
		// Without continue-on-fail: a refused secret fails the run, as a user sees it.
		const flow = await publishCardWebhook(rest, 'wecom-token/rotation', {
			credential: rotating,
			concurrency: 1,
			continueOnFail: false,
		});

		const before = cards('d-before-reset', 2);
		await callWebhook(stack.server.url, flow.path, before);
		const [beforeReset] = await flow.executions.next(1, RUN_TIMEOUT_MS);
		printed.push(beforeReset.text);
		expect(beforeReset.status).toBe('success');

		// Reset in the admin console; the token issued before stays valid only until it expires.
		sandbox.rotateSecret(DEMO_CORP_ID, ROTATION_AGENT_ID, ROTATION_SECRET_AFTER);
		sandbox.expireTokens();
		await callWebhook(stack.server.url, flow.path, cards('d-old-secret', 2));
		const [refused] = await flow.executions.next(1, RUN_TIMEOUT_MS);
		printed.push(refused.text);
		expect(refused.status).toBe('error');
		const explained = `${refused.error?.message ?? ''} ${refused.error?.description ?? ''}`;
		expect(explained).toMatch(/40001/);
		expect(explained).toMatch(/secret/i);

		await rest.updateCredential(rotating.id, { corpSecret: ROTATION_SECRET_AFTER });
		const done = measure(sandbox);
		const after = cards('d-after-edit', 3);
		await callWebhook(stack.server.url, flow.path, after);
		const [edited] = await flow.executions.next(1, RUN_TIMEOUT_MS);
		const figures = done('d. secret reset, credential edited over REST, next run', after, [edited]);

		expect(edited.status).toBe('success');
		expectExactlyOnce(figures, 1, 0);
		expectNoSecrets([], sandbox, [ROTATION_SECRET_BEFORE, ROTATION_SECRET_AFTER]);
	});

	it('never prints or returns a secret or an access token (n8n log, n8n execute, execution data)', () => {
		expectNoSecrets([stack.server.output()], sandbox, [DEMO_SECRET, ROTATION_SECRET_BEFORE, ROTATION_SECRET_AFTER]);
	});
});

describe('token lifecycle in queue mode (main + 2 workers, PostgreSQL + Redis)', () => {
	let sandbox: Sandbox;
	let cluster: QueueCluster;
	let rest: N8nRest;
	let userFolder: string;

	beforeAll(async () => {
		await checkServices();
		const runtime = await ensureRuntime();
		sandbox = await startSandbox({ port: 0, tokenTtlSeconds: TTL_SECONDS });
		userFolder = mkdtempSync(join(tmpdir(), 'wecom-n8n-token-queue-'));
		await installPackageLikeN8n(runtime, userFolder, tarball);
		cluster = await startQueueCluster(runtime, { userFolder, workers: 2 });
		rest = new N8nRest(cluster.url);
		await rest.setupOwner();
	});

	afterEach(async () => {
		sandbox?.faults.clear();
		if (rest) await waitUntilIdle(rest, IDLE_TIMEOUT_MS);
	});

	afterAll(async () => {
		if (cluster) printed.push(cluster.main.output(), ...cluster.workers.map((worker) => worker.output()));
		await cluster?.close();
		await sandbox?.close();
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
	});

	const startedPerWorker = () => cluster.workers.map((worker) => executionsStarted(worker).length);

	it('e. a: ten executions over four token lifetimes, on both workers: each card once, none failed', async () => {
		const credential = await createCredential(
			rest,
			'WeCom token e2e (queue)',
			sandbox.url,
			DEMO_CORP.apps[0].agentId,
			DEMO_SECRET,
		);
		const flow = await publishCardWebhook(rest, 'wecom-token/queue-long', {
			credential,
			concurrency: 1,
			continueOnFail: true,
		});
		sandbox.faults.add({ path: '/cgi-bin/message/send', kind: 'slow', delayMs: 300 });
		const startedBefore = startedPerWorker();
		const done = measure(sandbox);
		const items: CardItem[] = [];
		// One execution every 1.3 s, each a few sends long: they overlap and take turns on the workers.
		for (let run = 1; run <= 10; run++) {
			const batch = cards(`e-queue-run-${run}`, 4);
			items.push(...batch);
			await callWebhook(cluster.url, flow.path, batch);
			await sleep(1300);
		}
		const outcomes = await flow.executions.next(10, RUN_TIMEOUT_MS);
		const figures = done('e. queue mode: 10 executions of 4 cards', items, outcomes);
		const perWorker = startedPerWorker().map((count, index) => count - startedBefore[index]);
		summaries.push(`   executions per worker: ${perWorker.join('/')}`);

		expect(figures.seconds).toBeGreaterThanOrEqual(3 * TTL_SECONDS);
		expect(figures.tokensMinted).toBeGreaterThanOrEqual(3);
		expect(perWorker.every((count) => count > 0)).toBe(true);
		expectExactlyOnce(figures, 2, 0);
	});

	it('e. b: 42001 on the third send, no token stored yet, two executions at once: all delivered', async () => {
		const credential = await createCredential(
			rest,
			'WeCom token e2e (queue, fresh)',
			sandbox.url,
			DEMO_CORP.apps[0].agentId,
			DEMO_SECRET,
		);
		const flow = await publishCardWebhook(rest, 'wecom-token/queue-expiry', {
			credential,
			concurrency: 5,
			continueOnFail: true,
		});
		sandbox.faults.add({ path: '/cgi-bin/message/send', kind: 'invalidateTokens', every: 3, times: 1 });
		sandbox.faults.add({ path: '/cgi-bin/message/send', kind: 'errcode', errcode: 42001, every: 3, times: 1 });
		const done = measure(sandbox);
		const first = cards('e-queue-expiry-a', 5);
		const second = cards('e-queue-expiry-b', 5);
		await Promise.all([callWebhook(cluster.url, flow.path, first), callWebhook(cluster.url, flow.path, second)]);
		const figures = done(
			'e. queue mode: 2 executions of 5 cards, 42001 on the 3rd send',
			[...first, ...second],
			await flow.executions.next(2, RUN_TIMEOUT_MS),
		);

		expect(figures.errcodes['42001']).toBe(1);
		expectExactlyOnce(figures, 2, 1);
	});

	it('never prints or returns a secret or an access token (main and worker logs, execution data)', () => {
		expectNoSecrets([cluster.main.output(), ...cluster.workers.map((worker) => worker.output())], sandbox, [
			DEMO_SECRET,
		]);
	});
});
