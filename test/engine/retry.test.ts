/**
 * Retry policy through the engine: transient WeCom failures are retried with backoff, input
 * and configuration errors are not, and a send that may already have been delivered is resent
 * in a way WeCom recognises, so the card arrives exactly once.
 */
import type { FaultSpec } from '../../sandbox';
import { emptyItems, startEngineFixture, textNoticeParameters } from './fixtures';
import type { EngineFixture } from './fixtures';

const FAST_RETRY = { maxAttempts: 3, retryBaseDelayMs: 1, rateLimitPauseSeconds: 0.01 };
const SEND = '/cgi-bin/message/send';

const delivered = (fixture: EngineFixture) =>
	fixture.sandbox.messages().filter((message) => message.action === 'send' && message.duplicateOf === undefined);

describe('retry policy', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});

	afterEach(async () => {
		await fixture.close();
	});

	it.each<[string, FaultSpec]>([
		['-1 system busy', { kind: 'errcode', errcode: -1 }],
		['45009 rate limit', { kind: 'errcode', errcode: 45009 }],
		['45033 concurrency limit', { kind: 'errcode', errcode: 45033 }],
		['HTTP 503', { kind: 'http5xx', status: 503 }],
		['HTTP 502', { kind: 'http5xx', status: 502 }],
		['a connection dropped before the message was accepted', { kind: 'dropBeforeAccept' }],
	])('retries %s and delivers once', async (_case, fault) => {
		fixture.sandbox.faults.add({ ...fault, path: SEND, times: 2 });

		const run = await fixture.runCardNode({ ...textNoticeParameters('alice'), options: FAST_RETRY });

		expect(run.error).toBeUndefined();
		expect(run.items[0].json.attempts).toBe(3);
		expect(delivered(fixture)).toHaveLength(1);
	});

	it('answers slowly without failing', async () => {
		fixture.sandbox.faults.add({ kind: 'slow', delayMs: 300, path: SEND, times: 1 });

		const run = await fixture.runCardNode({ ...textNoticeParameters('alice'), options: FAST_RETRY });

		expect(run.error).toBeUndefined();
		expect(run.items[0].json.attempts).toBe(1);
	});

	it('resends a send that timed out, and WeCom delivers it once', async () => {
		fixture.sandbox.faults.add({ kind: 'slow', delayMs: 700, path: SEND, times: 1 });

		const run = await fixture.runCardNode({
			...textNoticeParameters('alice'),
			options: { ...FAST_RETRY, requestTimeoutMs: 200 },
		});

		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ attempts: 2, resent: true });
		await new Promise((resolve) => setTimeout(resolve, 800));
		expect(delivered(fixture)).toHaveLength(1);
	});

	it('gives up after the last attempt with the errcode explained', async () => {
		fixture.sandbox.faults.add({ kind: 'errcode', errcode: -1, path: SEND, times: 5 });

		const run = await fixture.runCardNode({ ...textNoticeParameters('alice'), options: FAST_RETRY });

		expect(run.error?.message).toBe('WeCom error -1: System busy');
		expect(fixture.sandbox.stats().calls[SEND]).toBe(3);
		expect(delivered(fixture)).toHaveLength(0);
	});

	it.each([
		[60011, /No privilege for this member/],
		[40058, /Invalid parameter/],
		[43012, /must have a callback URL/],
		[301002, /no right on this agentid/],
		[42042, /template_card\.jump_list: at most 3 jumps/],
	])('does not retry errcode %s and explains it', async (errcode, explanation) => {
		fixture.sandbox.faults.add({ kind: 'errcode', errcode, path: SEND, times: 1 });

		const run = await fixture.runCardNode({ ...textNoticeParameters('alice'), options: FAST_RETRY }, undefined, true);

		expect(run.items[0].json.errcode).toBe(errcode);
		expect(run.items[0].json.error).toMatch(explanation);
		expect(run.items[0].json.errorDescription).toBeTruthy();
		expect(fixture.sandbox.stats().calls[SEND]).toBe(1);
	});

	it('resends after a connection dropped once the message was accepted, and WeCom delivers it once', async () => {
		fixture.sandbox.faults.add({ kind: 'dropAfterAccept', path: SEND, times: 1 });

		const run = await fixture.runCardNode({ ...textNoticeParameters('alice'), options: FAST_RETRY });

		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ attempts: 2, resent: true });
		expect(delivered(fixture)).toHaveLength(1);
		expect(fixture.sandbox.stats().duplicateSuppressed).toBe(1);
		expect(run.items[0].json.msgid).toBe(delivered(fixture)[0].msgid);
	});

	it('delivers 30 items exactly once while every third connection drops after acceptance', async () => {
		fixture.sandbox.faults.add({ kind: 'dropAfterAccept', path: SEND, every: 3 });

		// Every third call fails, resends included: give each item room for several in a row.
		const run = await fixture.runCardNode(
			{ ...textNoticeParameters('bob'), options: { ...FAST_RETRY, maxAttempts: 10 } },
			emptyItems(30),
		);

		expect(run.error).toBeUndefined();
		// Every attempt after the first accepted one is a resend that WeCom's check suppressed.
		const resends = run.items.reduce((total, item) => total + Number(item.json.attempts) - 1, 0);
		expect(resends).toBe(fixture.sandbox.stats().duplicateSuppressed);
		expect(run.items.filter((item) => item.json.resent).length).toBeGreaterThan(0);
		expect(delivered(fixture)).toHaveLength(30);
	});

	it('does not resend an ambiguous failure when Retry Safely is off', async () => {
		fixture.sandbox.faults.add({ kind: 'dropAfterAccept', path: SEND, times: 1 });

		const run = await fixture.runCardNode(
			{ ...textNoticeParameters('alice'), options: { ...FAST_RETRY, retrySafely: false } },
			undefined,
			true,
		);

		expect(run.items[0].json.error).toMatch(/The request to WeCom failed/);
		expect(fixture.sandbox.stats().calls[SEND]).toBe(1);
		expect(delivered(fixture)).toHaveLength(1);
	});
});
