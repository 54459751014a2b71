/**
 * "Send via group robot" through the real engine, against the sandbox's webhook endpoint:
 * notice cards from the form and from JSON, cards rejected before any request, errcodes
 * explained, the 20-messages-a-minute limit kept by waiting, and the credential Test button.
 *
 * Time runs faster in this file: the limiter is built with a clock and sleep that run
 * SPEED times faster than real time, and the sandbox reads the same clock, so a WeCom minute
 * takes 60000 / SPEED real milliseconds. The node itself runs unchanged.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WeComWebhookApi } from '../../credentials/WeComWebhookApi.credentials';
import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { ROBOT_MESSAGES_PER_MINUTE } from '../../nodes/WeCom/shared/limits';
import {
	DEMO_ROBOT_KEY,
	sampleButtonInteraction,
	sampleNewsNotice,
	sampleTextNotice,
	startSandbox,
} from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox';
import { createEngineHarness, registerSecret, scanForLeaks } from '../harness';
import type { EngineHarness, NodeRun } from '../harness';

jest.mock('../../nodes/WeCom/TemplateCard/transport/robotRateLimit', () => {
	const actual = jest.requireActual('../../nodes/WeCom/TemplateCard/transport/robotRateLimit');
	const speed = 20;
	const start = Date.now();
	const fastNow = () => start + (Date.now() - start) * speed;
	// Rounded up, plus a millisecond: a real timer may fire a hair early, a slot never may.
	const fastSleep = async (ms: number) =>
		await new Promise<void>((resolve) => setTimeout(resolve, Math.ceil(ms / speed) + 1));
	return {
		...actual,
		robotRateLimiter: new actual.SlidingWindowLimiter({ now: fastNow, sleep: fastSleep }),
		fastClock: { speed, now: fastNow },
	};
});

const { fastClock } = jest.requireMock<{ fastClock: { speed: number; now: () => number } }>(
	'../../nodes/WeCom/TemplateCard/transport/robotRateLimit',
);

const CARD_NODE_TYPE = 'n8n-nodes-wecom-card.weComTemplateCard';
const CREDENTIAL_ID = 'robot-1';
const WEBHOOK_PATH = '/cgi-bin/webhook/send';
const MINUTE_MS = 60_000;
const UNKNOWN_KEY = 'f00dbabe-1111-4111-8111-00000000beef';

registerSecret(DEMO_ROBOT_KEY, 'robotKey');
registerSecret(UNKNOWN_KEY, 'robotKey');

interface RobotFixture {
	sandbox: Sandbox;
	harness: EngineHarness;
	webhookUrl(key?: string): string;
	run(parameters: INodeParameters, items?: INodeExecutionData[], continueOnFail?: boolean): Promise<NodeRun>;
}

async function startRobotFixture(sandboxOptions: SandboxOptions = {}): Promise<RobotFixture> {
	const sandbox = await startSandbox({ clock: fastClock.now, ...sandboxOptions });
	const harness = createEngineHarness({
		nodeTypes: { [CARD_NODE_TYPE]: new WeComTemplateCard() },
		credentialTypes: { weComWebhookApi: new WeComWebhookApi() },
	});
	const webhookUrl = (key = DEMO_ROBOT_KEY) => `${sandbox.url}${WEBHOOK_PATH}?key=${key}`;
	harness.credentials.add({
		id: CREDENTIAL_ID,
		name: 'Robot sandbox',
		type: 'weComWebhookApi',
		data: { webhookSecret: webhookUrl() },
	});
	return {
		sandbox,
		harness,
		webhookUrl,
		async run(parameters, items, continueOnFail) {
			return await harness.runNode({
				type: CARD_NODE_TYPE,
				parameters: { resource: 'robot', operation: 'sendTemplateCard', ...parameters },
				credentials: { weComWebhookApi: { id: CREDENTIAL_ID, name: 'Robot sandbox' } },
				items,
				continueOnFail,
			});
		},
	};
}

const textNoticeForm: INodeParameters = {
	cardInput: 'form',
	cardType: 'text_notice',
	title: 'Deploy finished',
	subTitleText: 'production, 1.4.2',
	cardActionType: 1,
	cardActionUrl: 'https://example.com/deploys/42',
};

const newsNoticeForm: INodeParameters = {
	cardInput: 'form',
	cardType: 'news_notice',
	title: 'Release notes',
	cardImage: { image: { url: 'https://example.com/cover.png', aspect_ratio: 2 } },
	cardActionType: 1,
	cardActionUrl: 'https://example.com/releases/7',
};

const jsonCard = (card: unknown): INodeParameters => ({ cardInput: 'json', cardJson: JSON.stringify(card) });

const items = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, index) => ({ json: { index } }));

const robotMessages = (sandbox: Sandbox) => sandbox.messages().filter((message) => message.kind === 'robot');

describe('group robot: send template card', () => {
	let fixture: RobotFixture;

	beforeEach(async () => {
		fixture = await startRobotFixture();
	});

	afterEach(async () => {
		await fixture.sandbox.close();
	});

	it.each([
		['a text notice from the form', textNoticeForm, 'text_notice'],
		['a news notice from the form', newsNoticeForm, 'news_notice'],
		['a text notice from JSON', jsonCard(sampleTextNotice()), 'text_notice'],
		['a news notice from JSON', jsonCard(sampleNewsNotice()), 'news_notice'],
	])('delivers %s', async (_case, parameters, cardType) => {
		const run = await fixture.run(parameters);

		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toEqual({ errcode: 0, sent: true, card_type: cardType, attempts: 1, waitedMs: 0 });
		const [message] = robotMessages(fixture.sandbox);
		expect(message).toMatchObject({ action: 'send', msgtype: 'template_card', robotKey: DEMO_ROBOT_KEY });
		expect(message.template_card).toMatchObject({ card_type: cardType });
		expect(fixture.sandbox.messages()).toHaveLength(1);
	});

	it('sends the form values as WeCom fields', async () => {
		await fixture.run(newsNoticeForm);

		expect(robotMessages(fixture.sandbox)[0].template_card).toEqual({
			card_type: 'news_notice',
			main_title: { title: 'Release notes' },
			card_image: { url: 'https://example.com/cover.png', aspect_ratio: 2 },
			card_action: { type: 1, url: 'https://example.com/releases/7' },
		});
	});

	it.each([
		['a button card', jsonCard(sampleButtonInteraction('task-1')), /template_card\.card_type/],
		[
			'a news card without card_image',
			jsonCard({ ...sampleNewsNotice(), card_image: undefined }),
			/template_card\.card_image/,
		],
		['a news card from the form without an image', { ...newsNoticeForm, cardImage: {} }, /template_card\.card_image/],
		['a card with a task_id', jsonCard({ ...sampleTextNotice(), task_id: 'task-2' }), /template_card\.task_id/],
	])('rejects %s before any request, naming the field', async (_case, parameters, fieldPath) => {
		const run = await fixture.run(parameters);

		expect(run.error?.message).toMatch(/^Invalid card: /);
		expect(run.error?.message).toMatch(fieldPath);
		expect(fixture.sandbox.stats().calls[WEBHOOK_PATH]).toBeUndefined();
	});

	it('explains 93000 for an unknown key, without the key', async () => {
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, { webhookSecret: fixture.webhookUrl(UNKNOWN_KEY) });

		const run = await fixture.run(textNoticeForm);

		expect(run.error?.message).toBe('WeCom error 93000: Invalid webhook URL, or the robot was removed from the group');
		expect((run.error as { description?: string }).description).toMatch(/Copy the robot's webhook URL again/);
		expect(JSON.stringify(run.raw)).not.toContain(UNKNOWN_KEY);
		// A permanent error: not retried.
		expect(fixture.sandbox.stats().calls[WEBHOOK_PATH]).toBe(1);
		expect(robotMessages(fixture.sandbox)).toHaveLength(0);
	});

	it('puts the errcode in the item on continue-on-fail', async () => {
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, { webhookSecret: fixture.webhookUrl(UNKNOWN_KEY) });

		const run = await fixture.run(textNoticeForm, items(2), true);

		expect(run.items.map((item) => item.json.errcode)).toEqual([93000, 93000]);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('refuses a webhook value that is neither a robot URL nor a key, without quoting it', async () => {
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, { webhookSecret: `${fixture.sandbox.url}${WEBHOOK_PATH}` });

		const run = await fixture.run(textNoticeForm);

		expect(run.error?.message).toMatch(/Webhook URL or Key .* is not valid/);
		expect(run.error?.message).not.toContain(fixture.sandbox.url);
		expect(fixture.sandbox.stats().calls[WEBHOOK_PATH]).toBeUndefined();
	});

	it('retries a system-busy answer; does not resend after a dropped connection', async () => {
		fixture.sandbox.faults.add({ path: WEBHOOK_PATH, kind: 'errcode', errcode: -1, times: 1 });
		const busy = await fixture.run({ ...textNoticeForm, options: { retryBaseDelayMs: 1 } });
		expect(busy.items[0].json).toMatchObject({ sent: true, attempts: 2 });

		fixture.sandbox.faults.add({ path: WEBHOOK_PATH, kind: 'dropAfterAccept', times: 1 });
		const dropped = await fixture.run({ ...textNoticeForm, options: { retryBaseDelayMs: 1 } });
		expect(dropped.error).toBeDefined();
		// Posted once (the answer was lost), and not posted again.
		expect(robotMessages(fixture.sandbox)).toHaveLength(2);
	});
});

describe('group robot: 20 messages a minute', () => {
	let fixture: RobotFixture;

	afterEach(async () => {
		await fixture.sandbox.close();
	});

	it('delivers 25 items by waiting for free slots, never answered 45009', async () => {
		fixture = await startRobotFixture();

		const run = await fixture.run(textNoticeForm, items(25));

		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(25);
		expect(run.items.every((item) => item.json.sent === true)).toBe(true);
		expect(fixture.sandbox.stats().errcodes['45009']).toBeUndefined();
		const sent = robotMessages(fixture.sandbox);
		expect(sent).toHaveLength(25);
		// Items beyond the 20th waited for a slot, about a (fast) minute.
		const waited = run.items.map((item) => Number(item.json.waitedMs));
		expect(waited.filter((ms) => ms > 0)).toHaveLength(25 - ROBOT_MESSAGES_PER_MINUTE);
		expect(Math.max(...waited)).toBeGreaterThan(MINUTE_MS / 2);
		// Any 21 messages in a row span at least a minute on the sandbox's clock.
		const acceptedAt = sent.map((message) => message.acceptedAt).sort((a, b) => a - b);
		for (let i = ROBOT_MESSAGES_PER_MINUTE; i < acceptedAt.length; i++) {
			expect(acceptedAt[i] - acceptedAt[i - ROBOT_MESSAGES_PER_MINUTE]).toBeGreaterThanOrEqual(MINUTE_MS);
		}
	});

	it('delivers 25 items at concurrency 50 without a 45009: the minute counts from when the first 20 arrived', async () => {
		fixture = await startRobotFixture();

		const run = await fixture.run({ ...textNoticeForm, options: { concurrency: 50 } }, items(25));

		expect(run.error).toBeUndefined();
		expect(fixture.sandbox.stats().errcodes['45009']).toBeUndefined();
		expect(run.items.map((item) => item.json.attempts)).toEqual(Array(25).fill(1));
	});

	it('fails the items whose slot is further away than Max Wait, before sending them', async () => {
		fixture = await startRobotFixture();

		const run = await fixture.run({ ...textNoticeForm, options: { maxRateLimitWaitSeconds: 5 } }, items(22), true);

		const failed = run.items.filter((item) => item.json.error);
		expect(failed).toHaveLength(2);
		for (const item of failed) {
			expect(item.json.errcode).toBe(45009);
			expect(item.json.error).toMatch(/Not sent: the group robot's limit of 20 messages per minute is used up/);
			expect(item.json.error).toMatch(/Max Wait for Rate Limit \(5 s\)/);
		}
		expect(fixture.sandbox.stats().calls[WEBHOOK_PATH]).toBe(ROBOT_MESSAGES_PER_MINUTE);
	});

	it('recovers from 45009 when WeCom counts other senders too', async () => {
		// The sandbox allows 3 a minute: this process's limiter cannot know about the others.
		fixture = await startRobotFixture({ rateLimits: { robotPerMinute: 3 } });
		// A little more than the sandbox's one-minute block, in real seconds.
		const pauseSeconds = (1.2 * MINUTE_MS) / fastClock.speed / 1000;

		const run = await fixture.run(
			{ ...textNoticeForm, options: { rateLimitPauseSeconds: pauseSeconds, maxAttempts: 5 } },
			items(6),
		);

		expect(run.error).toBeUndefined();
		expect(run.items.every((item) => item.json.sent === true)).toBe(true);
		expect(fixture.sandbox.stats().errcodes['45009']).toBeGreaterThanOrEqual(1);
		expect(run.items.some((item) => Number(item.json.attempts) > 1)).toBe(true);
		expect(robotMessages(fixture.sandbox)).toHaveLength(6);
	});
});

describe('group robot credential Test button', () => {
	let fixture: RobotFixture;

	beforeEach(async () => {
		fixture = await startRobotFixture();
	});

	afterEach(async () => {
		await fixture.sandbox.close();
	});

	it('passes for a valid robot without posting anything (WeCom answers 93017)', async () => {
		const result = await fixture.harness.testCredential('weComWebhookApi', { webhookSecret: fixture.webhookUrl() });

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(fixture.sandbox.stats().errcodes).toEqual({ '93017': 1 });
		expect(fixture.sandbox.messages()).toHaveLength(0);
	});

	it('fails for an unknown or removed robot and explains 93000', async () => {
		const result = await fixture.harness.testCredential('weComWebhookApi', {
			webhookSecret: fixture.webhookUrl(UNKNOWN_KEY),
		});

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^WeCom errcode 93000: Invalid webhook URL, or the robot was removed/);
		expect(result.message).not.toContain(UNKNOWN_KEY);
	});

	it('fails clearly for a value that is not a robot URL or key', async () => {
		const result = await fixture.harness.testCredential('weComWebhookApi', {
			webhookSecret: `${fixture.sandbox.url}${WEBHOOK_PATH}`,
		});

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Webhook URL or Key .* is not valid/);
		expect(fixture.sandbox.stats().calls[WEBHOOK_PATH]).toBeUndefined();
	});
});

describe('group robot leak check', () => {
	it('no robot key leaked from this file', () => {
		expect(scanForLeaks({ thisTestFileOnly: true }).hits).toEqual([]);
	});
});
