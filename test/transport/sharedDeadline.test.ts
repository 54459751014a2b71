/**
 * Kept-alive requests starting close together share one timeout signal (transport/keptAlive.ts
 * timeoutSignal). The promise: a request's deadline falls no earlier than its own Request
 * Timeout after its start. The wall clock (Date.now) is not the timer's clock: NTP stepping it
 * back, or an operator fixing the time, must not make a request join a shared signal that is
 * older than it looks, and time out before its Request Timeout.
 */
import { createServer, type Server } from 'node:http';
import { defaultMaxListeners, getEventListeners } from 'node:events';
import type { AddressInfo } from 'node:net';

import { sleep } from 'n8n-workflow';

import type { WeComCredentials } from '../../nodes/WeCom/TemplateCard/transport/credentials';
import { sendKeptAlive, testDirectPath } from '../../nodes/WeCom/TemplateCard/transport/keptAlive';

async function startOrigin(answerAfterMs: number): Promise<{ url: string; close(): Promise<void> }> {
	const server: Server = createServer((request, response) => {
		if (request.url === '/cgi-bin/') {
			response.writeHead(404).end('not found');
			return;
		}
		void sleep(answerAfterMs).then(() =>
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}'),
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

function credentialsFor(baseUrl: string): WeComCredentials {
	return { corpId: 'ww0123456789abcdef', agentId: 1000002, baseUrl, accessToken: 'token-in-hand' };
}

describe('shared deadlines of kept-alive requests', () => {
	let origin: Awaited<ReturnType<typeof startOrigin>> | undefined;

	afterEach(async () => {
		jest.restoreAllMocks();
		await origin?.close();
		origin = undefined;
	});

	it('does not time a request out before its Request Timeout when the wall clock is set back', async () => {
		const timeoutMs = 500;
		// Answers well within the timeout: 400 ms of 500.
		origin = await startOrigin(400);
		const credentials = credentialsFor(origin.url);

		// The connection test makes a timeout signal for this timeout (fires 600 ms from now).
		await expect(testDirectPath(credentials, timeoutMs)).resolves.toBe(true);
		await sleep(300);
		// NTP steps the wall clock back 260 ms: it now reads 40 ms after the signal was made.
		const realNow = Date.now.bind(Date);
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() - 260);

		const started = performance.now();
		const sent = sendKeptAlive(
			{ method: 'POST', url: `${origin.url}/cgi-bin/message/send`, body: { touser: 'alice' }, timeout: timeoutMs },
			credentials,
		);
		await expect(sent.then((answer) => answer.response)).resolves.toMatchObject({ errcode: 0 });
		expect(performance.now() - started).toBeGreaterThanOrEqual(390);
	});

	it('times a request out at its Request Timeout, not up to 100 ms later (the smallest timeout, 100 ms)', async () => {
		const timeoutMs = 100;
		// Answers 70 ms after the Request Timeout: the request must have given up by then.
		origin = await startOrigin(170);
		const credentials = credentialsFor(origin.url);

		await expect(testDirectPath(credentials, timeoutMs)).resolves.toBe(true);
		const started = performance.now();
		const sent = sendKeptAlive(
			{ method: 'POST', url: `${origin.url}/cgi-bin/message/send`, body: { touser: 'alice' }, timeout: timeoutMs },
			credentials,
		);
		await expect(sent).rejects.toMatchObject({ code: 'ETIMEDOUT' });
		expect(performance.now() - started).toBeLessThan(165);
	});

	it('shares a deadline among more requests than Node allows listeners on one signal', async () => {
		// Concurrency allows 50, and executions at once add up. Past events.defaultMaxListeners (10)
		// listeners on one signal Node warns "MaxListenersExceededWarning: Possible EventTarget
		// memory leak detected", which reads in n8n's log like a leak.
		const timeouts: AbortSignal[] = [];
		const timeout = AbortSignal.timeout.bind(AbortSignal);
		jest.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
			timeouts.push(timeout(ms));
			return timeouts[timeouts.length - 1];
		});
		origin = await startOrigin(50);
		const credentials = credentialsFor(origin.url);
		await expect(testDirectPath(credentials, 1000)).resolves.toBe(true);

		const sent = Array.from({ length: 30 }, async () =>
			sendKeptAlive(
				{ method: 'POST', url: `${origin!.url}/cgi-bin/message/send`, body: { touser: 'alice' }, timeout: 1000 },
				credentials,
			),
		);
		// All 30 are on their way (the origin answers after 50 ms).
		await sleep(20);
		const listeners = timeouts.map((signal) => getEventListeners(signal, 'abort').length);
		const answers = await Promise.all(sent);

		expect(answers.map((answer) => (answer.response as { errcode: number }).errcode)).toEqual(Array(30).fill(0));
		expect(timeouts.length).toBeGreaterThan(0);
		expect(Math.max(...listeners)).toBeLessThanOrEqual(defaultMaxListeners);
	});

	it('keeps a Request Timeout just under the longest timer Node has (about 24.8 days) from firing at once', async () => {
		// setTimeout runs a delay above 2^31 - 1 ms after 1 ms; adding the sharing margin must not cross it.
		const timeoutMs = 2 ** 31 - 1 - 50;
		origin = await startOrigin(50);
		const credentials = credentialsFor(origin.url);

		const sent = sendKeptAlive(
			{ method: 'POST', url: `${origin.url}/cgi-bin/message/send`, body: { touser: 'alice' }, timeout: timeoutMs },
			credentials,
		);
		await expect(sent.then((answer) => answer.response)).resolves.toMatchObject({ errcode: 0 });
	});
});
