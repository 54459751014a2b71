/**
 * The kept-alive path ends every fault as n8n's client does: the same item error and the same
 * number of attempts (a failure that may have been delivered is not sent again without Retry
 * Safely) for a gateway's HTML page, an empty or cut-off body, a 5xx, every 3xx to another host,
 * an errcode that is a string, and an answer that never completes. Each run first sends one card,
 * so the token is in hand (a request without one goes through n8n's preAuthentication).
 */
import type { INodeParameters } from 'n8n-workflow';

import type { FaultSpec } from '../../sandbox';
import { startTransportFixture } from './fixture';

const SEND = '/cgi-bin/message/send';

const cards: INodeParameters = {
	resource: 'message',
	operation: 'sendTemplateCard',
	toUser: 'alice',
	cardType: 'text_notice',
	title: 'Deploy finished',
	cardActionType: 1,
	cardActionUrl: 'https://example.com/deploys/42',
	options: { maxAttempts: 2, retryBaseDelayMs: 1, retrySafely: false, requestTimeoutMs: 1000 },
};

/** A sandbox fault, or an answer the proxy gives in WeCom's place. */
type Fault = { sandbox: Omit<FaultSpec, 'path' | 'times'> } | { answer: Record<string, unknown> };

const FAULTS: Array<[string, Fault]> = [
	['an HTML page with HTTP 200', { sandbox: { kind: 'html200' } }],
	['an empty body', { sandbox: { kind: 'emptyBody' } }],
	['a cut-off body', { sandbox: { kind: 'truncatedBody', handled: true } }],
	['HTTP 502', { sandbox: { kind: 'http5xx', status: 502 } }],
	// The five statuses fetch treats as redirects, and 300 / 304, which it hands back as answers.
	...[300, 301, 302, 303, 304, 307, 308].map((status): [string, Fault] => [
		`HTTP ${status} to another host`,
		{ sandbox: { kind: 'redirect', status, location: 'http://127.0.0.1:9/elsewhere' } },
	]),
	['an errcode that is a string', { answer: { errcode: '0', errmsg: 'ok', msgid: 'NOT-WECOM' } }],
	['an answer slower than the Request Timeout', { sandbox: { kind: 'slow', delayMs: 5000 } }],
];

/** The second run's error and how many sends it made, the fault armed for them only. */
async function outcomeWith(connections: 'keptAlive' | 'n8nClient', fault: Fault) {
	let armed = false;
	const fixture = await startTransportFixture({
		credential: { connections },
		intercept: (call) => (armed && call.path === SEND && 'answer' in fault ? fault.answer : undefined),
	});
	try {
		await fixture.run(cards, [{ json: {} }]);
		const sentBefore = fixture.proxy.calls(SEND).length;
		armed = true;
		if ('sandbox' in fault) fixture.sandbox.faults.add({ ...fault.sandbox, path: SEND, times: 1 } as FaultSpec);
		const run = await fixture.run(cards, [{ json: {} }]);
		return {
			error: run.error?.message,
			sent: run.items.some((item) => item.json.msgid !== undefined),
			attempts: fixture.proxy.calls(SEND).length - sentBefore,
		};
	} finally {
		await fixture.close();
	}
}

describe('kept-alive and n8n client fail alike', () => {
	it.each(FAULTS)('on %s', async (label, fault) => {
		const viaN8n = await outcomeWith('n8nClient', fault);
		const keptAlive = await outcomeWith('keptAlive', fault);

		expect(viaN8n.error).toBeDefined();
		expect(keptAlive.sent).toBe(false);
		expect(keptAlive.attempts).toBe(viaN8n.attempts);
		if (label.includes('slower')) {
			// Worded by each client (axios: "timeout of 1000ms exceeded").
			expect(keptAlive.error).toMatch(/^The request to WeCom failed: the answer did not complete within \d+ s$/);
			expect(viaN8n.error).toMatch(/^The request to WeCom failed: /);
		} else {
			expect(keptAlive.error).toBe(viaN8n.error);
		}
	});
});
