/**
 * The credential owns the access token: fetched once, stored in the credential, refreshed
 * exactly once when WeCom invalidates it, and never retried in a loop on a bad secret.
 */
import { emptyItems, startEngineFixture, textNoticeParameters, CREDENTIAL_ID } from './fixtures';
import type { EngineFixture } from './fixtures';

describe('token handling through the engine', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		// 1,000 cards to one member in seconds: these tests count tokens, not WeCom's per-member limit.
		fixture = await startEngineFixture({ memberLimits: false });
	});

	afterEach(async () => {
		await fixture.close();
	});

	it('fetches the token once for 1,000 items and stores it in the credential', async () => {
		const run = await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(1000));

		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1000);
		expect(
			run.items.every((item, index) => item.pairedItem && (item.pairedItem as { item: number }).item === index),
		).toBe(true);
		expect(new Set(run.items.map((item) => item.json.msgid)).size).toBe(1000);
		expect(fixture.sandbox.stats().gettoken).toBe(1);
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(1000);

		const writes = fixture.harness.credentials.updates;
		expect(writes).toHaveLength(1);
		const [issued] = fixture.sandbox.issuedTokens();
		expect(writes[0].data.accessToken).toBe(issued);
		expect(Number(writes[0].data.accessTokenExpiresAt)).toBeGreaterThan(Date.now());
		// Text, as n8n 1.x needs in a password field (credentials/WeComApi.credentials.ts).
		expect(typeof writes[0].data.accessTokenExpiresAt).toBe('string');
	});

	it('refreshes exactly once when the token is invalidated mid-run, with no failed item', async () => {
		fixture.sandbox.faults.add({ kind: 'invalidateTokens', path: '/cgi-bin/message/send', every: 400, times: 1 });

		const run = await fixture.runCardNode(textNoticeParameters('bob'), emptyItems(1000));

		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1000);
		expect(run.items.filter((item) => item.json.error)).toHaveLength(0);
		expect(fixture.sandbox.stats().gettoken).toBe(2);
		expect(fixture.sandbox.stats().errcodes['40014']).toBeGreaterThanOrEqual(1);
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(1000);

		const stored = fixture.harness.credentials.get(CREDENTIAL_ID).data.accessToken;
		const issued = fixture.sandbox.issuedTokens();
		expect(issued).toHaveLength(2);
		expect(stored).toBe(issued[1]);
		expect(fixture.harness.credentials.updates).toHaveLength(2);
		// Two tokens, yet one connection opened with /cgi-bin/: the kept-alive path's connection test. The
		// request that has n8n obtain a token ends in the credential's authenticate, sent nowhere.
		expect(fixture.sandbox.connections().openedByPath['/cgi-bin/']).toBe(1);
	});

	it('uses the token stored by an earlier execution', async () => {
		await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(3));
		await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(3));

		expect(fixture.sandbox.stats().gettoken).toBe(1);
	});

	it('replaces a token past its stored expiry before sending, and never earlier', async () => {
		await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(1));
		const row = fixture.harness.credentials.get(CREDENTIAL_ID);

		// A minute left: gettoken would hand back the same token, so asking now only costs calls.
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, { ...row.data, accessTokenExpiresAt: Date.now() + 60_000 });
		await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(5));
		expect(fixture.sandbox.stats().gettoken).toBe(1);

		fixture.harness.credentials.replaceData(CREDENTIAL_ID, { ...row.data, accessTokenExpiresAt: Date.now() - 1000 });
		const run = await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(5));

		expect(run.error).toBeUndefined();
		expect(fixture.sandbox.stats().gettoken).toBe(2);
		expect(fixture.sandbox.stats().errcodes['42001'] ?? 0).toBe(0);
	});

	it('asks for a token once on a bad secret and explains 40001', async () => {
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ corpSecret: 'wrong-secret' }));

		const run = await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(20), true);

		expect(fixture.sandbox.stats().gettoken).toBe(1);
		expect(fixture.sandbox.messages()).toHaveLength(0);
		expect(run.items).toHaveLength(20);
		for (const item of run.items) {
			expect(item.json.errcode).toBe(40001);
			expect(item.json.error).toMatch(/40001 \(Invalid secret\)/);
			expect(item.json.error).toMatch(/blocked for one hour/);
		}
	});

	it('fails the node with the explanation when continue-on-fail is off', async () => {
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ corpId: 'ww-no-such-corp' }));

		const run = await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(3));

		expect(run.error?.message).toMatch(/errcode 40013 \(Invalid CorpID\)/);
		expect(run.error?.message).toMatch(/Company ID/);
		expect(fixture.sandbox.stats().gettoken).toBe(1);
	});
});

/**
 * WeCom's gettoken answers the same token until it expires
 * (https://developer.work.weixin.qq.com/document/path/91039, 2020 wording), and WeCom's clock,
 * not the node's, decides when it has expired. Here the sandbox's clock is driven by the number
 * of message/send calls it has seen, so the node's stored expiry is always later than WeCom's:
 * every expiry reaches the node as a 42001 in the middle of a run.
 */
describe('tokens that expire while a run goes on (same token until expiry)', () => {
	const TTL_SECONDS = 3;

	async function fixtureWithClock(msAfterSends: (sends: number) => number): Promise<EngineFixture> {
		const start = Date.now();
		const holder: { fixture?: EngineFixture } = {};
		const sends = () => holder.fixture?.sandbox.stats().calls['/cgi-bin/message/send'] ?? 0;
		holder.fixture = await startEngineFixture({
			tokenTtlSeconds: TTL_SECONDS,
			clock: () => start + msAfterSends(sends()),
		});
		return holder.fixture;
	}

	it('delivers every card across several token lifetimes, one at a time, with a new token after each expiry', async () => {
		const fixture = await fixtureWithClock((sends) => sends * 1000);
		try {
			const run = await fixture.runCardNode(
				{ ...textNoticeParameters('alice'), options: { concurrency: 1 } },
				emptyItems(16),
				true,
			);

			expect(run.items.filter((item) => item.json.error)).toEqual([]);
			const delivered = fixture.sandbox.messages().filter((message) => message.action === 'send');
			expect(delivered).toHaveLength(16);
			const issued = fixture.sandbox.issuedTokens();
			expect(issued.length).toBeGreaterThanOrEqual(4);
			expect(fixture.sandbox.stats().gettoken).toBe(issued.length);
			expect(fixture.harness.credentials.get(CREDENTIAL_ID).data.accessToken).toBe(issued[issued.length - 1]);
		} finally {
			await fixture.close();
		}
	});

	it.each([1, 5])(
		'delivers all five cards when the third send is refused with 42001 (concurrency %i)',
		async (concurrency) => {
			const fixture = await fixtureWithClock((sends) => (sends >= 3 ? TTL_SECONDS * 1000 : 0));
			try {
				const run = await fixture.runCardNode(
					{ ...textNoticeParameters('bob'), options: { concurrency } },
					emptyItems(5),
					true,
				);

				expect(run.items.filter((item) => item.json.error)).toEqual([]);
				expect(fixture.sandbox.stats().errcodes['42001']).toBeGreaterThanOrEqual(1);
				expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(5);
				expect(fixture.sandbox.stats().gettoken).toBe(2);
			} finally {
				await fixture.close();
			}
		},
	);
});

describe('untrusted IP (60020)', () => {
	it('quotes the IP WeCom saw', async () => {
		const fixture = await startEngineFixture({ trustedIps: ['203.0.113.7'] });
		try {
			const run = await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(1));

			expect(run.error?.message).toMatch(/errcode 60020/);
			expect(run.error?.message).toMatch(/WeCom saw this server's IP as 127\.0\.0\.1/);
			expect(run.error?.message).toMatch(/trusted IPs/);
		} finally {
			await fixture.close();
		}
	});
});
