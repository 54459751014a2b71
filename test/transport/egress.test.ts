/**
 * n8n's outbound-request policy (N8N_SSRF_PROTECTION_ENABLED; loopback is in its default blocked
 * ranges) applies to the kept-alive connections too: the node's own client asks n8n's egress
 * filter before its first request, and a refusal fails the item with nothing sent and no fallback
 * to another path.
 */
import { registerSecret } from '../harness';
import { startTransportFixture, type TransportFixture } from './fixture';

const STORED_TOKEN = 'stored-token-that-must-never-leave';

const cards = {
	resource: 'message',
	operation: 'sendTemplateCard',
	toUser: 'alice',
	cardType: 'text_notice',
	title: 'Deploy finished',
	cardActionType: 1,
	cardActionUrl: 'https://example.com/deploys/42',
};

describe("n8n's outbound-request policy", () => {
	let fixture: TransportFixture;
	const before = process.env.N8N_SSRF_PROTECTION_ENABLED;

	beforeAll(async () => {
		// Read by n8n when its egress filter is first asked for, i.e. during the run below.
		process.env.N8N_SSRF_PROTECTION_ENABLED = 'true';
		// A token already stored (as an earlier execution would have left it), so the request goes
		// straight to the node's own client, not through n8n's preAuthentication. It must never leave.
		registerSecret(STORED_TOKEN);
		fixture = await startTransportFixture({
			credential: { accessToken: STORED_TOKEN, accessTokenExpiresAt: Date.now() + 3_600_000 },
		});
	});

	afterAll(async () => {
		if (before === undefined) delete process.env.N8N_SSRF_PROTECTION_ENABLED;
		else process.env.N8N_SSRF_PROTECTION_ENABLED = before;
		await fixture.close();
	});

	it('refuses a blocked API origin before connecting, naming the policy', async () => {
		const run = await fixture.run(cards, [{ json: {} }, { json: {} }]);

		expect(run.error?.message ?? '').toMatch(/outbound request policy/i);
		expect(fixture.proxy.calls()).toHaveLength(0);
		expect(fixture.proxy.connections()).toBe(0);
	});
});
