/**
 * The pauses of the retry policy, measured on the wire: the time between WeCom's answer to one
 * attempt and the arrival of the next. After 45009 WeCom blocks the caller (for 60 s after a
 * minute-level overflow, https://developer.work.weixin.qq.com/document/path/90312), so an
 * immediate resend only meets the block again; after -1 and 5xx the pause grows exponentially.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startTransportFixture, type TransportFixture } from './fixture';
import type { RecordedCall } from './recordingProxy';

const SEND = '/cgi-bin/message/send';
/** performance.now() and timers both round to the millisecond. */
const TIMER_SLACK_MS = 1;

const textNotice = (options: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendTemplateCard',
	toUser: 'alice',
	cardInput: 'form',
	cardType: 'text_notice',
	title: 'Deploy finished',
	cardActionType: 1,
	cardActionUrl: 'https://example.com/deploys/42',
	options,
});

/** Pauses between consecutive attempts: next arrival minus previous answer. */
function pauses(calls: RecordedCall[]): number[] {
	return calls.slice(1).map((call, i) => call.receivedAt - Number(calls[i].answeredAt));
}

describe('retry pauses on the wire', () => {
	let fixture: TransportFixture;

	beforeEach(async () => {
		fixture = await startTransportFixture();
	});

	afterEach(async () => {
		await fixture.close();
	});

	it('waits the Rate Limit Pause after 45009 before the next attempt', async () => {
		const pauseMs = 700;
		fixture.sandbox.faults.add({ path: SEND, kind: 'errcode', errcode: 45009, times: 1 });

		const run = await fixture.run(
			textNotice({ maxAttempts: 3, retryBaseDelayMs: 1, rateLimitPauseSeconds: pauseMs / 1000 }),
		);

		expect(run.error).toBeUndefined();
		const calls = fixture.proxy.calls(SEND);
		expect(calls).toHaveLength(2);
		const [pause] = pauses(calls);
		expect(pause).toBeGreaterThanOrEqual(pauseMs - TIMER_SLACK_MS);
		// The pause is the one for 45009, not the (far shorter) exponential backoff.
		expect(pause).toBeLessThan(pauseMs + 2000);
	});

	it('backs off exponentially after -1, at least half the doubled base delay each time', async () => {
		const baseMs = 300;
		fixture.sandbox.faults.add({ path: SEND, kind: 'errcode', errcode: -1, times: 2 });

		const run = await fixture.run(textNotice({ maxAttempts: 3, retryBaseDelayMs: baseMs, rateLimitPauseSeconds: 60 }));

		expect(run.error).toBeUndefined();
		const measured = pauses(fixture.proxy.calls(SEND));
		expect(measured).toHaveLength(2);
		// Base delay doubled per attempt, with jitter between half and all of it.
		expect(measured[0]).toBeGreaterThanOrEqual(baseMs / 2 - TIMER_SLACK_MS);
		expect(measured[1]).toBeGreaterThanOrEqual(baseMs - TIMER_SLACK_MS);
	});

	it('backs off after an HTTP 503 from a gateway too', async () => {
		const baseMs = 300;
		fixture.sandbox.faults.add({ path: SEND, kind: 'http5xx', status: 503, times: 1 });

		const run = await fixture.run(textNotice({ maxAttempts: 2, retryBaseDelayMs: baseMs }));

		expect(run.error).toBeUndefined();
		const [pause] = pauses(fixture.proxy.calls(SEND));
		expect(pause).toBeGreaterThanOrEqual(baseMs / 2 - TIMER_SLACK_MS);
	});
});
