/**
 * When the kept-alive path makes no connection (refused, unreachable) while n8n's client gets
 * through. A refusal is what WeCom's front end does while it restarts, so it must not move the
 * app to n8n's client (one new connection per card for ten minutes); a direct path that never
 * connects (a proxy is the only way out) must, after a few requests, not cost every card a
 * failed attempt and a pause. Nothing was sent on a refused connection, so either way each card
 * is delivered once.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import { DEFAULT_CONCURRENCY } from '../../nodes/WeCom/TemplateCard/descriptions/options';
import { emptyItems, restoreProxyAfterEach, textNoticeParameters, viaN8nClient } from '../harness/cards';
import { startTransportFixture, type TransportFixture } from './fixture';
import { startRecordingProxy, type RecordingProxy } from './recordingProxy';

const SEND = '/cgi-bin/message/send';

const cards = textNoticeParameters('alice');

/** A base URL whose port refuses connections: nothing listens there. */
async function refusingBaseUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}

describe('the kept-alive path makes no connection', () => {
	let fixture: TransportFixture | undefined;
	let front: RecordingProxy | undefined;
	restoreProxyAfterEach();

	afterEach(async () => {
		await front?.close();
		await fixture?.close();
		front = undefined;
		fixture = undefined;
	});

	it("stays on kept-alive connections after WeCom's front end restarts, though n8n's client got through meanwhile", async () => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });
		// The node reaches WeCom's front end directly; n8n's client goes through a forward proxy
		// (the fixture's recording proxy) that never stops answering.
		front = await startRecordingProxy(fixture.sandbox.url);
		fixture.updateCredential({ baseUrl: front.url });
		process.env.HTTP_PROXY = fixture.proxy.url;
		await fixture.run(cards, emptyItems(5));

		const restart = front.outage(150);
		const during = await fixture.run(cards, emptyItems(20));
		await restart;
		const connectionsBefore = front.connections();
		const after = await fixture.run(cards, emptyItems(40));

		for (const run of [during, after]) {
			expect(run.error).toBeUndefined();
			expect(run.items.filter((item) => item.json.error)).toEqual([]);
		}
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(65);
		// No card went through n8n's client: each refused one was sent again on the kept-alive path.
		expect(fixture.proxy.calls(SEND)).toEqual([]);
		expect(front.calls(SEND)).toHaveLength(65);
		expect(front.connections() - connectionsBefore).toBeLessThanOrEqual(DEFAULT_CONCURRENCY + 2);
	});

	it('stays on kept-alive connections after one outage longer than the pause, though Concurrency items failed at once', async () => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });
		front = await startRecordingProxy(fixture.sandbox.url);
		fixture.updateCredential({ baseUrl: front.url });
		process.env.HTTP_PROXY = fixture.proxy.url;
		await fixture.run(cards, emptyItems(5));

		// Longer than one pause: the Concurrency items in flight all find no connection twice and
		// fall back together. That is one outage, not Concurrency requests in a row.
		const restart = front.outage(1500);
		const during = await fixture.run(cards, emptyItems(DEFAULT_CONCURRENCY));
		await restart;
		const throughN8nClient = fixture.proxy.calls(SEND).length;
		const after = await fixture.run(cards, emptyItems(20));

		for (const run of [during, after]) {
			expect(run.error).toBeUndefined();
			expect(run.items.filter((item) => item.json.error)).toEqual([]);
		}
		expect(throughN8nClient).toBe(DEFAULT_CONCURRENCY);
		expect(fixture.proxy.calls(SEND)).toHaveLength(throughN8nClient);
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(
			5 + DEFAULT_CONCURRENCY + 20,
		);
	});

	it("moves the app to n8n's client when only n8n's client (its proxy) ever connects, after a few cards", async () => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });
		const blocked = await refusingBaseUrl();
		fixture.updateCredential({ baseUrl: blocked });
		process.env.HTTP_PROXY = fixture.proxy.url;
		const fetches = jest.spyOn(globalThis, 'fetch');
		const directAttempts = () => fetches.mock.calls.filter(([url]) => String(url).startsWith(blocked)).length;

		const first = await fixture.run(cards, emptyItems(30));
		const triedInFirst = directAttempts();
		const second = await fixture.run(cards, emptyItems(30));

		for (const run of [first, second]) {
			expect(run.error).toBeUndefined();
			expect(run.items.filter((item) => item.json.error)).toEqual([]);
		}
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(60);
		expect(fixture.proxy.calls(SEND).every(viaN8nClient)).toBe(true);
		// Two tries (one pause apart) for each card of the first three rounds (the Concurrency cards
		// in flight together meet the same outage and count once): not two per card.
		expect(triedInFirst).toBeGreaterThanOrEqual(2);
		expect(triedInFirst).toBeLessThanOrEqual(2 * 3 * DEFAULT_CONCURRENCY);
		expect(directAttempts()).toBe(triedInFirst);
	});
});
