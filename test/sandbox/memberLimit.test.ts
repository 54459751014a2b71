/**
 * WeCom's per-member frequency limit on app messages, transcribed from its docs:
 * 每应用对同一个成员不可超过30次/分，1000次/小时，超过部分会被丢弃不下发 — per app, at most 30
 * messages a minute and 1,000 an hour to one member; the excess is dropped without an error.
 * https://developer.work.weixin.qq.com/document/path/90236
 * https://developer.work.weixin.qq.com/document/path/90312
 */
import {
	callSandbox,
	DEMO_AGENT_ID,
	DEMO_CORP,
	DEMO_CORP_ID,
	DEMO_SECRET,
	sampleButtonInteraction,
	sandboxControl,
	startSandbox,
} from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox';

const PER_MINUTE = 30;
const PER_HOUR = 1000;
const MINUTE = 60_000;

interface Sender {
	sandbox: Sandbox;
	send(touser: string, extra?: Record<string, unknown>): Promise<Record<string, unknown>>;
	/** After reset() the old token is void. */
	renewToken(): Promise<void>;
	close(): Promise<void>;
}

async function startSender(options: SandboxOptions = {}): Promise<Sender> {
	// A fixed clock: tests move time with advanceClock().
	const sandbox = await startSandbox({ clock: () => Date.UTC(2026, 0, 1), ...options });
	let token = '';
	const renewToken = async () => {
		const { json } = await callSandbox(sandbox.url, '/cgi-bin/gettoken', {
			query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
		});
		token = json.access_token as string;
	};
	await renewToken();
	return {
		sandbox,
		renewToken,
		send: async (touser, extra = {}) =>
			(
				await callSandbox(sandbox.url, '/cgi-bin/message/send', {
					query: { access_token: token },
					body: { touser, msgtype: 'text', agentid: DEMO_AGENT_ID, text: { content: 'hello' }, ...extra },
				})
			).json,
		close: () => sandbox.close(),
	};
}

async function sendTimes(sender: Sender, count: number, touser: string): Promise<string[]> {
	const msgids: string[] = [];
	for (let i = 0; i < count; i++) {
		const answer = await sender.send(touser);
		expect(answer).toMatchObject({ errcode: 0, errmsg: 'ok', invaliduser: '' });
		msgids.push(answer.msgid as string);
	}
	return msgids;
}

describe('sandbox: per-member frequency limit (on by default)', () => {
	let sender: Sender;
	let sandbox: Sandbox;

	beforeAll(async () => {
		sender = await startSender();
		sandbox = sender.sandbox;
	});
	afterAll(() => sender.close());
	beforeEach(async () => {
		sandbox.reset();
		await sender.renewToken();
	});

	it('answers the 31st message to a member within a minute with errcode 0 and a msgid, but does not deliver it', async () => {
		const msgids = await sendTimes(sender, PER_MINUTE + 1, 'alice');
		const dropped = msgids[PER_MINUTE];
		expect(new Set(msgids).size).toBe(PER_MINUTE + 1);
		// Every accepted call is still recorded...
		expect(sandbox.messages()).toHaveLength(PER_MINUTE + 1);
		expect(sandbox.messages()[PER_MINUTE]).toMatchObject({ msgid: dropped, droppedFor: ['alice'] });
		// ...but alice has only 30.
		const cards = sandbox.cardsFor('alice').map((card) => card.msgid);
		expect(cards).toHaveLength(PER_MINUTE);
		expect(cards).not.toContain(dropped);
		expect(sandbox.memberDrops()).toEqual([
			{
				corpId: DEMO_CORP_ID,
				agentId: DEMO_AGENT_ID,
				userid: 'alice',
				msgid: dropped,
				at: sandbox.now(),
				limit: 'perMinute',
			},
		]);
		expect(sandbox.stats().memberDrops).toBe(1);
		expect(sandbox.stats().errcodes).toEqual({ '0': PER_MINUTE + 2 }); // + gettoken
	});

	it('drops only for the member over the limit; the others in the same send get it', async () => {
		await sendTimes(sender, PER_MINUTE, 'alice');
		const answer = await sender.send('alice|bob|Carol');
		expect(answer).toMatchObject({ errcode: 0, invaliduser: '' });
		expect(sandbox.memberDrops().map((drop) => drop.userid)).toEqual(['alice']);
		expect(sandbox.cardsFor('bob').map((card) => card.msgid)).toEqual([answer.msgid]);
		expect(sandbox.cardsFor('carol').map((card) => card.msgid)).toEqual([answer.msgid]);
		expect(sandbox.cardsFor('alice').map((card) => card.msgid)).not.toContain(answer.msgid);
	});

	it('delivers again once the minute has passed (a sliding minute)', async () => {
		await sendTimes(sender, PER_MINUTE, 'alice');
		sandbox.advanceClock(MINUTE - 1);
		await sendTimes(sender, 1, 'alice');
		expect(sandbox.stats().memberDrops).toBe(1);
		sandbox.advanceClock(1);
		await sendTimes(sender, PER_MINUTE, 'alice');
		expect(sandbox.stats().memberDrops).toBe(1);
		expect(sandbox.cardsFor('alice')).toHaveLength(2 * PER_MINUTE);
	});

	it('drops above 1,000 an hour even when every minute stays under 30', async () => {
		let sent = 0;
		while (sent < PER_HOUR) {
			const batch = Math.min(PER_MINUTE, PER_HOUR - sent);
			// One minute's messages at once, in parallel, to keep the test short.
			const answers = await Promise.all(Array.from({ length: batch }, () => sender.send('alice')));
			expect(answers.every((answer) => answer.errcode === 0)).toBe(true);
			sent += batch;
			sandbox.advanceClock(MINUTE);
		}
		expect(sandbox.stats().memberDrops).toBe(0);
		const [dropped] = await sendTimes(sender, 1, 'alice');
		expect(sandbox.memberDrops()).toMatchObject([{ userid: 'alice', msgid: dropped, limit: 'perHour' }]);
		expect(sandbox.cardsFor('alice')).toHaveLength(PER_HOUR);
	}, 60_000);

	it('counts any msgtype (template cards too) and hides dropped cards from the page and from clicks', async () => {
		await sendTimes(sender, PER_MINUTE, 'alice');
		const card = await sender.send('alice', {
			msgtype: 'template_card',
			template_card: sampleButtonInteraction('limit-1'),
		});
		expect(card).toMatchObject({ errcode: 0, msgid: expect.any(String), response_code: expect.any(String) });
		expect(sandbox.memberDrops().map((drop) => drop.msgid)).toEqual([card.msgid]);
		const page = (await callSandbox(sandbox.url, '/?user=alice&static=1')).text;
		expect(page).toContain('hello');
		expect(page).not.toContain(`data-msgid="${String(card.msgid)}"`);
		expect(page).toMatch(/href="\/\?user=alice[^"]*"[^>]*>alice<span class="count">30</);
		await expect(sandbox.click({ userid: 'alice', msgid: String(card.msgid) })).rejects.toThrow(
			/not delivered to alice/,
		);
	});

	it('does not count members reached through @all, departments or tags', async () => {
		for (let i = 0; i < PER_MINUTE + 5; i++) {
			expect((await sender.send('@all')).errcode).toBe(0);
			expect((await sender.send('', { toparty: '1', totag: '1' })).errcode).toBe(0);
		}
		expect(sandbox.stats().memberDrops).toBe(0);
		// @all sends did not use up alice's budget either.
		await sendTimes(sender, PER_MINUTE, 'alice');
		expect(sandbox.stats().memberDrops).toBe(0);
	});

	it('does not count invalid users, and counts userids case-insensitively', async () => {
		await sendTimes(sender, PER_MINUTE, 'Alice');
		const answer = await sender.send('ALICE|nobody');
		expect(answer).toMatchObject({ errcode: 0, invaliduser: 'nobody' });
		expect(sandbox.memberDrops().map((drop) => drop.userid)).toEqual(['alice']);
	});

	it('serves the drops over HTTP (GET /sandbox/member-drops) and forgets them on reset', async () => {
		await sendTimes(sender, PER_MINUTE + 2, 'alice');
		const control = sandboxControl(sandbox.url);
		expect(await control.memberDrops()).toEqual(sandbox.memberDrops());
		expect(await control.memberDrops()).toHaveLength(2);
		expect((await control.stats()).memberDrops).toBe(2);
		sandbox.reset();
		expect(await control.memberDrops()).toEqual([]);
		// The windows went with the drops: alice gets 30 again at once.
		await sender.renewToken();
		await sendTimes(sender, PER_MINUTE, 'alice');
		expect(sandbox.memberDrops()).toEqual([]);
	});
});

describe('sandbox: per-member frequency limit, per app and configurable', () => {
	const twoApps = {
		...DEMO_CORP,
		apps: [
			{ agentId: DEMO_AGENT_ID, secret: DEMO_SECRET },
			{ agentId: 1000003, secret: 'second-app-secret' },
		],
	};

	it('counts each app separately', async () => {
		const first = await startSender({ corps: [twoApps] });
		try {
			await sendTimes(first, PER_MINUTE, 'alice');
			const token = (
				await callSandbox(first.sandbox.url, '/cgi-bin/gettoken', {
					query: { corpid: DEMO_CORP_ID, corpsecret: 'second-app-secret' },
				})
			).json.access_token as string;
			const answer = await callSandbox(first.sandbox.url, '/cgi-bin/message/send', {
				query: { access_token: token },
				body: { touser: 'alice', msgtype: 'text', agentid: 1000003, text: { content: 'from app 2' } },
			});
			expect(answer.json.errcode).toBe(0);
			expect(first.sandbox.memberDrops()).toEqual([]);
			expect(first.sandbox.cardsFor('alice')).toHaveLength(PER_MINUTE + 1);
		} finally {
			await first.close();
		}
	});

	it('takes other limits, and memberLimits: false turns it off', async () => {
		const strict = await startSender({ memberLimits: { perMinute: 2 } });
		const off = await startSender({ memberLimits: false });
		try {
			await sendTimes(strict, 3, 'alice');
			expect(strict.sandbox.memberDrops().map((drop) => drop.limit)).toEqual(['perMinute']);
			await sendTimes(off, PER_MINUTE * 2, 'alice');
			expect(off.sandbox.memberDrops()).toEqual([]);
			expect(off.sandbox.stats().memberDrops).toBe(0);
			expect(off.sandbox.cardsFor('alice')).toHaveLength(PER_MINUTE * 2);
		} finally {
			await strict.close();
			await off.close();
		}
	});

	it.each([{ perMinute: 0 }, { perHour: -1 }, { perMinute: 1.5 }])('refuses memberLimits %j', async (limits) => {
		await expect(startSandbox({ memberLimits: limits })).rejects.toThrow(/memberLimits/);
	});
});
