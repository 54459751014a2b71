import { describeErrcode } from '../../nodes/WeCom/shared/errorCodes';
import { callSandbox, DEMO_CORP, DEMO_CORP_ID, DEMO_SECRET, startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';

const ERRMSG_SHAPE =
	/^.+, hint: \[[0-9a-f]+\], from ip: 127\.0\.0\.1, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=-?\d+$/;

describe('sandbox: gettoken and token checks', () => {
	let sandbox: Sandbox;
	let now = Date.UTC(2026, 0, 1);

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: () => now });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const gettoken = (query: Record<string, string | undefined>) =>
		callSandbox(sandbox.url, '/cgi-bin/gettoken', { query });
	const demoToken = async (): Promise<string> =>
		(await gettoken({ corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET })).json.access_token as string;
	const domainIp = (token?: string) =>
		callSandbox(sandbox.url, '/cgi-bin/get_api_domain_ip', { query: { access_token: token } });

	it('issues a long random token with its lifetime', async () => {
		const { status, json } = await gettoken({ corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET });
		expect(status).toBe(200);
		expect(json).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 7200 });
		expect(String(json.access_token).length).toBeGreaterThanOrEqual(64);
		expect(sandbox.issuedTokens()).toContain(json.access_token);
		expect(sandbox.stats().gettoken).toBe(1);
	});

	it('returns the same token within its validity, with the remaining lifetime', async () => {
		const first = await demoToken();
		now += 1000 * 1000;
		const again = await gettoken({ corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET });
		expect(again.json.access_token).toBe(first);
		expect(again.json.expires_in).toBe(6200);
		expect(sandbox.stats().tokensIssued).toBe(1);
	});

	it.each([
		[{ corpsecret: DEMO_SECRET }, 41002],
		[{ corpid: DEMO_CORP_ID }, 41004],
		[{ corpid: 'wwunknown', corpsecret: DEMO_SECRET }, 40013],
		[{ corpid: DEMO_CORP_ID, corpsecret: 'wrong' }, 40001],
	])('rejects %j with %i', async (query, errcode) => {
		const { json } = await gettoken(query);
		expect(json.errcode).toBe(errcode);
		expect(json.errmsg).toMatch(ERRMSG_SHAPE);
		expect(json.access_token).toBeUndefined();
	});

	it('takes the errmsg meaning from the shared errcode table', async () => {
		const { json } = await gettoken({ corpid: DEMO_CORP_ID, corpsecret: 'wrong' });
		expect(json.errmsg).toMatch(new RegExp(`^${describeErrcode(40001).meaning}, hint: `));
		expect(json.errmsg).not.toBe((await gettoken({ corpid: DEMO_CORP_ID, corpsecret: 'wrong' })).json.errmsg);
	});

	it('accepts a token on get_api_domain_ip', async () => {
		const { json } = await domainIp(await demoToken());
		expect(json).toMatchObject({ errcode: 0, errmsg: 'ok' });
		expect(Array.isArray(json.ip_list)).toBe(true);
	});

	it('answers 41001 without a token and 40014 for an unknown one', async () => {
		expect((await domainIp()).json.errcode).toBe(41001);
		expect((await domainIp('not-a-token')).json.errcode).toBe(40014);
	});

	it('answers 42001 after expiry and then mints a new token', async () => {
		const old = await demoToken();
		now += 7200 * 1000;
		expect((await domainIp(old)).json.errcode).toBe(42001);
		const fresh = await demoToken();
		expect(fresh).not.toBe(old);
		expect((await domainIp(fresh)).json.errcode).toBe(0);
	});

	it('answers 40014 after early invalidation and after reset, and keeps the token history', async () => {
		const first = await demoToken();
		sandbox.invalidateTokens();
		expect((await domainIp(first)).json.errcode).toBe(40014);
		const second = await demoToken();
		expect(second).not.toBe(first);
		sandbox.reset();
		expect((await domainIp(second)).json.errcode).toBe(40014);
		// The history survives reset(): leak scans must see every token ever handed out.
		expect(sandbox.issuedTokens().slice(-2)).toEqual([first, second]);
	});

	it('mints one token per app', async () => {
		const corp = {
			...DEMO_CORP,
			corpId: 'wwtwoapps',
			apps: [
				{ agentId: 1, secret: 's1' },
				{ agentId: 2, secret: 's2' },
			],
		};
		const two = await startSandbox({ corps: [corp] });
		try {
			const one = await callSandbox(two.url, '/cgi-bin/gettoken', {
				query: { corpid: 'wwtwoapps', corpsecret: 's1' },
			});
			const other = await callSandbox(two.url, '/cgi-bin/gettoken', {
				query: { corpid: 'wwtwoapps', corpsecret: 's2' },
			});
			expect(one.json.access_token).not.toBe(other.json.access_token);
		} finally {
			await two.close();
		}
	});
});

describe('sandbox: trusted IPs', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ trustedIps: ['203.0.113.7'] });
	});
	afterAll(() => sandbox.close());

	it('answers 60020 quoting the caller IP like WeCom', async () => {
		const { json } = await callSandbox(sandbox.url, '/cgi-bin/gettoken', {
			query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
		});
		expect(json.errcode).toBe(60020);
		expect(json.errmsg).toMatch(ERRMSG_SHAPE);
		expect(json.errmsg).toContain('from ip: 127.0.0.1,');
		expect(json.errmsg).toContain('devtool/query?e=60020');
	});
});
