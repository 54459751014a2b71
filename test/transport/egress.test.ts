/**
 * n8n's outbound-request policy (N8N_SSRF_PROTECTION_ENABLED; loopback is in its default blocked
 * ranges) applies to the kept-alive connections too: the node's own client asks n8n's egress
 * filter before its first request, and a refusal fails the item with nothing sent and no fallback
 * to another path.
 */
import { registerSecret } from '../harness';
import { n8nDnsResolver } from '../harness/n8nInternals';
import { textNoticeParameters } from '../harness/cards';
import { startTransportFixture, type TransportFixture } from './fixture';

const STORED_TOKEN = 'stored-token-that-must-never-leave';

const cards = textNoticeParameters('alice');

/** An address n8n's policy allows in these tests (TEST-NET-1: documentation only, never routed). */
const ALLOWED_ADDRESS = '192.0.2.1';

describe("n8n's outbound-request policy", () => {
	let fixture: TransportFixture;
	const before = {
		enabled: process.env.N8N_SSRF_PROTECTION_ENABLED,
		blocked: process.env.N8N_SSRF_BLOCKED_IP_RANGES,
	};

	beforeAll(() => {
		// Read by n8n when its egress filter is first asked for, i.e. during the runs below.
		process.env.N8N_SSRF_PROTECTION_ENABLED = 'true';
		process.env.N8N_SSRF_BLOCKED_IP_RANGES = '127.0.0.0/8,::1/128';
		// A token already stored (as an earlier execution would have left it), so the request goes
		// straight to the node's own client, not through n8n's preAuthentication. It must never leave.
		registerSecret(STORED_TOKEN);
	});

	beforeEach(async () => {
		fixture = await startTransportFixture({
			credential: { accessToken: STORED_TOKEN, accessTokenExpiresAt: Date.now() + 3_600_000 },
		});
	});

	afterEach(async () => {
		jest.restoreAllMocks();
		await fixture.close();
	});

	afterAll(() => {
		for (const [name, value] of [
			['N8N_SSRF_PROTECTION_ENABLED', before.enabled],
			['N8N_SSRF_BLOCKED_IP_RANGES', before.blocked],
		] as const) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	});

	it('refuses a blocked API origin before connecting, naming the policy', async () => {
		const run = await fixture.run(cards, [{ json: {} }, { json: {} }]);

		expect(run.error?.message ?? '').toMatch(/outbound request policy/i);
		expect(fixture.proxy.calls()).toHaveLength(0);
		expect(fixture.proxy.connections()).toBe(0);
	});

	it('starts no connection test ahead while n8n would obtain a token under the policy', async () => {
		// No token in hand: the node has n8n obtain one, and the kept-alive path's connection test
		// (transport/connection.ts testConnectionAhead) must not run beside it under a policy.
		fixture.updateCredential({ accessToken: '', accessTokenExpiresAt: '' });

		const run = await fixture.run(cards, [{ json: {} }, { json: {} }]);

		expect(run.error).toBeDefined();
		expect(fixture.proxy.calls()).toHaveLength(0);
		expect(fixture.proxy.connections()).toBe(0);
	});

	it('connects only where the policy looked: a name that n8n resolves to an allowed address and the system to a blocked one', async () => {
		// DNS rebinding: the name answers an allowed address to n8n's check, then loopback to the
		// connection. n8n's lookup is made to answer the allowed one; the system's says 127.0.0.1.
		jest.spyOn(n8nDnsResolver().prototype, 'lookup').mockResolvedValue([{ address: ALLOWED_ADDRESS, family: 4 }]);
		fixture.updateCredential({ baseUrl: fixture.proxy.url.replace('127.0.0.1', 'localhost') });

		await fixture.run({ ...cards, options: { maxAttempts: 1, requestTimeoutMs: 1000 } }, [{ json: {} }]);

		expect(fixture.proxy.calls()).toHaveLength(0);
		expect(fixture.proxy.connections()).toBe(0);
	});
});
