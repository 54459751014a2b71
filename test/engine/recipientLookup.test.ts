/**
 * Users entries `mobile:` and `email:` in Send Template Card and Send and Wait: looked up once per
 * execution per value (user/getuserid, https://developer.work.weixin.qq.com/document/path/95402;
 * user/get_userid_by_email, https://developer.work.weixin.qq.com/document/path/95895), replaced by
 * the userid; the ones WeCom knows no member for (46004) are reported in invaliduser, as WeCom
 * reports unknown userids (https://developer.work.weixin.qq.com/document/path/90236).
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { CARD_NODE_TYPE, emptyItems, textNoticeParameters, useFreshEngineFixture } from './fixtures';
import { startStubOrigin, type StubOrigin } from './stubOrigin';

function hintsOf(run: {
	raw: { data: { resultData: { runData: Record<string, { hints?: { message: string }[] }[]> } } };
}) {
	return Object.values(run.raw.data.resultData.runData).flatMap((tasks) => tasks.flatMap((task) => task.hints ?? []));
}

describe('mobile: and email: recipients', () => {
	const fixture = useFreshEngineFixture();
	const { sends, calls } = fixture;
	const lookups = () => calls('/cgi-bin/user/getuserid') + calls('/cgi-bin/user/get_userid_by_email');
	const send = (toUser: string, extra: INodeParameters = {}, items?: INodeExecutionData[], continueOnFail?: boolean) =>
		fixture.runCardNode({ ...textNoticeParameters(toUser), ...extra }, items, continueOnFail);

	it('sends to the members found, next to plain userids', async () => {
		const run = await send('mobile:13800000001|email:bob@sandbox-corp.example|carol');

		expect(run.error).toBeUndefined();
		expect(sends().map((message) => message.touser)).toEqual([['alice', 'bob', 'carol']]);
		expect(run.items[0].json.invaliduser).toEqual([]);
	});

	it('reports what finds nobody in invaliduser (with a hint) and sends to the rest', async () => {
		const run = await send('alice|mobile:13999999999|email:nobody@sandbox-corp.example|mobile:13800000004|mobile:abc');

		expect(sends().map((message) => message.touser)).toEqual([['alice']]);
		expect(run.items[0].json.invaliduser).toEqual([
			'mobile:13999999999',
			'email:nobody@sandbox-corp.example',
			'mobile:13800000004',
			'mobile:abc',
		]);
		expect(hintsOf(run).map((hint) => hint.message)).toEqual([
			expect.stringContaining('did not deliver to 4 recipient(s)'),
		]);
		// The malformed one is never asked: wrong lookups count toward WeCom's daily block.
		expect(calls('/cgi-bin/user/getuserid')).toBe(2);
	});

	it('sends to a member once when named by userid and by mobile', async () => {
		await send('alice|mobile:138 0000 0001|MOBILE:13800000001');

		expect(sends().map((message) => message.touser)).toEqual([['alice']]);
		expect(calls('/cgi-bin/user/getuserid')).toBe(1);
	});

	it('fails with nothing sent when no recipient is left', async () => {
		const run = await send('mobile:13999999999|email:nobody@sandbox-corp.example');

		expect(run.error?.message).toBe('No member found for mobile:13999999999, email:nobody@sandbox-corp.example');
		expect(sends()).toEqual([]);
	});

	it('still sends to departments and tags when no user is found', async () => {
		const run = await send('mobile:13999999999', { toParty: '2' });

		expect(run.error).toBeUndefined();
		expect(sends().map((message) => [message.touser, message.toparty])).toEqual([[[], ['2']]]);
		expect(run.items[0].json.invaliduser).toEqual(['mobile:13999999999']);
	});

	it('reads email: entries as personal addresses when the option says so', async () => {
		await send('email:alice@example.com', { options: { recipientEmailType: 2 } });

		expect(sends().map((message) => message.touser)).toEqual([['alice']]);
	});

	it('refuses an E-Mail Recipients Are that is neither 1 nor 2 before any lookup', async () => {
		const run = await send('email:bob@sandbox-corp.example', { options: { recipientEmailType: '={{ "x" }}' } });

		expect(run.error?.message).toMatch(/^Options › E-Mail Recipients Are must be 1 \(corporate e-mail\) or 2/);
		expect(lookups()).toBe(0);
		expect(sends()).toEqual([]);
	});

	it('asks once per execution for a value that repeats over 50 items', async () => {
		const run = await send('={{ "mobile:13800000002|alice" }}', {}, emptyItems(50));

		expect(run.error).toBeUndefined();
		expect(sends()).toHaveLength(50);
		expect(sends().every((message) => message.touser.join() === 'bob,alice')).toBe(true);
		expect(lookups()).toBe(1);
	});

	it('asks again in the next execution', async () => {
		await send('mobile:13800000002');
		await send('mobile:13800000002');

		expect(lookups()).toBe(2);
	});

	it('asks once for a value that finds nobody, and reports it on every item', async () => {
		const run = await send('={{ "alice|email:gone@sandbox-corp.example" }}', {}, emptyItems(5));

		expect(run.items.map((item) => item.json.invaliduser)).toEqual(
			Array.from({ length: 5 }, () => ['email:gone@sandbox-corp.example']),
		);
		expect(lookups()).toBe(1);
	});

	it('fails the item (not the value) when the lookup fails otherwise, and asks again for the next item', async () => {
		fixture.sandbox.faults.add({ path: '/cgi-bin/user/getuserid', kind: 'errcode', errcode: 45009, times: 1 });
		const run = await send('mobile:13800000002', { options: { concurrency: 1 } }, emptyItems(2), true);

		expect(run.items[0].json).toMatchObject({ errcode: 45009 });
		expect(run.items[1].json).toMatchObject({ invaliduser: [] });
		expect(sends()).toHaveLength(1);
		expect(lookups()).toBe(2);
	});

	it('resolves Send and Wait recipients too', async () => {
		const run = await fixture.runCardNode({
			resource: 'message',
			operation: 'sendAndWait',
			toUser: 'email:carol@sandbox-corp.example|mobile:13999999999',
			title: 'Deploy?',
		});

		expect(run.status).toBe('waiting');
		expect(sends().map((message) => message.touser)).toEqual([['carol']]);
	});
});

describe('lookups at WeCom', () => {
	const fixture = useFreshEngineFixture();
	const MOBILE_PATH = '/cgi-bin/user/getuserid';
	let stub: StubOrigin;
	beforeEach(async () => {
		stub = await startStubOrigin(fixture.sandbox.url);
		stub.delay(MOBILE_PATH, 20);
		fixture.harness.credentials.add({
			id: 'via-stub',
			name: 'WeCom via stub',
			type: 'weComApi',
			data: fixture.credentialData({ baseUrl: stub.url }),
		});
	});
	afterEach(async () => await stub.close());

	const run = async (toUser: string, items = emptyItems(1), options = {}) =>
		await fixture.harness.runNode({
			type: CARD_NODE_TYPE,
			parameters: { ...textNoticeParameters(toUser), options },
			credentials: { weComApi: { id: 'via-stub', name: 'WeCom via stub' } },
			items,
			continueOnFail: true,
		});
	/** mobile: entries of user0001.. (the sandbox lists them as 1390000NNNN). */
	const mobiles = (from: number, count: number) =>
		Array.from({ length: count }, (_, i) => `mobile:1390000${String(from + i).padStart(4, '0')}`).join('|');

	it('asks at most 5 lookups at a time for a list of 1,000 entries', async () => {
		const result = await run(mobiles(1, 1000));

		expect(result.items[0].json.error).toBeUndefined();
		expect(fixture.calls(MOBILE_PATH)).toBe(1000);
		expect(fixture.sends()[0].touser).toHaveLength(1000);
		expect(stub.maxInFlight(MOBILE_PATH)).toBeLessThanOrEqual(5);
	});

	it('keeps to 5 lookups at a time over all items of an execution', async () => {
		const items = Array.from({ length: 20 }, (_, index) => ({ json: { users: mobiles(1 + index * 10, 10) } }));
		const result = await run('={{ $json.users }}', items, { concurrency: 20 });

		expect(result.items.every((item) => item.json.error === undefined)).toBe(true);
		expect(fixture.calls(MOBILE_PATH)).toBe(200);
		expect(stub.maxInFlight(MOBILE_PATH)).toBeLessThanOrEqual(5);
	});

	it('fails the queued lookups with the first one that got no answer, instead of waiting out a timeout each', async () => {
		// WeCom hangs: every lookup would wait for the 10 s request timeout, 5 at a time.
		fixture.sandbox.faults.add({ path: MOBILE_PATH, kind: 'slow', delayMs: 15_000 });
		const items = Array.from({ length: 10 }, (_, index) => ({ json: { users: mobiles(1 + index * 5, 5) } }));
		const started = Date.now();
		const result = await run('={{ $json.users }}', items, { concurrency: 10 });

		expect(Date.now() - started).toBeLessThan(25_000);
		expect(result.items.every((item) => /Nothing was sent/.test(String(item.json.errorDescription)))).toBe(true);
		expect(fixture.calls(MOBILE_PATH)).toBe(5);
		expect(fixture.sends()).toEqual([]);
	}, 60_000);

	it('reports an errcode 0 answer without a userid as unresolved, never as "undefined"', async () => {
		stub.rewrite(MOBILE_PATH, ({ userid: _userid, ...rest }) => rest);
		const result = await run('alice|mobile:13800000002');

		expect(result.items[0].json.invaliduser).toEqual(['mobile:13800000002']);
		expect(fixture.sends().map((message) => message.touser)).toEqual([['alice']]);
	});

	it.each(['@all', 'alice|bob', 'bob\n', '-bob', 'x'.repeat(65)])(
		'never sends to a userid WeCom cannot have (%p) that a lookup answered',
		async (userid) => {
			stub.rewrite(MOBILE_PATH, (answer) => ({ ...answer, userid }));
			const result = await run('carol|mobile:13800000002');

			expect(result.items[0].json.invaliduser).toEqual(['mobile:13800000002']);
			expect(fixture.sends().map((message) => message.touser)).toEqual([['carol']]);
		},
	);

	it('says nothing was sent when a lookup gets no WeCom answer', async () => {
		fixture.sandbox.faults.add({ path: MOBILE_PATH, kind: 'html200' });
		const result = await run('mobile:13800000002');

		const { error, errorDescription } = result.items[0].json as { error: string; errorDescription: string };
		expect(`${error} ${errorDescription}`).not.toMatch(/may or may not/i);
		expect(errorDescription).toMatch(/Nothing was sent/);
		expect(`${error} ${errorDescription}`).toContain('mobile:13800000002');
		expect(fixture.sends()).toEqual([]);
	});
});
