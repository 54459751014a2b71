/**
 * Each kept-alive request is bounded by a timeout signal. fetch leaves its abort listener on the
 * signal it is given, and Node keeps a timeout signal that has a listener alive until it fires:
 * every finished request (its Request, Response and buffers) stayed in memory for the whole
 * timeout. Requests starting close together share a timeout signal, which holds one listener
 * while any of them is under way. After a run, no timeout signal of the node may hold a listener.
 */
import { emptyItems, textNoticeParameters } from '../harness/cards';
import { startTransportFixture, type TransportFixture } from './fixture';

describe('timeout signals of kept-alive requests', () => {
	let fixture: TransportFixture | undefined;

	afterEach(async () => {
		jest.restoreAllMocks();
		await fixture?.close();
		fixture = undefined;
	});

	it('hold nothing once their request is over', async () => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });
		// Each timeout signal the node makes, with the abort listeners it holds (counted at the signal).
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
				}
				add(...args);
			};
			signal.removeEventListener = (...args: Parameters<AbortSignal['removeEventListener']>) => {
				if (args[0] === 'abort') held.delete(args[1]);
				remove(...args);
			};
			return signal;
		});

		const run = await fixture.run(textNoticeParameters('alice'), emptyItems(20));

		expect(run.error).toBeUndefined();
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(20);
		// At least the connection test's signal, and a listener on it while requests were under way.
		expect(listeners.length).toBeGreaterThanOrEqual(1);
		expect(added).toBeGreaterThanOrEqual(1);
		expect(listeners.filter((held) => held.size > 0)).toEqual([]);
	});
});
