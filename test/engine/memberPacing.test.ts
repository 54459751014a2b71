/**
 * WeCom's per-member limit through the engine, against the sandbox, which (like WeCom) answers
 * errcode 0 to a message above 30 a minute to one member from one app and does not deliver it
 * (https://developer.work.weixin.qq.com/document/path/90236). Without pacing, the node warns on
 * every such send; with Pace Per Member it waits, and nothing is dropped.
 *
 * Time runs faster in this file: the node's send log is built with a clock and sleep SPEED times
 * faster than real time, and the sandbox reads the same clock, so a WeCom minute takes
 * 60000 / SPEED real milliseconds. The node itself runs unchanged.
 */
import type { INodeParameters } from 'n8n-workflow';

import { emptyItems, startEngineFixture, textNoticeParameters } from './fixtures';
import type { EngineFixture } from './fixtures';

jest.mock('../../nodes/WeCom/TemplateCard/transport/memberPacing', () => {
	const actual = jest.requireActual('../../nodes/WeCom/TemplateCard/transport/memberPacing');
	const speed = 10;
	const start = Date.now();
	const fastNow = () => start + (Date.now() - start) * speed;
	// Rounded up, plus a millisecond: a real timer may fire a hair early, a slot never may.
	const { sleep } = jest.requireActual('n8n-workflow');
	const fastSleep = async (ms: number) => await sleep(Math.ceil(ms / speed) + 1);
	return {
		...actual,
		memberSendLog: new actual.MemberSendLog({ now: fastNow, sleep: fastSleep }),
		fastClock: { speed, now: fastNow },
	};
});

const { fastClock } = jest.requireMock<{ fastClock: { speed: number; now: () => number } }>(
	'../../nodes/WeCom/TemplateCard/transport/memberPacing',
);

const DOCUMENTED_PER_MINUTE = 30;

describe('per-member limit', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture({ clock: fastClock.now });
	});

	afterEach(async () => {
		// Every test starts with a member nobody has written to this hour, in node and sandbox alike.
		await fixture.close();
	});

	let member = 0;
	/** A member of the demo corp that no other test in this file sends to. */
	const freshMember = () => `user${String(++member).padStart(4, '0')}`;

	const cards = (toUser: string, options: INodeParameters = {}) => ({
		...textNoticeParameters(toUser, '={{ "Alert " + $json.index }}'),
		options: { concurrency: 1, ...options },
	});

	it('warns from the 31st card to one member in a minute, where the sandbox starts dropping', async () => {
		const to = 'alice';
		const run = await fixture.runCardNode(cards(to), emptyItems(40));

		expect(run.error).toBeUndefined();
		const warnings = run.items.map((item) => item.json.warnings);
		expect(warnings.slice(0, DOCUMENTED_PER_MINUTE)).toEqual(Array(DOCUMENTED_PER_MINUTE).fill(undefined));
		expect(warnings.slice(DOCUMENTED_PER_MINUTE)).toEqual(
			['31st', '32nd', '33rd', '34th', '35th', '36th', '37th', '38th', '39th', '40th'].map((nth) => [
				`${to}: ${nth} message from this app this minute; WeCom drops messages above 30 per minute per member without an error`,
			]),
		);
		expect(JSON.stringify(run.raw.data.resultData.runData)).toMatch(/Turn on Options › Pace Per Member/);
		const drops = fixture.sandbox.memberDrops();
		expect(drops.map((drop) => drop.userid)).toEqual(Array(10).fill(to));
		expect(fixture.sandbox.stats().memberDrops).toBe(10);
		expect(drops.map((drop) => drop.msgid)).toEqual(
			run.items.slice(DOCUMENTED_PER_MINUTE).map((item) => item.json.msgid),
		);
	});

	it('with Pace Per Member, waits for the member instead: 40 cards, none dropped', async () => {
		const to = freshMember();
		const started = fastClock.now();
		const run = await fixture.runCardNode(
			cards(to, { pacePerMember: true, maxRateLimitWaitSeconds: 120 }),
			emptyItems(40),
		);

		expect(run.error).toBeUndefined();
		expect(run.items.every((item) => item.json.warnings === undefined && typeof item.json.msgid === 'string')).toBe(
			true,
		);
		expect(fixture.sandbox.memberDrops()).toEqual([]);
		expect(fixture.sandbox.stats().memberDrops).toBe(0);
		// The last ten waited for the first ones to be a minute old.
		expect(fastClock.now() - started).toBeGreaterThanOrEqual(60_000);
	});

	it('with Pace Per Member, fails a card whose slot is further away than Max Wait, without sending it', async () => {
		const to = freshMember();
		const run = await fixture.runCardNode(
			cards(to, { pacePerMember: true, maxRateLimitWaitSeconds: 5 }),
			emptyItems(DOCUMENTED_PER_MINUTE + 1),
			true,
		);

		const last = run.items[DOCUMENTED_PER_MINUTE].json;
		expect(String(last.error)).toMatch(
			new RegExp(
				`^Not sent: ${to} has had 30 messages from this app in the last minute, and the next free slot is \\d+ s away, longer than Max Wait for Rate Limit \\(5 s\\)$`,
			),
		);
		expect(fixture.sandbox.messages()).toHaveLength(DOCUMENTED_PER_MINUTE);
		expect(fixture.sandbox.stats().memberDrops).toBe(0);
	});

	it('with Pace Per Member at concurrency 50, 45 cards to two members: none dropped, none over the limit', async () => {
		const [first, second] = [freshMember(), freshMember()];
		const run = await fixture.runCardNode(
			{
				...cards(`={{ $json.index % 3 ? "${first}" : "${first}|${second}" }}`, {
					concurrency: 50,
					pacePerMember: true,
					maxRateLimitWaitSeconds: 120,
				}),
			},
			emptyItems(45),
		);

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.warnings).filter(Boolean)).toEqual([]);
		expect(fixture.sandbox.memberDrops()).toEqual([]);
		expect(fixture.sandbox.messages()).toHaveLength(45);
	});

	it('paces Send and Wait too', async () => {
		const to = freshMember();
		await fixture.runCardNode(cards(to), emptyItems(DOCUMENTED_PER_MINUTE));
		const run = await fixture.runCardNode({
			resource: 'message',
			operation: 'sendAndWait',
			toUser: to,
			title: 'Deploy?',
			options: { pacePerMember: true, maxRateLimitWaitSeconds: 0 },
		});

		expect(run.error?.message).toMatch(new RegExp(`^Not sent: ${to} has had 30 messages`));
		expect(fixture.sandbox.messages()).toHaveLength(DOCUMENTED_PER_MINUTE);
	});
});
