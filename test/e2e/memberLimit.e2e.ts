/**
 * WeCom's per-member limit in a real n8n 2.41.1 (regular mode, one process; the package installed
 * from its tarball as n8n does). WeCom: an app may send one member at most 30 messages a minute
 * and 1,000 an hour; above that it answers errcode 0 and drops the message without delivering it
 * (每应用对同一个成员不可超过30次/分钟，1000次/小时，超过部分会被丢弃不下发,
 * https://developer.work.weixin.qq.com/document/path/90236). The sandbox drops them the same way.
 * The node counts what it sent per n8n process, app and member (README, Per-member limit):
 *   a. one execution, 31 cards to one member (Concurrency 1): the 31st is warned, and it is the
 *      one the sandbox answered errcode 0 and dropped;
 *   b. a second execution, one card to the same member spelled in capitals (userids ignore case):
 *      warned too, so the log outlives an execution;
 *   c. a third, with Pace Per Member and Max Wait for Rate Limit 1 s: the card fails unsent
 *      ("Not sent: ..." naming the member), and the sandbox gets nothing new for the member;
 *   d. another member, one card in each of two executions: neither is warned.
 * Every run goes through a published webhook, so all of them share the one n8n process.
 * WECOM_E2E_TARBALL=<path.tgz> runs it against another build.
 */
import type { DeliveredMessage, Sandbox } from '../../sandbox';
import { DEMO_CORP, DEMO_SECRET } from '../../sandbox';
import type { N8nRest } from '../../scripts/n8n/rest';
import { startStack } from '../../scripts/n8n/stack';
import type { Stack } from '../../scripts/n8n/stack';
import { waitUntilIdle, WorkflowExecutions } from './tokenRuns';
import type { ExecutionOutcome } from './tokenRuns';
import { callWebhook, CARD_NODE, createCredential, webhookWorkflow } from './tokenWorkflows';
import type { CardItem, CardNodeSettings } from './tokenWorkflows';

/** WeCom's documented limit per app and member and minute (the page above). */
const PER_MINUTE = 30;
/** a-c write to this member; d to QUIET_MEMBER, whom nothing else in the file writes to. */
const MEMBER = 'carol';
const MEMBER_IN_CAPITALS = 'CAROL';
const QUIET_MEMBER = 'bob';
/** c: far below the member's next free slot, which is most of a minute away after a. */
const MAX_WAIT_SECONDS = 1;
const RUN_TIMEOUT_MS = 60_000;

const pad = (n: number) => String(n).padStart(2, '0');
const titleOf = (message: DeliveredMessage): string =>
	(message.template_card as { main_title?: { title?: string } } | undefined)?.main_title?.title ?? '';
/** A word of its own, in any case: `carol` in "carol: 31st message" but not in "carolyn". */
const naming = (member: string) => new RegExp(`(^|[^a-z0-9_])${member}([^a-z0-9_]|$)`, 'i');

/** The sandbox's record of each item's send, in item order (undefined: never reached the sandbox). */
function sendsOf(sandbox: Sandbox, items: CardItem[]): Array<DeliveredMessage | undefined> {
	const byTitle = new Map(
		sandbox
			.messages()
			.filter((message) => message.action === 'send')
			.map((message) => [titleOf(message), message]),
	);
	return items.map((item) => byTitle.get(item.title));
}

/** Sends the sandbox recorded to a member (any spelling), dropped ones included. */
function sendsTo(sandbox: Sandbox, member: string): DeliveredMessage[] {
	return sandbox
		.messages()
		.filter((message) => message.action === 'send' && message.touser.some((user) => user.toLowerCase() === member));
}

describe('per-member send log in n8n 2.41.1 (regular mode, one process)', () => {
	let stack: Stack;
	let rest: N8nRest;
	let sandbox: Sandbox;
	let warnOnly: { path: string; executions: WorkflowExecutions };
	let paced: { path: string; executions: WorkflowExecutions };
	/** n8n time: from the first webhook call to the last execution's end, per scenario. */
	const timings: Array<[string, number]> = [];
	/** What the node said (warnings, hints, errors), printed with the timings. */
	const said: string[] = [];

	async function publish(path: string, settings: CardNodeSettings) {
		const workflow = await rest.data<{ id: string }>(
			'POST',
			'/rest/workflows',
			webhookWorkflow(`Member limit e2e ${path}`, path, settings),
		);
		await rest.publishWorkflow(workflow.id);
		return { path, executions: new WorkflowExecutions(rest, workflow.id, CARD_NODE) };
	}

	/** One execution of `flow` with these items, until it finished. */
	async function run(
		label: string,
		flow: { path: string; executions: WorkflowExecutions },
		items: CardItem[],
	): Promise<ExecutionOutcome> {
		const since = Date.now();
		await callWebhook(stack.server.url, flow.path, items);
		const [outcome] = await flow.executions.next(1, RUN_TIMEOUT_MS);
		timings.push([label, (Date.now() - since) / 1000]);
		for (const output of outcome.outputs) {
			for (const warning of (output.warnings as unknown[] | undefined) ?? [])
				said.push(`${label}: warning: ${String(warning)}`);
			if (output.error !== undefined) said.push(`${label}: error: ${String(output.error)}`);
		}
		for (const hint of outcome.hints) said.push(`${label}: hint: ${String(hint.message)}`);
		return outcome;
	}

	beforeAll(async () => {
		stack = await startStack({ n8nPort: 0, sandboxPort: 0, tarball: process.env.WECOM_E2E_TARBALL });
		({ rest, sandbox } = stack);
		const credential = await createCredential(
			rest,
			'WeCom member limit e2e',
			sandbox.url,
			DEMO_CORP.apps[0].agentId,
			DEMO_SECRET,
		);
		// Concurrency 1: cards reach WeCom in the order the node counts them. With several in flight
		// the card WeCom drops as the 31st need not be the one counted 31st. Continue-on-fail, so a
		// failed card is the item's output.
		warnOnly = await publish('wecom-member-limit/warn', { credential, continueOnFail: true, concurrency: 1 });
		paced = await publish('wecom-member-limit/paced', {
			credential,
			continueOnFail: true,
			options: { pacePerMember: true, maxRateLimitWaitSeconds: MAX_WAIT_SECONDS },
		});
	});

	afterEach(async () => {
		if (rest) await waitUntilIdle(rest, RUN_TIMEOUT_MS);
	});

	afterAll(async () => {
		const lines = timings.map(([label, seconds]) => `${seconds.toFixed(1).padStart(6)} s  ${label}`);
		const total = timings.reduce((sum, [, seconds]) => sum + seconds, 0);
		process.stdout.write(
			`\nper-member limit e2e, n8n time\n${lines.join('\n')}\n${total.toFixed(1).padStart(6)} s  total\n${said.join('\n')}\n`,
		);
		await stack?.close();
	});

	it(`a. 31 cards to one member in one execution: items 1-${PER_MINUTE} unwarned, the 31st warned and dropped by WeCom with errcode 0`, async () => {
		const items = Array.from({ length: PER_MINUTE + 1 }, (_, index) => ({
			user: MEMBER,
			title: `a-${pad(index + 1)}`,
		}));
		const outcome = await run(`a. ${items.length} cards to ${MEMBER}`, warnOnly, items);

		expect(outcome.status).toBe('success');
		expect(outcome.outputs).toHaveLength(items.length);
		// Every card answered errcode 0: a msgid each, no error.
		expect(outcome.outputs.filter((output) => output.error !== undefined)).toEqual([]);
		const sends = sendsOf(sandbox, items);
		expect(sends.every((send) => send !== undefined)).toBe(true);
		// Output i is item i: it carries the msgid the sandbox gave item i's card.
		expect(outcome.outputs.map((output) => output.msgid)).toEqual(sends.map((send) => send?.msgid));

		const warnings = outcome.outputs.map((output) => output.warnings);
		expect(warnings.slice(0, PER_MINUTE)).toEqual(Array(PER_MINUTE).fill(undefined));
		const last = warnings[PER_MINUTE] as unknown[];
		expect(Array.isArray(last) && last.length).toBe(1);
		expect(String(last[0])).toMatch(naming(MEMBER));
		expect(String(last[0])).toMatch(/\b30\b/);
		expect(String(last[0])).toMatch(/minute/i);
		// The execution hint says so too.
		expect(JSON.stringify(outcome.hints)).toMatch(naming(MEMBER));

		// The sandbox delivered 30 and dropped one, the warned item's card, for the per-minute limit.
		expect(sends.filter((send) => send?.droppedFor?.length)).toHaveLength(1);
		const delivered = sandbox.cardsFor(MEMBER).filter((card) => sends.some((send) => send?.msgid === card.msgid));
		expect(delivered).toHaveLength(PER_MINUTE);
		expect(sandbox.memberDrops().map(({ userid, msgid, limit }) => ({ userid, msgid, limit }))).toEqual([
			{ userid: MEMBER, msgid: outcome.outputs[PER_MINUTE].msgid, limit: 'perMinute' },
		]);
		expect(Object.keys(sandbox.stats().errcodes)).toEqual(['0']);
	});

	it('b. a second execution, one card to the same member in capitals: warned too (the log lives across executions)', async () => {
		const items = [{ user: MEMBER_IN_CAPITALS, title: 'b-01' }];
		const outcome = await run(`b. 1 card to ${MEMBER_IN_CAPITALS}`, warnOnly, items);

		expect(outcome.status).toBe('success');
		expect(outcome.outputs).toHaveLength(1);
		const [output] = outcome.outputs;
		expect(output.error).toBeUndefined();
		expect(typeof output.msgid).toBe('string');
		const warnings = output.warnings as unknown[];
		expect(Array.isArray(warnings) && warnings.length).toBe(1);
		expect(String(warnings[0])).toMatch(naming(MEMBER));
		expect(JSON.stringify(outcome.hints)).toMatch(naming(MEMBER));

		// WeCom compares userids without case: the sandbox dropped it for the same member.
		const [send] = sendsOf(sandbox, items);
		expect(send?.touser).toEqual([MEMBER_IN_CAPITALS]);
		expect(send?.droppedFor).toEqual([MEMBER]);
		expect(sandbox.memberDrops()).toHaveLength(2);
	});

	it(`c. Pace Per Member with Max Wait ${MAX_WAIT_SECONDS} s: the card fails unsent, naming the member`, async () => {
		const sentBefore = sendsTo(sandbox, MEMBER).length;
		expect(sentBefore).toBe(PER_MINUTE + 2);
		const items = [{ user: MEMBER, title: 'c-01' }];
		const since = Date.now();
		const outcome = await run(`c. 1 card to ${MEMBER}, Pace Per Member, Max Wait ${MAX_WAIT_SECONDS} s`, paced, items);
		const seconds = (Date.now() - since) / 1000;

		// Continue-on-fail: the run succeeds and the failed card is the item's output.
		expect(outcome.status).toBe('success');
		expect(outcome.outputs).toHaveLength(1);
		const [output] = outcome.outputs;
		expect(output.msgid).toBeUndefined();
		expect(String(output.error)).toMatch(/^Not sent: /);
		expect(String(output.error)).toMatch(naming(MEMBER));

		expect(sendsOf(sandbox, items)).toEqual([undefined]);
		expect(sendsTo(sandbox, MEMBER)).toHaveLength(sentBefore);
		// It did not wait for the slot (most of a minute away) before giving up.
		expect(seconds).toBeLessThan(20);
	});

	it('d. another member, one card in each of two executions: neither warned', async () => {
		const first = [{ user: QUIET_MEMBER, title: 'd-01' }];
		const second = [{ user: QUIET_MEMBER, title: 'd-02' }];
		const outcomes = [
			await run(`d. 1 card to ${QUIET_MEMBER}`, warnOnly, first),
			await run(`d. 1 more card to ${QUIET_MEMBER}`, warnOnly, second),
		];

		for (const outcome of outcomes) {
			expect(outcome.status).toBe('success');
			expect(outcome.outputs).toHaveLength(1);
			expect(outcome.outputs[0].error).toBeUndefined();
			expect(typeof outcome.outputs[0].msgid).toBe('string');
			expect(outcome.outputs[0].warnings).toBeUndefined();
			expect(outcome.hints).toEqual([]);
		}
		const sends = sendsOf(sandbox, [...first, ...second]);
		expect(sends.map((send) => send?.droppedFor ?? [])).toEqual([[], []]);
		expect(sandbox.cardsFor(QUIET_MEMBER).map((card) => card.msgid)).toEqual(sends.map((send) => send?.msgid));
	});
});
