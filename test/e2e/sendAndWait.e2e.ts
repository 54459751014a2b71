/**
 * Two members tap a send-and-wait card at the same moment, in a real n8n 2.41.1: regular mode
 * (SQLite, scripts/n8n/stack.ts) and queue mode (PostgreSQL + Redis: a main, an `n8n webhook`
 * process and 2 workers; the two taps of a round go to different processes). Each round starts a
 * waiting execution, waits until n8n saved it as waiting, then opens its Approve and Decline
 * links at once, in both orders.
 * - Show the Answer on (the default): WeCom answers update_template_card after a realistic
 *   delay, so both taps are inside the node's webhook together (the sandbox counts two update
 *   calls per round). Exactly one tap reads "recorded", the other "already answered"; one card
 *   update applied; the execution resumed once, its output is the answer every card shows.
 * - Show the Answer off: no WeCom call to decide, n8n's resume claim does. One resume, one
 *   "recorded", and the other tap never reads "recorded".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_SECRET, startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { EXAMPLE_CREDENTIAL } from '../../scripts/n8n/examples';
import { buildPackage, installPackageLikeN8n, packPackage } from '../../scripts/n8n/installPackage';
import { checkServices, startQueueCluster } from '../../scripts/n8n/queue';
import type { QueueCluster } from '../../scripts/n8n/queue';
import { N8nRest } from '../../scripts/n8n/rest';
import { ensureRuntime } from '../../scripts/n8n/runtime';
import { startStack } from '../../scripts/n8n/stack';
import type { Stack } from '../../scripts/n8n/stack';
import {
	finishedExecution,
	RACE_USERS,
	racePath,
	raceWorkflow,
	startWaitingCard,
	tapAtOnce,
	UPDATE_PATH,
} from './sendAndWaitRace';
import type { Page, RaceTarget } from './sendAndWaitRace';
import { selectedVersion } from '../../scripts/n8n/versions';

/** WECOM_N8N_VERSION, else the default (scripts/n8n/versions.ts). */
const N8N_UNDER_TEST = selectedVersion();

/** Rounds per scenario, half in each order. */
const ROUNDS = Number(process.env.SEND_AND_WAIT_E2E_ROUNDS) || 8;
/** How long WeCom takes to answer update_template_card in these runs. */
const UPDATE_LATENCY_MS = 300;
const SHOWS_ANSWER = 1;
const LEAVES_CARD = 2;
/** The grey text each answer puts on the card (the node's defaults). */
const GREY_TEXT: Record<string, string> = { approve: 'Approved', decline: 'Declined' };
const VALUE: Record<string, string> = { Approve: 'approve', Decline: 'decline' };

const heading = (page: Page) => /<h1>(.*?)<\/h1>/.exec(page.body)?.[1] ?? `${page.status} ${page.body.slice(0, 120)}`;
const recorded = (page: Page) => page.status === 200 && /was recorded$/.test(heading(page));
const alreadyAnswered = (page: Page) => page.status === 200 && heading(page) === 'This card was already answered';

interface Round {
	order: string[];
	pages: Page[];
	status: string;
	output: Record<string, unknown>;
	/** The grey text on each recipient's card. */
	cards: Array<string | undefined>;
	updateCalls: number;
	updatesApplied: number;
	/** Items the node after the waiting one got, over all its runs. */
	afterItems: number;
	seconds: number;
}

const timings: Array<[string, number]> = [];
const summary: string[] = [];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const since = Date.now();
	try {
		return await work();
	} finally {
		timings.push([label, (Date.now() - since) / 1000]);
	}
}

async function publishRaceWorkflows(target: RaceTarget, credential: { id: string; name: string }): Promise<void> {
	for (const [index, options] of [
		[SHOWS_ANSWER, {}],
		[LEAVES_CARD, { updateCard: false }],
	] as const) {
		const workflow = await target.rest.data<{ id: string }>(
			'POST',
			'/rest/workflows',
			raceWorkflow(credential, index, options),
		);
		await target.rest.publishWorkflow(workflow.id);
	}
}

/** `ROUNDS` waiting executions of workflow `index`, each tapped Approve + Decline at once. */
async function race(target: RaceTarget, index: number, label: string, origins: string[] = []): Promise<Round[]> {
	const results: Round[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		const card = await startWaitingCard(target, racePath(index), `${label} #${round + 1}`);
		const order = round % 2 === 0 ? ['Approve', 'Decline'] : ['Decline', 'Approve'];
		const callsBefore = target.sandbox.stats().calls[UPDATE_PATH] ?? 0;
		target.sandbox.faults.add({ kind: 'slow', path: UPDATE_PATH, delayMs: UPDATE_LATENCY_MS, times: 2 });
		const since = Date.now();

		const pages = await tapAtOnce(
			order.map((button) => card.links[button]),
			origins,
		);
		const seconds = (Date.now() - since) / 1000;
		const execution = await finishedExecution(target.rest, card.executionId);

		target.sandbox.faults.clear();
		results.push({
			order,
			pages,
			status: execution.status,
			output: execution.outputs.Ask.at(-1)?.[0] ?? {},
			cards: RACE_USERS.map(
				(user) => target.sandbox.cardsFor(user).find((shown) => shown.msgid === card.msgid)?.replaceName,
			),
			updateCalls: (target.sandbox.stats().calls[UPDATE_PATH] ?? 0) - callsBefore,
			updatesApplied: target.sandbox
				.messages()
				.filter((message) => message.action === 'update' && message.msgid === card.msgid).length,
			afterItems: execution.outputs.After?.reduce((sum, run) => sum + run.length, 0) ?? 0,
			seconds,
		});
	}
	const won = results.map(
		(result) =>
			`${result.order[0][0]}${result.order[1][0]}→${result.order[result.pages.findIndex(recorded)]?.[0] ?? '?'}`,
	);
	const others = results.map((result) =>
		heading(result.pages[1 - result.pages.findIndex(recorded)] ?? result.pages[0]),
	);
	const slowest = Math.max(...results.map((result) => result.seconds));
	summary.push(
		`${label}: ${results.length} rounds (first tap→winner) ${won.join(' ')}; the other tap read: ${[...new Set(others)].map((text) => `"${text.slice(0, 100)}" ×${others.filter((other) => other === text).length}`).join(', ')}; slowest pair answered in ${slowest.toFixed(2)} s`,
	);
	return results;
}

/**
 * A process answers its first waiting webhook slowly (it loads the node and the credential), so
 * a tap there would come after the other tap's resume: one answer per process first.
 */
async function warmUp(target: RaceTarget, origins: string[]): Promise<void> {
	for (const [index, origin] of origins.entries()) {
		const card = await startWaitingCard(target, racePath(SHOWS_ANSWER), `warm-up ${index + 1}`);
		const [page] = await tapAtOnce([card.links.Approve], [origin]);
		expect(heading(page)).toBe('Your answer &#39;Approve&#39; was recorded');
		await finishedExecution(target.rest, card.executionId);
	}
}

const describeRound = (round: Round) =>
	`tapped ${round.order.join(' + ')}: ${JSON.stringify({ ...round, pages: round.pages.map((page) => `${page.status} ${heading(page)}`) })}`;

/** Whichever tap won: one "recorded", one resume, and the workflow got the recorded answer. */
function expectOneResume(round: Round): string {
	const context = describeRound(round);
	const winner = round.pages.findIndex(recorded);
	expect({
		context,
		status: round.status,
		recorded: round.pages.filter(recorded).length,
		afterItems: round.afterItems,
	}).toEqual({
		context,
		status: 'success',
		recorded: 1,
		afterItems: 1,
	});
	const value = VALUE[round.order[winner]];
	expect({ context, value: (round.output.data as Record<string, unknown> | undefined)?.value }).toEqual({
		context,
		value,
	});
	return value;
}

/** Show the Answer on: WeCom's single-use response_code decided, the card agrees with the run. */
function expectCardDecides(rounds: Round[]): void {
	for (const round of rounds) {
		const value = expectOneResume(round);
		const context = describeRound(round);
		expect({
			context,
			alreadyAnswered: round.pages.filter(alreadyAnswered).length,
			cardUpdated: round.output.cardUpdated,
		}).toEqual({
			context,
			alreadyAnswered: 1,
			cardUpdated: true,
		});
		expect({ context, cards: round.cards }).toEqual({ context, cards: RACE_USERS.map(() => GREY_TEXT[value]) });
		// Both taps reached the node (a tap after the resume is answered by n8n without calling WeCom).
		expect({ context, updateCalls: round.updateCalls, updatesApplied: round.updatesApplied }).toEqual({
			context,
			updateCalls: 2,
			updatesApplied: 1,
		});
	}
	expect(new Set(rounds.map((round) => round.order[0])).size).toBe(2);
}

/** Show the Answer off: n8n's claim decided; the card is left alone. */
function expectN8nDecides(rounds: Round[]): void {
	for (const round of rounds) {
		expectOneResume(round);
		const context = describeRound(round);
		expect({ context, cards: round.cards, updateCalls: round.updateCalls }).toEqual({
			context,
			cards: RACE_USERS.map(() => undefined),
			updateCalls: 0,
		});
	}
	expect(new Set(rounds.map((round) => round.order[0])).size).toBe(2);
}

afterAll(() => {
	const lines = timings.map(([label, seconds]) => `${seconds.toFixed(1).padStart(7)} s  ${label}`);
	process.stdout.write(`\nsend-and-wait race e2e\n${summary.join('\n')}\n${lines.join('\n')}\n`);
});

describe(`n8n ${N8N_UNDER_TEST.version} regular mode: two taps at once on a send-and-wait card`, () => {
	let stack: Stack;
	let target: RaceTarget;

	beforeAll(async () => {
		stack = await timed('regular: set-up (stack)', () => startStack({ n8nPort: 0, sandboxPort: 0 }));
		target = { url: stack.server.url, rest: stack.rest, sandbox: stack.sandbox };
		await publishRaceWorkflows(target, EXAMPLE_CREDENTIAL);
		await warmUp(target, [stack.server.url]);
	});

	afterAll(async () => {
		await stack?.close();
	});

	it(`Show the Answer on: WeCom's single-use response_code picks the answer, ${ROUNDS} rounds in both orders`, async () => {
		expectCardDecides(
			await timed(`regular, card decides: ${ROUNDS} rounds`, () => race(target, SHOWS_ANSWER, 'regular, card decides')),
		);
	});

	it(`Show the Answer off: n8n's resume claim picks the answer, ${ROUNDS} rounds in both orders`, async () => {
		expectN8nDecides(
			await timed(`regular, n8n decides: ${ROUNDS} rounds`, () => race(target, LEAVES_CARD, 'regular, n8n decides')),
		);
	});
});

describe(`n8n ${N8N_UNDER_TEST.version} queue mode (main + webhook process + 2 workers): two taps at once, at two processes`, () => {
	let sandbox: Sandbox | undefined;
	let cluster: QueueCluster | undefined;
	let userFolder: string | undefined;
	let tarballDir: string | undefined;
	let target: RaceTarget;
	/** The first tap of a round at the main, the second at the webhook process. */
	let origins: string[];

	beforeAll(async () => {
		await checkServices();
		const runtime = await ensureRuntime();
		sandbox = await startSandbox({ port: 0 });
		userFolder = mkdtempSync(join(tmpdir(), 'wecom-n8n-race-'));
		await timed('queue: build, pack, install like n8n', async () => {
			await buildPackage();
			const tarball = await packPackage();
			tarballDir = join(tarball, '..');
			await installPackageLikeN8n(runtime, userFolder!, tarball);
		});
		cluster = await timed('queue: postgres db + main + webhook process + 2 workers ready', () =>
			startQueueCluster(runtime, { userFolder: userFolder!, workers: 2, webhookProcesses: 1 }),
		);
		origins = [cluster.url, cluster.webhooks[0].url];
		const rest = new N8nRest(cluster.url);
		await rest.setupOwner();
		const credential = await rest.data<{ id: string; name: string }>('POST', '/rest/credentials', {
			name: 'WeCom sandbox (race)',
			type: 'weComApi',
			data: { corpId: DEMO_CORP_ID, corpSecret: DEMO_SECRET, agentId: DEMO_AGENT_ID, baseUrl: sandbox.url },
		});
		target = { url: cluster.url, rest, sandbox };
		await publishRaceWorkflows(target, { id: credential.id, name: credential.name });
		await warmUp(target, origins);
	});

	afterAll(async () => {
		await cluster?.close();
		await sandbox?.close();
		if (userFolder) rmSync(userFolder, { recursive: true, force: true });
		if (tarballDir) rmSync(tarballDir, { recursive: true, force: true });
	});

	it(`Show the Answer on: WeCom's single-use response_code picks the answer across processes, ${ROUNDS} rounds`, async () => {
		expectCardDecides(
			await timed(`queue, card decides: ${ROUNDS} rounds`, () =>
				race(target, SHOWS_ANSWER, 'queue, card decides', origins),
			),
		);
	});

	it(`Show the Answer off: n8n's resume claim in PostgreSQL picks the answer across processes, ${ROUNDS} rounds`, async () => {
		expectN8nDecides(
			await timed(`queue, n8n decides: ${ROUNDS} rounds`, () =>
				race(target, LEAVES_CARD, 'queue, n8n decides', origins),
			),
		);
	});
});
