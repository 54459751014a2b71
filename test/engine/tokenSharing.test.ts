/**
 * The credential owns the access token: fetched once, stored in the credential, refreshed
 * exactly once when WeCom invalidates it, and never retried in a loop on a bad secret.
 */
import { emptyItems, startEngineFixture, textNoticeParameters, CREDENTIAL_ID } from './fixtures';
import type { EngineFixture } from './fixtures';

describe('token handling through the engine', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});

	afterEach(async () => {
		await fixture.close();
	});

	it('fetches the token once for 1,000 items and stores it in the credential', async () => {
		const run = await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(1000));

		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1000);
		expect(run.items.every((item, index) => item.pairedItem && (item.pairedItem as { item: number }).item === index)).toBe(
			true,
		);
		expect(new Set(run.items.map((item) => item.json.msgid)).size).toBe(1000);
		expect(fixture.sandbox.stats().gettoken).toBe(1);
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(1000);

		const writes = fixture.harness.credentials.updates;
		expect(writes).toHaveLength(1);
		const [issued] = fixture.sandbox.issuedTokens();
		expect(writes[0].data.accessToken).toBe(issued);
		expect(Number(writes[0].data.accessTokenExpiresAt)).toBeGreaterThan(Date.now());
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
	});

	it('uses the token stored by an earlier execution', async () => {
		await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(3));
		await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(3));

		expect(fixture.sandbox.stats().gettoken).toBe(1);
	});

	it('refreshes ahead of time when the stored token is about to expire', async () => {
		await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(1));
		const row = fixture.harness.credentials.get(CREDENTIAL_ID);
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, { ...row.data, accessTokenExpiresAt: Date.now() + 60_000 });

		const run = await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(5));

		expect(run.error).toBeUndefined();
		expect(fixture.sandbox.stats().gettoken).toBe(2);
		expect(fixture.sandbox.stats().errcodes['40014'] ?? 0).toBe(0);
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
