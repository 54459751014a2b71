/**
 * What the first card after a start or a token's expiry waits for. n8n obtains the token over a
 * new connection of its client (gettoken); the kept-alive path's connection test needs no token,
 * so it runs while gettoken is on its way. n8n's request that follows preAuthentication never
 * leaves: the credential's authenticate ends it (nodes/WeCom/shared/tokenOnlyRequest.ts).
 */
import { CREDENTIAL_ID, emptyItems, startEngineFixture, textNoticeParameters } from './fixtures';
import type { EngineFixture } from './fixtures';
import { startStubOrigin, type StubOrigin } from './stubOrigin';

const GETTOKEN_HOLD_MS = 300;

describe('the first card after a start or a token expiry', () => {
	let fixture: EngineFixture;
	let stub: StubOrigin;

	beforeEach(async () => {
		fixture = await startEngineFixture();
		stub = await startStubOrigin(fixture.sandbox.url);
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ baseUrl: stub.url }));
		stub.delay('/cgi-bin/gettoken', GETTOKEN_HOLD_MS);
	});

	afterEach(async () => {
		await stub.close();
		await fixture.close();
	});

	it('runs the connection test while gettoken is on its way, not after it', async () => {
		let testsBeforeTokenAnswer: number | undefined;
		stub.rewrite('/cgi-bin/gettoken', (answer) => {
			testsBeforeTokenAnswer ??= stub.calls['/cgi-bin/'] ?? 0;
			return answer;
		});

		const run = await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(1));

		expect(run.error).toBeUndefined();
		expect(run.items[0].json.msgid).toEqual(expect.any(String));
		expect(testsBeforeTokenAnswer).toBe(1);
	});

	it('sends nothing but gettoken and the card when the token expired', async () => {
		await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(1));
		const row = fixture.harness.credentials.get(CREDENTIAL_ID);
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, { ...row.data, accessTokenExpiresAt: Date.now() - 1000 });
		const before = stub.urls().length;

		const run = await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(1));

		expect(run.error).toBeUndefined();
		const paths = stub
			.urls()
			.slice(before)
			.map((url) => url.split('?')[0]);
		expect(paths).toEqual(['/cgi-bin/gettoken', '/cgi-bin/message/send']);
	});
});
