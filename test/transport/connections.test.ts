/**
 * How requests reach WeCom, counted at a proxy in front of the sandbox:
 * - kept alive (the default): a run opens at most Concurrency + 2 connections, however many items;
 * - the credential's Connections = n8n's HTTP client: every request through n8n's request helper;
 * - WeCom refusing the direct path with 60020 (https://developer.work.weixin.qq.com/document/path/90313:
 *   "不安全的访问IP", the server's IP is not in the app's trusted IPs) while n8n's client, which
 *   goes through n8n's proxy, gets through: the refused requests are carried by n8n's client,
 *   each card is delivered once, and the app stays on n8n's client.
 */
import { DEFAULT_CONCURRENCY } from '../../nodes/WeCom/TemplateCard/descriptions/options';
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
