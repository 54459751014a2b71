/**
 * gettoken answers no real WeCom gives but a broken proxy, a private deployment or a hostile
 * network can: a body that trickles in, a token that is not a string, a lifetime that is not
 * positive, the same token again and again while WeCom refuses it. None may stall executions,
 * pin a refused token in the credential, or turn every item into a gettoken.
 */
import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startForeignHost } from '../../sandbox/foreignHost';
import { registerSecret } from '../harness';
import { startFakeWeCom } from './fakeWeCom';
import { CREDENTIAL_ID, emptyItems, startEngineFixture, textNoticeParameters } from './fixtures';
import type { EngineFixture } from './fixtures';

const GOOD = 'good-token-0123456789abcdefghijklmnop';
const STUCK = 'stuck-token-0123456789abcdefghijklmnop';
registerSecret(GOOD);
registerSecret(STUCK);

/** The credential holds STUCK, which WeCom refuses; gettoken hands it back `times` more times, then GOOD. */
async function skewedGettoken(fixture: EngineFixture, times: number) {
	const fake = await startFakeWeCom(
		(n) => ({ errcode: 0, errmsg: 'ok', access_token: n <= times ? STUCK : GOOD, expires_in: 7200 }),
		new Set([GOOD]),
	);
	fixture.harness.credentials.replaceData(
		CREDENTIAL_ID,
		fixture.credentialData({ baseUrl: fake.url, accessToken: STUCK, accessTokenExpiresAt: Date.now() + 3600_000 }),
	);
	return fake;
}

/** Answers `path`'s headers at once, then one byte every `everyMs`, once; everything else like WeCom. */
async function dripping(dripPath: string, everyMs = 2000): Promise<{ url: string; close(): void }> {
	const open = new Set<ServerResponse>();
	let dripped = 0;
	const server: Server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://drip.invalid').pathname;
		req.resume();
		res.writeHead(200, { 'content-type': 'application/json' });
		if (path === dripPath && dripped++ === 0) {
			res.write('{');
			open.add(res);
			const timer = setInterval(() => res.write(' '), everyMs);
			res.on('close', () => {
				clearInterval(timer);
				open.delete(res);
			});
			return;
		}
		res.end(
			JSON.stringify(
				path === '/cgi-bin/gettoken'
					? { errcode: 0, errmsg: 'ok', access_token: GOOD, expires_in: 7200 }
					: { errcode: 0, errmsg: 'ok', msgid: 'm1' },
			),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => {
			for (const res of open) res.destroy();
			server.close();
		},
	};
}

const within = async <T>(ms: number, promise: Promise<T>) =>
	await Promise.race([
		promise.then(() => 'finished'),
		new Promise((resolve) => setTimeout(() => resolve('still waiting'), ms)),
	]);

describe('gettoken answers from something that is not WeCom', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});

	afterEach(async () => {
		await fixture.close();
	});

	it('a body that trickles in: this execution and one started later both finish', async () => {
		const drip = await dripping('/cgi-bin/gettoken');
		try {
			fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ baseUrl: drip.url }));
			const parameters = { ...textNoticeParameters('alice'), options: { maxAttempts: 3, retryBaseDelayMs: 10 } };

			const first = fixture.runCardNode(parameters, emptyItems(3), true);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			const later = fixture.runCardNode(parameters, emptyItems(1), true);

			expect([await within(35_000, later), await within(5_000, first)]).toEqual(['finished', 'finished']);
		} finally {
			drip.close();
		}
	}, 60_000);

	it('a token that is not a string is never stored, and the next gettoken replaces it', async () => {
		const fake = await startFakeWeCom(
			(n) => ({ errcode: 0, errmsg: 'ok', access_token: n === 1 ? 123456789 : GOOD, expires_in: 7200 }),
			new Set([GOOD]),
		);
		try {
			fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ baseUrl: fake.url }));
			const parameters = { ...textNoticeParameters('alice'), options: { maxAttempts: 1, concurrency: 1 } };

			const first = await fixture.runCardNode(parameters, emptyItems(1), true);
			const second = await fixture.runCardNode(parameters, emptyItems(3), true);

			expect(first.items[0].json.error).toMatch(/no usable access_token/);
			expect(second.items.map((item) => item.json.error ?? null)).toEqual([null, null, null]);
			expect(fixture.harness.credentials.get(CREDENTIAL_ID).data.accessToken).toBe(GOOD);
			expect(fake.gettokens).toBe(2);
		} finally {
			await fake.close();
		}
	});

	it("a lifetime that is not positive counts as WeCom's usual one, not one gettoken per item", async () => {
		const fake = await startFakeWeCom(
			() => ({ errcode: 0, errmsg: 'ok', access_token: GOOD, expires_in: -1 }),
			new Set([GOOD]),
		);
		try {
			fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ baseUrl: fake.url }));

			const run = await fixture.runCardNode(
				{ ...textNoticeParameters('alice'), options: { maxAttempts: 1, concurrency: 1 } },
				emptyItems(5),
				true,
			);

			expect(run.items.filter((item) => item.json.error)).toEqual([]);
			expect(fake.gettokens).toBe(1);
		} finally {
			await fake.close();
		}
	});

	it('the same refused token handed back again and again: gettoken asked less and less often, not per item', async () => {
		const fake = await startFakeWeCom(
			() => ({ errcode: 0, errmsg: 'ok', access_token: STUCK, expires_in: 7200 }),
			new Set(),
		);
		try {
			fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ baseUrl: fake.url }));

			const startedAt = Date.now();
			const run = await fixture.runCardNode(
				{ ...textNoticeParameters('alice'), options: { maxAttempts: 1, concurrency: 5 } },
				emptyItems(20),
				true,
			);

			expect(run.items.every((item) => item.json.error)).toBe(true);
			// Pauses of 1, 2, 4 ... s between gettokens: a handful over the whole run.
			expect(fake.gettokens).toBeLessThanOrEqual(Math.ceil(Math.log2((Date.now() - startedAt) / 1000 + 1)) + 2);
		} finally {
			await fake.close();
		}
	});

	it.each([
		['once, retry off', 1, { maxAttempts: 1 }],
		['once, default retry policy', 1, {}],
		['twice (over a second), default retry policy', 2, {}],
	])(
		'gettoken handing the refused token back %s: every item still gets the new token',
		async (_label, times, options) => {
			const fake = await skewedGettoken(fixture, times);
			try {
				const run = await fixture.runCardNode({ ...textNoticeParameters('alice'), options }, emptyItems(10), true);

				expect(run.items.map((item) => item.json.error ?? null).filter(Boolean)).toEqual([]);
				expect(fake.gettokens).toBe(times + 1);
			} finally {
				await fake.close();
			}
		},
		60_000,
	);

	it('a send whose answer trickles in fails after its deadline instead of holding the execution', async () => {
		// Faster than the 2 s Request Timeout, so the connection never looks idle.
		const drip = await dripping('/cgi-bin/message/send', 500);
		try {
			fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ baseUrl: drip.url }));
			const run = fixture.runCardNode(
				{ ...textNoticeParameters('alice'), options: { maxAttempts: 1, requestTimeoutMs: 2000 } },
				emptyItems(1),
				true,
			);

			expect(await within(25_000, run)).toBe('finished');
			expect((await run).items[0].json.error).toMatch(/did not complete within/);
		} finally {
			drip.close();
		}
	}, 40_000);

	it("the credential's Test button does not follow a redirect with the secret in its query", async () => {
		const foreign = await startForeignHost();
		fixture.sandbox.faults.add({ kind: 'redirect', location: foreign.url, path: '/cgi-bin/gettoken', times: 1 });
		try {
			const result = await fixture.harness.testCredential('weComApi', fixture.credentialData());

			expect(foreign.requests()).toEqual([]);
			expect(result.status).toBe('Error');
		} finally {
			await foreign.close();
		}
	});
});
