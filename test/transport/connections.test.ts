/**
 * How requests reach WeCom, counted at a proxy in front of the sandbox:
 * - kept alive (the default): a run opens at most Concurrency + 2 connections, however many items;
 * - the credential's Connections = n8n's HTTP client: every request through n8n's request helper;
 * - WeCom refusing the direct path with 60020 (https://developer.work.weixin.qq.com/document/path/90313:
 *   "不安全的访问IP", the server's IP is not in the app's trusted IPs) while n8n's client, which
 *   goes through n8n's proxy, gets through: the refused requests are carried by n8n's client,
 *   each card is delivered once, and the app stays on n8n's client.
 * The bound holds for answers fetch refuses too: a redirect is not followed, and its connection
 * is counted like any answered one (or dropped when its body does not come).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { sleep } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY } from '../../nodes/WeCom/TemplateCard/descriptions/options';
import { sendKeptAlive } from '../../nodes/WeCom/TemplateCard/transport/keptAlive';
import { REDIRECTED } from '../../nodes/WeCom/TemplateCard/transport/errors';
import { emptyItems, textNoticeParameters, viaN8nClient } from '../harness/cards';
import { startTransportFixture, type TransportFixture } from './fixture';

const SEND = '/cgi-bin/message/send';
const ITEMS = 200;

const cards = textNoticeParameters('alice');
const items = emptyItems(ITEMS);

describe('connections to WeCom', () => {
	let fixture: TransportFixture | undefined;

	afterEach(async () => {
		await fixture?.close();
		fixture = undefined;
	});

	it(`keeps connections alive: ${ITEMS} cards over at most Concurrency + 2 connections`, async () => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });

		const run = await fixture.run(cards, items);

		expect(run.error).toBeUndefined();
		expect(run.items.filter((item) => item.json.error)).toHaveLength(0);
		expect(fixture.proxy.calls(SEND)).toHaveLength(ITEMS);
		// n8n's preAuthentication gets and stores the token (gettoken through n8n's client); the card
		// that found no token goes out kept alive like every other.
		expect(fixture.proxy.calls(SEND).filter(viaN8nClient)).toEqual([]);
		expect(fixture.proxy.calls('/cgi-bin/gettoken').every(viaN8nClient)).toBe(true);
		expect(fixture.proxy.connections()).toBeLessThanOrEqual(DEFAULT_CONCURRENCY + 2);
	});

	it.each([1, 2, 20, 50])('keeps the bound at Concurrency %i', async (concurrency) => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });

		const run = await fixture.run({ ...cards, options: { concurrency } }, items);

		expect(run.error).toBeUndefined();
		expect(run.items.filter((item) => item.json.error)).toHaveLength(0);
		expect(fixture.proxy.connections()).toBeLessThanOrEqual(concurrency + 2);
	});

	it("sends cards one at a time over the connection test's connection, opening no other", async () => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });

		const run = await fixture.run({ ...cards, options: { concurrency: 1 } }, items.slice(0, 20));

		expect(run.error).toBeUndefined();
		expect(run.items.filter((item) => item.json.error)).toHaveLength(0);
		// One kept alive (opened by the connection test, carrying every card) and gettoken's, n8n's
		// client: a second connection to a faraway WeCom costs a TCP and TLS handshake per card.
		expect(fixture.proxy.connections()).toBe(2);
	});

	it('keeps the bound for each of two executions at once (one pool, one token)', async () => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });

		const runs = await Promise.all([fixture.run(cards, items), fixture.run(cards, items)]);

		for (const run of runs) {
			expect(run.error).toBeUndefined();
			expect(run.items.filter((item) => item.json.error)).toHaveLength(0);
		}
		expect(fixture.proxy.calls(SEND)).toHaveLength(2 * ITEMS);
		expect(fixture.proxy.connections()).toBeLessThanOrEqual(2 * (DEFAULT_CONCURRENCY + 2));
	});

	it.each([
		['every send', DEFAULT_CONCURRENCY, undefined],
		['every third send', DEFAULT_CONCURRENCY, 3],
		['every send', 20, undefined],
	])(
		'keeps the bound when a redirect (not followed) answers %s at Concurrency %i, under continue on fail',
		async (_label, concurrency, every) => {
			fixture = await startTransportFixture({ sandbox: { memberLimits: false } });
			fixture.sandbox.faults.add({ kind: 'redirect', location: 'http://127.0.0.1:9/elsewhere', path: SEND, every });

			// One attempt: a redirect fails its item, and the next item goes out at once.
			const run = await fixture.run({ ...cards, options: { concurrency, maxAttempts: 1 } }, items, true);

			expect(run.error).toBeUndefined();
			expect(fixture.proxy.calls(SEND).filter(viaN8nClient)).toEqual([]);
			expect(run.items.filter((item) => item.json.error)).toHaveLength(Math.floor(ITEMS / (every ?? 1)));
			expect(fixture.proxy.connections()).toBeLessThanOrEqual(concurrency + 2);
		},
	);

	it("sends every request through n8n's client when the credential says so", async () => {
		fixture = await startTransportFixture({
			sandbox: { memberLimits: false },
			credential: { connections: 'n8nClient' },
		});

		const run = await fixture.run(cards, items.slice(0, 20));

		expect(run.error).toBeUndefined();
		const sends = fixture.proxy.calls(SEND);
		expect(sends).toHaveLength(20);
		expect(sends.every(viaN8nClient)).toBe(true);
	});

	it("moves to n8n's client when WeCom refuses the direct path with 60020, delivering each card once", async () => {
		fixture = await startTransportFixture({
			sandbox: { memberLimits: false },
			intercept: (call) =>
				viaN8nClient(call) ? undefined : { errcode: 60020, errmsg: 'not allow to access from your ip' },
		});

		const first = await fixture.run(cards, items.slice(0, 50));
		const second = await fixture.run(cards, items.slice(0, 10));

		for (const run of [first, second]) {
			expect(run.error).toBeUndefined();
			expect(run.items.filter((item) => item.json.error)).toHaveLength(0);
		}
		const delivered = fixture.sandbox.messages().filter((message) => message.action === 'send');
		expect(delivered).toHaveLength(60);
		const refused = fixture.proxy.calls(SEND).filter((call) => !viaN8nClient(call));
		// Only requests already in flight when the first 60020 came back tried the direct path.
		expect(refused.length).toBeGreaterThanOrEqual(1);
		expect(refused.length).toBeLessThanOrEqual(DEFAULT_CONCURRENCY);
		expect(fixture.proxy.calls(SEND).filter(viaN8nClient)).toHaveLength(60);
	});
});

describe('a redirect whose body never comes', () => {
	let server: Server | undefined;

	afterEach(async () => {
		server?.closeAllConnections();
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
		server = undefined;
	});

	it('leaves no more connections open than Concurrency + 1', async () => {
		const open = new Set<Socket>();
		server = createServer((request, response) => {
			if (request.url === '/cgi-bin/') {
				response.writeHead(404).end('not found');
				return;
			}
			// A front end that answers with a redirect and never sends the body it announced.
			response.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere', 'content-length': '100' });
			response.write('<html>');
		});
		server.on('connection', (socket: Socket) => {
			open.add(socket);
			socket.on('close', () => open.delete(socket));
		});
		await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
		const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const credentials = { corpId: 'ww0123456789abcdef', agentId: 1000002, baseUrl, accessToken: 'token-in-hand' };
		const send = { method: 'POST' as const, url: `${baseUrl}${SEND}`, body: { touser: 'alice' }, timeout: 10_000 };

		const codes: unknown[] = [];
		let next = 0;
		const worker = async () => {
			while (next++ < 50) {
				codes.push(await sendKeptAlive(send, credentials).catch((error: { code?: unknown }) => error.code));
			}
		};
		await Promise.all(Array.from({ length: DEFAULT_CONCURRENCY }, worker));
		// Connections the node dropped close at the server a moment later (not 5 minutes later).
		for (let turn = 0; turn < 100 && open.size > DEFAULT_CONCURRENCY + 1; turn++) await sleep(10);

		expect(codes).toEqual(new Array(50).fill(REDIRECTED));
		expect(open.size).toBeLessThanOrEqual(DEFAULT_CONCURRENCY + 1);
	});
});
