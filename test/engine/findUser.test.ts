/**
 * Contact › Find User through the engine against the sandbox: a member's userid from a mobile
 * (user/getuserid, https://developer.work.weixin.qq.com/document/path/95402) or an e-mail
 * (user/get_userid_by_email, https://developer.work.weixin.qq.com/document/path/95895; email_type 1 =
 * corporate, 2 = personal). Unknown or not visible: errcode 46004. Malformed values are refused
 * before asking: wrong lookups count toward WeCom's one-day block.
 */
import type { INodeParameters } from 'n8n-workflow';

import { NodeApiError } from 'n8n-workflow';

import { CARD_NODE_TYPE, startEngineFixture } from './fixtures';
import type { EngineFixture } from './fixtures';
import { startStubOrigin } from './stubOrigin';

const byMobile = (mobile: string): INodeParameters => ({
	resource: 'contact',
	operation: 'findUser',
	findBy: 'mobile',
	mobile,
});
const byEmail = (email: string, emailType?: number): INodeParameters => ({
	resource: 'contact',
	operation: 'findUser',
	findBy: 'email',
	email,
	...(emailType && { emailType }),
});

describe('Contact › Find User', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});
	afterEach(async () => {
		await fixture.close();
	});

	const calls = (path: string) => fixture.sandbox.stats().calls[path] ?? 0;

	it('fails clearly when WeCom answers errcode 0 without a userid', async () => {
		const stub = await startStubOrigin(fixture.sandbox.url);
		stub.rewrite('/cgi-bin/user/get_userid_by_email', ({ userid: _userid, ...rest }) => rest);
		fixture.harness.credentials.add({
			id: 'via-stub',
			name: 'WeCom via stub',
			type: 'weComApi',
			data: fixture.credentialData({ baseUrl: stub.url }),
		});
		try {
			const run = await fixture.harness.runNode({
				type: CARD_NODE_TYPE,
				parameters: byEmail('bob@sandbox-corp.example'),
				credentials: { weComApi: { id: 'via-stub', name: 'WeCom via stub' } },
			});

			expect(run.error).toBeInstanceOf(NodeApiError);
			expect(run.error?.message).toMatch(/without a userid/);
			expect(run.items).toEqual([]);
		} finally {
			await stub.close();
		}
	});

	it.each(['={{ 3 }}', '={{ "personal" }}'])('refuses E-Mail Type %s before asking WeCom', async (emailType) => {
		const run = await fixture.runCardNode({ ...byEmail('bob@sandbox-corp.example'), emailType });

		expect(run.error?.message).toMatch(/^E-Mail Type ".*" is not valid: 1 \(corporate e-mail\) or 2/);
		expect(calls('/cgi-bin/user/get_userid_by_email')).toBe(0);
	});

	it('does not speak of a message being delivered when a lookup gets no WeCom answer', async () => {
		fixture.sandbox.faults.add({ path: '/cgi-bin/user/getuserid', kind: 'html200' });
		const run = await fixture.runCardNode(byMobile('13800000001'));

		const description = String((run.error as { description?: string }).description);
		expect(run.error?.message).toMatch(/did not answer with its/);
		expect(description).not.toMatch(/message|delivered/i);
	});

	it('answers the userid for a mobile', async () => {
		const run = await fixture.runCardNode(byMobile('13800000001'));

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json)).toEqual([{ userid: 'alice', mobile: '13800000001' }]);
		expect(calls('/cgi-bin/user/getuserid')).toBe(1);
	});

	it('drops spaces in the mobile, and reads it per item', async () => {
		const run = await fixture.runCardNode(byMobile('={{ $json.phone }}'), [
			{ json: { phone: '138 0000 0002' } },
			{ json: { phone: '+852-61234567' } },
		]);

		expect(run.items.map((item) => item.json.userid)).toEqual(['bob', 'carol']);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it.each([
		['a corporate e-mail (the default type)', 'alice@sandbox-corp.example', undefined, 'alice'],
		['a personal e-mail', 'bob@example.com', 2, 'bob'],
	])('answers the userid for %s', async (_case, email, emailType, userid) => {
		const run = await fixture.runCardNode(byEmail(email, emailType));

		expect(run.items[0].json).toEqual({ userid, email, email_type: emailType ?? 1 });
		expect(calls('/cgi-bin/user/get_userid_by_email')).toBe(1);
	});

	it.each([
		['an unknown mobile', byMobile('13999999999'), 'the mobile 13999999999'],
		['a member outside the visible range', byMobile('13800000004'), 'the mobile 13800000004'],
		['a personal e-mail looked up as corporate', byEmail('alice@example.com'), 'the e-mail alice@example.com'],
	])('fails clearly for %s (46004), sending nothing else', async (_case, parameters, what) => {
		const run = await fixture.runCardNode(parameters);

		expect(run.error?.message).toBe(`WeCom error 46004: No member with ${what} in the app's visible range`);
		expect((run.error as { description?: string }).description).toContain('visible range');
		expect(fixture.sandbox.messages()).toEqual([]);
	});

	it('reports 46004 in the item under continue-on-fail and goes on with the next item', async () => {
		const run = await fixture.runCardNode(
			byMobile('={{ $json.phone }}'),
			[{ json: { phone: '13999999999' } }, { json: { phone: '13800000001' } }],
			true,
		);

		expect(run.items[0].json).toMatchObject({ errcode: 46004 });
		expect(run.items[1].json).toEqual({ userid: 'alice', mobile: '13800000001' });
	});

	it.each([
		['letters in the mobile', byMobile('call-me-maybe'), /^Mobile "call-me-maybe" is not valid/],
		['a mobile over 32 characters', byMobile('1'.repeat(33)), /^Mobile "1{33}" is not valid/],
		['a mobile that resolves to nothing', byMobile('={{ $json.phone }}'), /^Mobile "" is not valid/],
		['an e-mail without @', byEmail('alice.example.com'), /^E-Mail "alice.example.com" is not valid/],
		['an e-mail over 64 characters', byEmail(`${'a'.repeat(60)}@example.com`), /^E-Mail "a+@example.com" is not valid/],
	])('refuses %s before asking WeCom', async (_case, parameters, message) => {
		const run = await fixture.runCardNode(parameters);

		expect(run.error?.message).toMatch(message);
		expect(calls('/cgi-bin/user/getuserid') + calls('/cgi-bin/user/get_userid_by_email')).toBe(0);
	});
});
