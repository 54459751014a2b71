/**
 * Token lifecycle as WeCom documents it (https://developer.work.weixin.qq.com/document/path/91039):
 * the same token until it expires (the page's 2020 wording), short lifetimes for tests, expiry
 * forced at any moment (42001, not 40014), and a secret reset in the admin console (the old secret
 * answers 40001).
 */
import { sleep } from 'n8n-workflow';

import {
	callSandbox,
	DEMO_AGENT_ID,
	DEMO_CORP,
	DEMO_CORP_ID,
	DEMO_SECRET,
	sandboxControl,
	startSandbox,
} from '../../sandbox';
import type { Sandbox } from '../../sandbox';

const NEW_SECRET = 'RotatedSandboxSecret-not-a-real-wecom-secret';

describe('sandbox: token lifecycle', () => {
	let sandbox: Sandbox;
	let now = Date.UTC(2026, 0, 1);

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: () => now, tokenTtlSeconds: 3 });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const gettoken = async (secret = DEMO_SECRET) =>
		(
			await callSandbox(sandbox.url, '/cgi-bin/gettoken', {
				query: { corpid: DEMO_CORP_ID, corpsecret: secret },
			})
		).json;
	const probe = async (token: unknown) =>
		(
			await callSandbox(sandbox.url, '/cgi-bin/get_api_domain_ip', {
				query: { access_token: String(token) },
			})
		).json.errcode;

	it('returns the same token, counting down, until a 3 s lifetime ends; then a new one the same way', async () => {
		const answers = [];
		for (let second = 0; second < 3; second++) {
			answers.push(await gettoken());
			now += 1000;
		}
		const first = answers[0].access_token;
		expect(answers.map((a) => a.access_token)).toEqual([first, first, first]);
		expect(answers.map((a) => a.expires_in)).toEqual([3, 2, 1]);
		expect(await probe(first)).toBe(42001);

		const next = await gettoken();
		expect(next.access_token).not.toBe(first);
		expect(next.expires_in).toBe(3);
		now += 2500;
		expect((await gettoken()).access_token).toBe(next.access_token);
		expect(await probe(next.access_token)).toBe(0);
		expect(sandbox.stats()).toMatchObject({ gettoken: 5, tokensIssued: 2 });
	});

	it('expires every issued token now: 42001 (not 40014), and gettoken mints a new one', async () => {
		const old = (await gettoken()).access_token;
		sandbox.expireTokens();
		expect(await probe(old)).toBe(42001);
		const fresh = await gettoken();
		expect(fresh.access_token).not.toBe(old);
		expect(fresh.expires_in).toBe(3);
		expect(await probe(fresh.access_token)).toBe(0);
		// Invalidation stays a different thing: 40014.
		sandbox.invalidateTokens();
		expect(await probe(fresh.access_token)).toBe(40014);
	});

	it('rotates a secret: the old one answers 40001, the new one a new token, issued tokens live until expiry', async () => {
		const issued = (await gettoken()).access_token;
		sandbox.rotateSecret(DEMO_CORP_ID, DEMO_AGENT_ID, NEW_SECRET);
		try {
			expect((await gettoken()).errcode).toBe(40001);
			const fresh = await gettoken(NEW_SECRET);
			expect(fresh).toMatchObject({ errcode: 0, expires_in: 3 });
			expect(fresh.access_token).not.toBe(issued);
			expect(await probe(issued)).toBe(0);
			now += 3000;
			expect(await probe(issued)).toBe(42001);
			// Rotation is configuration: reset() keeps it.
			sandbox.reset();
			expect((await gettoken()).errcode).toBe(40001);
		} finally {
			sandbox.rotateSecret(DEMO_CORP_ID, DEMO_AGENT_ID, DEMO_SECRET);
		}
		expect((await gettoken()).errcode).toBe(0);
	});

	it('refuses a rotation to nothing, to an unknown app, or to another app’s secret', async () => {
		const twoApps = await startSandbox({
			corps: [
				{
					...DEMO_CORP,
					apps: [
						{ agentId: 1, secret: 's1' },
						{ agentId: 2, secret: 's2' },
					],
				},
			],
		});
		try {
			expect(() => twoApps.rotateSecret(DEMO_CORP_ID, 1, '')).toThrow(/non-empty/);
			expect(() => twoApps.rotateSecret(DEMO_CORP_ID, 3, 'x')).toThrow(/no app 3/);
			expect(() => twoApps.rotateSecret('wwnone', 1, 'x')).toThrow(/no app 1/);
			expect(() => twoApps.rotateSecret(DEMO_CORP_ID, 1, 's2')).toThrow(/another app/);
		} finally {
			await twoApps.close();
		}
	});

	it('is driven over HTTP: expire-tokens and rotate-secret', async () => {
		const control = sandboxControl(sandbox.url);
		const old = (await gettoken()).access_token;
		expect(await control.expireTokens()).toEqual({ ok: true });
		expect(await probe(old)).toBe(42001);
		expect(await control.rotateSecret(DEMO_CORP_ID, DEMO_AGENT_ID, NEW_SECRET)).toEqual({ ok: true });
		try {
			expect((await gettoken()).errcode).toBe(40001);
			expect((await gettoken(NEW_SECRET)).errcode).toBe(0);
			expect(await control.rotateSecret(DEMO_CORP_ID, 42, 'x')).toMatchObject({ ok: false });
		} finally {
			await control.rotateSecret(DEMO_CORP_ID, DEMO_AGENT_ID, DEMO_SECRET);
		}
	});

	it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses tokenTtlSeconds %p', async (ttl) => {
		await expect(startSandbox({ tokenTtlSeconds: ttl })).rejects.toThrow(/tokenTtlSeconds/);
	});

	it('lives 2 s on the real clock (what an end-to-end run uses)', async () => {
		const real = await startSandbox({ tokenTtlSeconds: 2 });
		try {
			const first = await callSandbox(real.url, '/cgi-bin/gettoken', {
				query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
			});
			expect(first.json.expires_in).toBe(2);
			await sleep(2100);
			const probeReal = await callSandbox(real.url, '/cgi-bin/get_api_domain_ip', {
				query: { access_token: String(first.json.access_token) },
			});
			expect(probeReal.json.errcode).toBe(42001);
		} finally {
			await real.close();
		}
	});
});
