/**
 * Custom API Call through the engine against the sandbox: any WeCom path with the credential's
 * managed token (replaced when WeCom refuses it mid-run), the retry policy, errcodes explained,
 * paths and queries that would send the token elsewhere refused before anything is sent; the
 * group robot's variant with its key; and n8n's own "Custom API Call" entry replaced by ours.
 */
import type { INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { ROBOT_MESSAGES_PER_MINUTE } from '../../nodes/WeCom/shared/limits';
import { DEMO_AGENT_ID, DEMO_ROBOT_KEY, sampleTextNotice } from '../../sandbox';
import type { SandboxStats } from '../../sandbox';
import { startMediaFixture, type MediaFixture } from './mediaFixture';

const TOKEN_LIFETIME_MS = 7200 * 1000;

const call = (extra: INodeParameters, resource = 'customApiCall'): INodeParameters => ({
	resource,
	operation: 'customApiCall',
	...extra,
});
const items = (count: number) => Array.from({ length: count }, (_, index) => ({ json: { index } }));

describe('Custom API Call', () => {
	let fixture: MediaFixture;
	beforeAll(async () => {
		fixture = await startMediaFixture();
	});
	afterAll(async () => await fixture.close());
	/** Counters after a first call that left a valid token in the credential (a reset voids tokens). */
	let before: SandboxStats;
	beforeEach(async () => {
		fixture.sandbox.reset();
		expect((await fixture.run(call({ customMethod: 'GET', customPath: 'get_api_domain_ip' }))).error).toBeUndefined();
		before = fixture.sandbox.stats();
	});

	const since = () => {
		const now = fixture.sandbox.stats();
		const delta = (a: Record<string, number>, b: Record<string, number>) =>
			Object.fromEntries(
				Object.entries(a).flatMap(([key, value]) => (value === b[key] ? [] : [[key, value - (b[key] ?? 0)]])),
			);
		return {
			calls: delta(now.calls, before.calls),
			errcodes: delta(now.errcodes, before.errcodes),
			gettoken: now.gettoken - before.gettoken,
		};
	};

	it.each(['/cgi-bin/get_api_domain_ip', 'cgi-bin/get_api_domain_ip', 'get_api_domain_ip'])(
		'GETs %s with the managed token and outputs the answer',
		async (customPath) => {
			const run = await fixture.run(call({ customMethod: 'GET', customPath }));
			expect(run.error).toBeUndefined();
			expect(run.items[0].json).toMatchObject({ errcode: 0 });
			expect(Array.isArray(run.items[0].json.ip_list)).toBe(true);
		},
	);

	it('POSTs a JSON body (a text message) from the App Message resource’s entry', async () => {
		const body = { touser: 'alice', msgtype: 'text', agentid: DEMO_AGENT_ID, text: { content: 'hello' } };
		const run = await fixture.run(
			call({ customMethod: 'POST', customPath: '/cgi-bin/message/send', customBody: JSON.stringify(body) }, 'message'),
		);
		expect(run.error).toBeUndefined();
		expect(typeof run.items[0].json.msgid).toBe('string');
		expect(fixture.sandbox.messages()[0]).toMatchObject({ msgtype: 'text', touser: ['alice'] });
	});

	it('explains an errcode in the error', async () => {
		const body = { touser: 'alice', msgtype: 'text', text: { content: 'hello' } };
		const run = await fixture.run(
			call({ customMethod: 'POST', customPath: 'message/send', customBody: JSON.stringify(body) }),
		);
		expect((run.error as { errcode?: number }).errcode).toBe(41011);
		expect(`${run.error?.message} ${(run.error as { description?: string }).description}`).toMatch(/agentid/i);
	});

	it('replaces a token WeCom refuses in the middle of a run (40014), each item sent once', async () => {
		fixture.sandbox.faults.add({ kind: 'invalidateTokens', path: '/cgi-bin/get_api_domain_ip', every: 3, times: 1 });
		const run = await fixture.run(call({ customMethod: 'GET', customPath: 'get_api_domain_ip' }), items(5));
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.errcode)).toEqual([0, 0, 0, 0, 0]);
		// Items in flight when the token was voided are refused too; one new token serves them all,
		// and each refused call is sent again once.
		const { calls, errcodes, gettoken } = since();
		expect(gettoken).toBe(1);
		expect(errcodes['40014']).toBeGreaterThanOrEqual(1);
		expect(errcodes['0']).toBe(5 + 1);
		expect(calls['/cgi-bin/get_api_domain_ip']).toBe(5 + errcodes['40014']);
	});

	it('replaces a token that expired for WeCom (42001) while n8n still thought it valid', async () => {
		fixture.sandbox.advanceClock(TOKEN_LIFETIME_MS + 1000);
		const run = await fixture.run(call({ customMethod: 'GET', customPath: 'get_api_domain_ip' }), items(3));
		expect(run.error).toBeUndefined();
		expect(since().errcodes['42001']).toBeGreaterThanOrEqual(1);
		expect(since().gettoken).toBe(1);
		expect(since().errcodes['0']).toBe(3 + 1);
	});

	it('retries "system busy" (-1) under the retry policy', async () => {
		fixture.sandbox.faults.add({ kind: 'errcode', errcode: -1, path: '/cgi-bin/get_api_domain_ip', times: 1 });
		const run = await fixture.run(
			call({ customMethod: 'GET', customPath: 'get_api_domain_ip', options: { retryBaseDelayMs: 0 } }),
		);
		expect(run.error).toBeUndefined();
		expect(since().calls).toEqual({ '/cgi-bin/get_api_domain_ip': 2 });
	});

	it.each([
		[
			'a URL',
			{ customPath: 'https://example.com/cgi-bin/user/get' },
			/^Path must be a path such as \/cgi-bin\/\.\.\., not a URL/,
		],
		['a host-relative URL', { customPath: '//example.com/cgi-bin/user/get' }, /not a URL/],
		['a query in the path', { customPath: '/cgi-bin/user/get?userid=alice' }, /must not contain "\?" or "#"/],
		['a ".." segment', { customPath: '/cgi-bin/../sandbox/state' }, /"\." or "\.\." segments/],
		['an encoded slash', { customPath: '/cgi-bin/user%2Fget' }, /encoded dots and slashes/],
		['gettoken', { customPath: 'gettoken' }, /the credential manages the access token/],
		// URL parsers drop tabs and line breaks: these would become "/gettoken" and "/cgi-bin/gettoken".
		['a ".." split by a tab', { customPath: '/cgi-bin/.\t./gettoken' }, /may contain only letters/],
		['gettoken split by a line break', { customPath: 'get\ntoken' }, /may contain only letters/],
		['gettoken behind an empty segment', { customPath: '/cgi-bin//gettoken' }, /empty segments/],
		['a double-encoded dot', { customPath: '/cgi-bin/%252e%252e/gettoken' }, /may contain only letters/],
		['a full-width dot segment', { customPath: '/cgi-bin/\uff0e\uff0e/gettoken' }, /may contain only letters/],
		['an empty path', { customPath: ' ' }, /^Path is empty/],
		[
			'access_token in the query',
			{ customPath: 'user/get', customQuery: '{"access_token":"x"}' },
			/must not contain "access_token"/,
		],
		['a query that is not an object', { customPath: 'user/get', customQuery: '[1]' }, /must be a JSON object/],
		[
			'access_token[] in the query (servers may read it as access_token)',
			{ customPath: 'user/get', customQuery: '{"access_token[]":"x"}' },
			/must not contain "access_token\[\]"/,
		],
		[
			'a key with a control character in the query',
			{ customPath: 'user/get', customQuery: '{"key\\u0000":"x"}' },
			/must not contain "key/,
		],
		[
			'a query value that is an object (it would be sent as "[object Object]")',
			{ customPath: 'user/get', customQuery: '{"userid":{"id":"alice"}}' },
			/Query Parameters \(JSON\) "userid" must be a string, number or boolean/,
		],
		['a body that is not JSON', { customPath: 'user/get', customBody: '{oops' }, /^Body \(JSON\) is not valid JSON/],
	])('refuses %s before anything is sent', async (_label, extra, message) => {
		const run = await fixture.run(call({ customMethod: 'POST', ...extra }));
		expect(run.error?.message).toMatch(message);
		expect(since().calls).toEqual({});
	});

	it.each([
		['maxAttempts', '={{ "abc" }}', /Options › Max Attempts must be a whole number from 1 to 10, not "abc"/],
		['maxAttempts', '={{ Infinity }}', /Max Attempts must be a whole number from 1 to 10/],
		['maxAttempts', '={{ 2.5 }}', /Max Attempts must be a whole number/],
		['maxAttempts', '={{ 0 }}', /Max Attempts must be a whole number/],
		[
			'requestTimeoutMs',
			'={{ "soon" }}',
			/Options › Request Timeout \(Ms\) must be a whole number from 100 to 86400000/,
		],
		// Node's timers take whole milliseconds up to about 24.8 days: 150.5 threw, 2^31 fired at once.
		[
			'requestTimeoutMs',
			'={{ 150.5 }}',
			/Request Timeout \(Ms\) must be a whole number from 100 to 86400000, not 150.5/,
		],
		['requestTimeoutMs', '={{ 2 ** 31 }}', /Request Timeout \(Ms\) must be a whole number from 100 to 86400000/],
		['retryBaseDelayMs', '={{ -5 }}', /Options › Retry Base Delay \(Ms\) must be a number of at least 0, not -5/],
		['rateLimitPauseSeconds', '={{ NaN }}', /Options › Rate Limit Pause \(Seconds\) must be a number/],
	])('refuses Options › %s %s from an expression before anything is sent', async (name, value, message) => {
		const run = await fixture.run(
			call({ customMethod: 'GET', customPath: 'get_api_domain_ip', options: { [name]: value } }),
		);
		expect(run.error?.message).toMatch(message);
		expect(since().calls).toEqual({});
	});

	it("calls a group robot API with the robot's key, never showing it", async () => {
		const run = await fixture.run(
			call({ customPath: 'send', customBody: JSON.stringify({ msgtype: 'text', text: { content: 'hi' } }) }, 'robot'),
		);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ errcode: 0 });
		expect(fixture.sandbox.messages()[0]).toMatchObject({ kind: 'robot', msgtype: 'text' });
		expect(JSON.stringify(run.items[0].json)).not.toContain(DEMO_ROBOT_KEY);
	});

	it('keeps robot calls under /cgi-bin/webhook/', async () => {
		const run = await fixture.run(call({ customPath: '/cgi-bin/message/send' }, 'robot'));
		expect(run.error?.message).toBe('Path must be under /cgi-bin/webhook/');
		expect(since().calls).toEqual({});
	});

	it('keeps robot calls under /cgi-bin/webhook/ when a tab splits a ".." (the key would go to another API)', async () => {
		const run = await fixture.run(call({ customPath: '/cgi-bin/webhook/.\t./message/send' }, 'robot'));
		expect(run.error?.message).toMatch(/^Path may contain only letters/);
		expect(since().calls).toEqual({});
	});
});

describe('Custom API Call via the group robot and its 20 messages a minute', () => {
	// Its own sandbox: the limiter is per robot (address and key) for the whole process.
	let fixture: MediaFixture;
	beforeAll(async () => {
		fixture = await startMediaFixture();
	});
	afterAll(async () => await fixture.close());
	const text = JSON.stringify({ msgtype: 'text', text: { content: 'hi' } });

	it('refuses a Max Wait for Rate Limit that is not a number before anything is sent', async () => {
		const run = await fixture.run(
			call({ customPath: 'send', customBody: text, options: { maxRateLimitWaitSeconds: '={{ "a while" }}' } }, 'robot'),
		);
		expect(run.error?.message).toMatch(/Options › Max Wait for Rate Limit \(Seconds\) must be a number of at least 0/);
		expect(fixture.sandbox.stats().calls['/cgi-bin/webhook/send']).toBeUndefined();
	});

	it('keeps to the limit Send Template Card keeps: items beyond it fail unsent, WeCom never answers 45009', async () => {
		const run = await fixture.run(
			call({ customPath: 'send', customBody: text, options: { maxRateLimitWaitSeconds: 5 } }, 'robot'),
			items(22),
			true,
		);

		const failed = run.items.filter((item) => item.json.error);
		expect(failed).toHaveLength(2);
		for (const item of failed) {
			expect(item.json.errcode).toBe(45009);
			expect(item.json.error).toMatch(/Not sent: the group robot's limit of 20 messages per minute is used up/);
		}
		expect(fixture.sandbox.stats().calls['/cgi-bin/webhook/send']).toBe(ROBOT_MESSAGES_PER_MINUTE);
		expect(fixture.sandbox.stats().errcodes['45009']).toBeUndefined();

		// And the robot's own send shares the same minute.
		const card = await fixture.run(
			{
				resource: 'robot',
				operation: 'sendTemplateCard',
				cardInput: 'json',
				cardJson: JSON.stringify(sampleTextNotice()),
				options: { maxRateLimitWaitSeconds: 5 },
			},
			items(1),
			true,
		);
		expect(card.items[0].json.error).toMatch(/Not sent/);
	});
});

describe("n8n's automatic Custom API Call entry", () => {
	// n8n appends its entry (pointing to the HTTP Request node) to every Resource and Operation
	// list that does not already end with an option named "Custom API Call".
	const lists = new WeComTemplateCard().description.properties.filter(
		(property) => ['resource', 'operation'].includes(property.name) && Array.isArray(property.options),
	);

	it.each(lists.map((list) => [list.name, JSON.stringify(list.displayOptions?.show ?? {}), list] as const))(
		'%s list %s ends with our own entry',
		(_name, _shown, list) => {
			const last = (list.options as INodePropertyOptions[]).at(-1);
			expect(last?.name).toBe('Custom API Call');
			expect(last?.value).toBe('customApiCall');
		},
	);
});
