/**
 * Custom API Call answers that echo the request (a proxy, a debugging gateway, an API that repeats
 * its input): the access_token or the robot key in the answer must not reach the item's output,
 * just as they never reach an error.
 */
import { DEMO_ROBOT_KEY } from '../../sandbox';
import { startMediaFixture, type MediaFixture } from './mediaFixture';
import { startStubOrigin, type StubOrigin } from './stubOrigin';

describe('Custom API Call answers that echo the request', () => {
	let fixture: MediaFixture;
	let stub: StubOrigin;
	beforeAll(async () => {
		fixture = await startMediaFixture();
	});
	afterAll(async () => await fixture.close());
	beforeEach(async () => {
		fixture.sandbox.reset();
		stub = await startStubOrigin(fixture.sandbox.url);
		fixture.useOrigin(stub.url);
	});
	afterEach(async () => await stub.close());

	const echo = (answer: Record<string, unknown>, url: URL) => ({
		...answer,
		request: `${url.pathname}${url.search}`,
		query: Object.fromEntries(url.searchParams),
		errmsg: `ok, seen ${url.search}`,
	});

	it('keeps the access_token out of an app call’s output', async () => {
		stub.rewrite('/cgi-bin/get_api_domain_ip', echo);
		const run = await fixture.run({
			resource: 'customApiCall',
			operation: 'customApiCall',
			customMethod: 'GET',
			customPath: 'get_api_domain_ip',
			customQuery: '{"lang": "en"}',
		});

		expect(run.error).toBeUndefined();
		const tokens = fixture.sandbox.issuedTokens();
		expect(tokens.length).toBeGreaterThan(0);
		const output = JSON.stringify(run.items[0].json);
		for (const token of tokens) expect(output).not.toContain(token);
		expect(run.items[0].json).toMatchObject({ errcode: 0, query: { lang: 'en' } });
	});

	it('keeps the robot key out of a robot call’s output', async () => {
		stub.rewrite('/cgi-bin/webhook/send', echo);
		const run = await fixture.run({
			resource: 'robot',
			operation: 'customApiCall',
			customPath: 'send',
			customBody: JSON.stringify({ msgtype: 'text', text: { content: 'hi' } }),
		});

		expect(run.error).toBeUndefined();
		expect(JSON.stringify(run.items[0].json)).not.toContain(DEMO_ROBOT_KEY);
		expect(run.items[0].json).toMatchObject({ errcode: 0 });
	});
});
