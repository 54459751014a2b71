import {
	callSandbox,
	DEMO_ROBOT_KEY,
	sampleButtonInteraction,
	sampleNewsNotice,
	sampleTextNotice,
	startSandbox,
} from '../../sandbox';
import type { CallOptions, Sandbox } from '../../sandbox';

describe('sandbox: group robot webhook', () => {
	let sandbox: Sandbox;
	let now = Date.UTC(2026, 0, 1);

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: () => now });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	/** key null = no key in the URL at all. */
	const robot = (body: unknown, options: CallOptions = {}, key: string | null = DEMO_ROBOT_KEY) =>
		callSandbox(sandbox.url, '/cgi-bin/webhook/send', {
			query: key === null ? {} : { key },
			body,
			...options,
		});

	it('delivers notice cards, text and markdown', async () => {
		for (const body of [
			{ msgtype: 'template_card', template_card: sampleTextNotice() },
			{ msgtype: 'template_card', template_card: sampleNewsNotice() },
			{ msgtype: 'text', text: { content: 'hello', mentioned_list: ['alice'] } },
			{ msgtype: 'markdown', markdown: { content: '**hi**' } },
		]) {
			expect((await robot(body)).json).toEqual({ errcode: 0, errmsg: 'ok' });
		}
		const messages = sandbox.messages();
		expect(messages.map((m) => [m.kind, m.msgtype])).toEqual([
			['robot', 'template_card'],
			['robot', 'template_card'],
			['robot', 'text'],
			['robot', 'markdown'],
		]);
		expect(messages[0]).toMatchObject({
			robotKey: DEMO_ROBOT_KEY,
			template_card: sampleTextNotice(),
		});
		expect(messages[0].msgid).toBeUndefined();
		expect(messages[2].text).toEqual({ content: 'hello', mentioned_list: ['alice'] });
	});

	it.each([
		['an unknown key', { msgtype: 'text', text: { content: 'x' } }, {}, 'wrong-key', 93000],
		['a missing key', { msgtype: 'text', text: { content: 'x' } }, {}, null, 93000],
		['an empty body', undefined, { rawBody: '', method: 'POST' as const }, DEMO_ROBOT_KEY, 93017],
		['malformed JSON', undefined, { rawBody: '{"msgtype":' }, DEMO_ROBOT_KEY, 40058],
		[
			'an interactive card',
			{ msgtype: 'template_card', template_card: sampleButtonInteraction('t1') },
			{},
			DEMO_ROBOT_KEY,
			42031,
		],
		['an unknown msgtype', { msgtype: 'video' }, {}, DEMO_ROBOT_KEY, 40008],
		['empty text', { msgtype: 'text', text: { content: '' } }, {}, DEMO_ROBOT_KEY, 44004],
	])('rejects %s', async (_label, body, options, key, errcode) => {
		const { json } = await robot(body, options, key);
		expect(json.errcode).toBe(errcode);
		expect(sandbox.messages()).toHaveLength(0);
	});

	it('allows 20 messages a minute, then answers 45009 for a full minute', async () => {
		const text = { msgtype: 'text', text: { content: 'tick' } };
		for (let i = 0; i < 20; i++) expect((await robot(text)).json.errcode).toBe(0);
		expect((await robot(text)).json.errcode).toBe(45009);
		now += 59 * 1000;
		expect((await robot(text)).json.errcode).toBe(45009);
		now += 1000;
		expect((await robot(text)).json.errcode).toBe(0);
		expect(sandbox.messages()).toHaveLength(21);
	});
});
