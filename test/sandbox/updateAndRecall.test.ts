import {
	callSandbox,
	DEMO_AGENT_ID,
	DEMO_CORP,
	DEMO_CORP_ID,
	DEMO_SECRET,
	sampleButtonInteraction,
	sampleNewsNotice,
	sampleTextNotice,
	sampleTextNoticeWithMenu,
	startSandbox,
} from '../../sandbox';
import type { Sandbox } from '../../sandbox';

const HOUR = 3600 * 1000;
const SECOND_AGENT_ID = 1000003;
const SECOND_SECRET = 'second-app-secret';

describe('sandbox: update_template_card and recall', () => {
	let sandbox: Sandbox;
	let token: string;
	let secondToken: string;
	let now = Date.UTC(2026, 0, 1);
	let taskCounter = 0;

	beforeAll(async () => {
		const corp = {
			...DEMO_CORP,
			apps: [
				...DEMO_CORP.apps,
				{ agentId: SECOND_AGENT_ID, secret: SECOND_SECRET, callbackUrl: 'http://127.0.0.1:9/cb' },
			],
		};
		sandbox = await startSandbox({ corps: [corp], clock: () => now });
	});
	afterAll(() => sandbox.close());
	beforeEach(async () => {
		sandbox.reset();
		await refreshTokens();
	});

	/** Tokens live 2 h: tests that move the clock by days fetch new ones, as a client would. */
	async function refreshTokens(): Promise<void> {
		const tokenFor = async (corpsecret: string) =>
			(
				await callSandbox(sandbox.url, '/cgi-bin/gettoken', {
					query: { corpid: DEMO_CORP_ID, corpsecret },
				})
			).json.access_token as string;
		token = await tokenFor(DEMO_SECRET);
		secondToken = await tokenFor(SECOND_SECRET);
	}

	const call = (path: string, body: unknown, accessToken = token) =>
		callSandbox(sandbox.url, path, { query: { access_token: accessToken }, body });
	const sendCard = async (
		touser: string,
		template_card: unknown = sampleButtonInteraction(`task-${++taskCounter}`),
	) => {
		const { json } = await call('/cgi-bin/message/send', {
			touser,
			msgtype: 'template_card',
			agentid: DEMO_AGENT_ID,
			template_card,
		});
		expect(json.errcode).toBe(0);
		return { msgid: json.msgid as string, responseCode: json.response_code as string };
	};
	const update = (body: Record<string, unknown>, accessToken = token) =>
		call('/cgi-bin/message/update_template_card', { agentid: DEMO_AGENT_ID, ...body }, accessToken);
	const recall = (msgid: unknown, accessToken = token) => call('/cgi-bin/message/recall', { msgid }, accessToken);

	describe('update_template_card', () => {
		it('greys out the button for the named users and reports the others (array, lower-cased)', async () => {
			const { msgid, responseCode } = await sendCard('alice|bob');
			const { json } = await update({
				userids: ['alice', 'Carol'],
				response_code: responseCode,
				button: { replace_name: 'Done' },
			});
			expect(json).toEqual({ errcode: 0, errmsg: 'ok', invaliduser: ['carol'] });
			expect(sandbox.cardsFor('alice')[0]).toMatchObject({
				msgid,
				replaceName: 'Done',
				updatedAt: now,
			});
			expect(sandbox.cardsFor('bob')[0].replaceName).toBeUndefined();
			expect(sandbox.messages()[1]).toMatchObject({
				action: 'update',
				msgtype: 'button',
				msgid,
				response_code: responseCode,
				update: {
					mode: 'button',
					replace_name: 'Done',
					atall: false,
					users: ['alice'],
					invaliduser: ['carol'],
				},
			});
		});

		it('replaces the whole card for everyone with atall', async () => {
			const { responseCode } = await sendCard('alice|bob');
			const { json } = await update({
				atall: 1,
				response_code: responseCode,
				template_card: sampleNewsNotice(),
			});
			expect(json).toEqual({ errcode: 0, errmsg: 'ok', invaliduser: [] });
			for (const user of ['alice', 'bob']) expect(sandbox.cardsFor(user)[0].template_card).toEqual(sampleNewsNotice());
		});

		it('updates a notice that has an action_menu', async () => {
			const { responseCode } = await sendCard('alice', sampleTextNoticeWithMenu(`menu-${++taskCounter}`));
			const { json } = await update({
				userids: ['alice'],
				response_code: responseCode,
				template_card: sampleTextNotice(),
			});
			expect(json.errcode).toBe(0);
		});

		it('accepts a response_code once (60140 the second time)', async () => {
			const { responseCode } = await sendCard('alice');
			const body = {
				userids: ['alice'],
				response_code: responseCode,
				button: { replace_name: 'Done' },
			};
			expect((await update(body)).json.errcode).toBe(0);
			expect((await update(body)).json.errcode).toBe(60140);
		});

		it('accepts a response_code for 72 hours only', async () => {
			const early = await sendCard('alice');
			const late = await sendCard('alice');
			now += 72 * HOUR - 1;
			await refreshTokens();
			const body = (code: string) => ({
				userids: ['alice'],
				response_code: code,
				button: { replace_name: 'Done' },
			});
			expect((await update(body(early.responseCode))).json.errcode).toBe(0);
			now += 1;
			expect((await update(body(late.responseCode))).json.errcode).toBe(60140);
		});

		it('does not use up the code when the update is rejected', async () => {
			const { responseCode } = await sendCard('alice');
			expect((await update({ userids: ['alice'], response_code: responseCode })).json.errcode).toBe(40058);
			expect(
				(
					await update({
						userids: ['alice'],
						response_code: responseCode,
						button: { replace_name: 'x' },
					})
				).json.errcode,
			).toBe(0);
		});

		it.each([
			['an unknown response_code', { userids: ['alice'], response_code: 'nope', button: { replace_name: 'x' } }, 60140],
			['no response_code', { response_code: undefined, userids: ['alice'], button: { replace_name: 'x' } }, 40058],
			[
				'both button and template_card',
				{ userids: ['alice'], button: { replace_name: 'x' }, template_card: sampleTextNotice() },
				40058,
			],
			['no target', { button: { replace_name: 'x' } }, 82101],
			['only users the card never reached', { userids: ['carol'], button: { replace_name: 'x' } }, 81013],
			['a card the schema rejects', { userids: ['alice'], template_card: { card_type: 'fancy' } }, 42031],
			['a missing agentid', { agentid: undefined, userids: ['alice'], button: { replace_name: 'x' } }, 41011],
		])('rejects %s', async (_label, body, errcode) => {
			const { responseCode } = await sendCard('alice');
			const { json } = await update({ response_code: responseCode, ...body });
			expect(json.errcode).toBe(errcode);
		});

		it('rejects button mode on a notice (it has no button) with 40058', async () => {
			const { responseCode } = await sendCard('alice', sampleTextNoticeWithMenu(`menu-${++taskCounter}`));
			const { json } = await update({
				userids: ['alice'],
				response_code: responseCode,
				button: { replace_name: 'x' },
			});
			expect(json.errcode).toBe(40058);
		});

		it("answers 42015 when another app updates the card with the sender's response_code", async () => {
			const { responseCode } = await sendCard('alice');
			const { json } = await update(
				{
					agentid: SECOND_AGENT_ID,
					userids: ['alice'],
					response_code: responseCode,
					button: { replace_name: 'x' },
				},
				secondToken,
			);
			expect(json.errcode).toBe(42015);
		});
	});

	describe('recall', () => {
		it('recalls a message and marks it recalled', async () => {
			const { msgid } = await sendCard('alice', sampleTextNotice());
			expect((await recall(msgid)).json).toEqual({ errcode: 0, errmsg: 'ok' });
			const [sent, recalled] = sandbox.messages();
			expect(sent).toMatchObject({ recalled: true, recalledAt: now });
			expect(recalled).toMatchObject({ action: 'recall', msgid });
			expect(sandbox.cardsFor('alice')[0].recalled).toBe(true);
		});

		it('recalls for 24 hours after sending, then answers 42052', async () => {
			const inTime = await sendCard('alice', sampleTextNotice());
			const tooLate = await sendCard('alice', sampleTextNotice());
			now += 24 * HOUR - 1;
			await refreshTokens();
			expect((await recall(inTime.msgid)).json.errcode).toBe(0);
			now += 1;
			expect((await recall(tooLate.msgid)).json.errcode).toBe(42052);
		});

		it('answers 40058 for an unknown msgid, a second recall and another app', async () => {
			const { msgid } = await sendCard('alice', sampleTextNotice());
			expect((await recall('unknown')).json.errcode).toBe(40058);
			expect((await recall(msgid, secondToken)).json.errcode).toBe(40058);
			expect((await recall(msgid)).json.errcode).toBe(0);
			expect((await recall(msgid)).json.errcode).toBe(40058);
		});
	});
});
