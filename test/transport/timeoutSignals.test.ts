/**
 * Each kept-alive request is bounded by a timeout signal. fetch leaves its abort listener on the
 * signal it is given, and Node keeps a timeout signal that has a listener alive until it fires:
 * every finished request (its Request, Response and buffers) stayed in memory for the whole
 * timeout. Requests starting close together share a timeout signal, which holds one listener
 * while any of them is under way. After a run, no timeout signal of the node may hold a listener.
 */
import { emptyItems, textNoticeParameters } from '../harness/cards';
import { startTransportFixture, type TransportFixture } from './fixture';

/** Each timeout signal the node makes, with the abort listeners it holds (counted at the signal). */
function watchTimeoutSignals(): { listeners: Array<Set<unknown>>; added(): number } {
	const listeners: Array<Set<unknown>> = [];
	let added = 0;
	const timeout = AbortSignal.timeout.bind(AbortSignal);
	jest.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
		const signal = timeout(ms);
		const held = new Set<unknown>();
		listeners.push(held);
		const add = signal.addEventListener.bind(signal);
		const remove = signal.removeEventListener.bind(signal);
		signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
			if (args[0] === 'abort') {
				held.add(args[1]);
				added++;
				// A `once` listener is gone after the event, as Node removes it.
				const options = args[2];
				if (typeof options === 'object' && options?.once) add('abort', () => held.delete(args[1]), { once: true });
			}
			add(...args);
		};
		signal.removeEventListener = (...args: Parameters<AbortSignal['removeEventListener']>) => {
			if (args[0] === 'abort') held.delete(args[1]);
			remove(...args);
		};
		return signal;
	});
	return { listeners, added: () => added };
}

describe('timeout signals of kept-alive requests', () => {
	let fixture: TransportFixture | undefined;

	afterEach(async () => {
		jest.restoreAllMocks();
		await fixture?.close();
		fixture = undefined;
	});

	it('hold nothing once their request is over', async () => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });
		const watched = watchTimeoutSignals();

		const run = await fixture.run(textNoticeParameters('alice'), emptyItems(20));

		expect(run.error).toBeUndefined();
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(20);
		// At least the connection test's signal, and a listener on it while requests were under way.
		expect(watched.listeners.length).toBeGreaterThanOrEqual(1);
		expect(watched.added()).toBeGreaterThanOrEqual(1);
		expect(watched.listeners.filter((held) => held.size > 0)).toEqual([]);
	});

	it('hold nothing after their timeout fired', async () => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });
		// Every send answers after 400 ms; the Request Timeout is 200 ms, one attempt each.
		fixture.sandbox.faults.add({ path: '/cgi-bin/message/send', kind: 'slow', delayMs: 400 });
		const watched = watchTimeoutSignals();

		const parameters = { ...textNoticeParameters('alice'), options: { requestTimeoutMs: 200, maxAttempts: 1 } };
		const run = await fixture.run(parameters, emptyItems(3), true);

		expect(run.items.map((item) => item.json.error)).toEqual(
			Array(3).fill('The request to WeCom failed: the answer did not complete within 200 ms'),
		);
		expect(watched.added()).toBeGreaterThanOrEqual(1);
		expect(watched.listeners.filter((held) => held.size > 0)).toEqual([]);
	});
});
