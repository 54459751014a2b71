/**
 * The credential's Test button, run the way n8n's credentials tester runs it: forced
 * preAuthentication (gettoken), then the test request with the token in the query string.
 */
import { CREDENTIAL_ID, startEngineFixture, textNoticeParameters } from './fixtures';
import type { EngineFixture } from './fixtures';

describe('WeCom API credential Test button', () => {
	let fixture: EngineFixture;

	afterEach(async () => {
		await fixture.close();
	});

	it('passes with good values: fetches and stores a token, then checks the secret with gettoken', async () => {
		fixture = await startEngineFixture();

		const result = await fixture.harness.testCredential('weComApi', fixture.credentialData());

		expect(result).toEqual(expect.objectContaining({ status: 'OK' }));
		expect(fixture.sandbox.stats().gettoken).toBe(2);
	});

	it('still catches a wrong secret when a token is stored (n8n then skips preAuthentication)', async () => {
		fixture = await startEngineFixture();
		await fixture.runCardNode(textNoticeParameters('alice'));
		const stored = fixture.harness.credentials.get(CREDENTIAL_ID).data;

		const result = await fixture.harness.testCredential(
			'weComApi',
			{ ...stored, corpSecret: 'reset-in-the-admin-console' },
			{ id: CREDENTIAL_ID },
		);

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/errcode 40001 \(Invalid secret\)/);
	});

	it.each([
		['a wrong Corp ID', { corpId: 'ww-unknown' }, /errcode 40013 \(Invalid CorpID\).*Company ID/],
		['a wrong secret', { corpSecret: 'not-the-secret' }, /errcode 40001 \(Invalid secret\).*blocked for one hour/],
		['a missing Corp ID', { corpId: '' }, /errcode 41002 \(Missing corpid\)/],
		['a missing secret', { corpSecret: '' }, /errcode 41004 \(Missing corpsecret\)/],
	])('fails with %s and explains the errcode', async (_case, overrides, explanation) => {
		fixture = await startEngineFixture();

		const result = await fixture.harness.testCredential('weComApi', fixture.credentialData(overrides));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(explanation);
		expect(fixture.sandbox.stats().gettoken).toBe(1);
	});

	it('fails on an untrusted IP and quotes the IP WeCom reported', async () => {
		fixture = await startEngineFixture({ trustedIps: ['198.51.100.20'] });

		const result = await fixture.harness.testCredential('weComApi', fixture.credentialData());

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/errcode 60020/);
		expect(result.message).toMatch(/127\.0\.0\.1/);
	});

	// n8n itself rewrites connection errors into its standard wording.
	it('fails clearly when the API base URL cannot be reached', async () => {
		fixture = await startEngineFixture();

		const result = await fixture.harness.testCredential(
			'weComApi',
			fixture.credentialData({ baseUrl: 'http://127.0.0.1:9' }),
		);

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/refused the connection/);
	});
});
