/**
 * Every 3xx a gateway may answer a send with (the five fetch treats as redirects, and 300/304 it
 * does not) ends the same on both clients: the same item error, the same number of attempts, and
 * the host the Location points at never sees the request or its token.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeParameters } from 'n8n-workflow';

import { startForeignHost, type ForeignHost } from '../../sandbox/foreignHost';
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

/** In front of the recording proxy: answers armed sends with `status` and a Location to the foreign host. */
async function startFront(foreign: ForeignHost) {
	const state = { target: '', status: 0, redirected: 0 };
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://front');
		if (state.status && url.pathname === SEND) {
			state.redirected++;
			req.resume();
			req.on('end', () => {
				res.writeHead(state.status, { location: `${foreign.url}${url.pathname}${url.search}`, 'content-length': '0' });
				res.end();
			});
			return;
		}
		const upstream = new URL(state.target);
		const forward = httpRequest(
			{ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		forward.on('error', () => req.socket.destroy());
		req.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		state,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

async function outcomeWith(connections: 'keptAlive' | 'n8nClient', status: number, retrySafely: boolean) {
	const foreign = await startForeignHost();
	const front = await startFront(foreign);
	const fixture = await startTransportFixture({ credential: { connections, baseUrl: front.url } });
	front.state.target = fixture.proxy.url;
	try {
		await fixture.run(cards, [{ json: {} }]);
		front.state.status = status;
		const parameters = { ...cards, options: { ...(cards.options as object), retrySafely } };
		const run = await fixture.run(parameters, [{ json: {} }]);
		return {
			error: run.error?.message,
			sent: run.items.some((item) => item.json.msgid !== undefined),
			attempts: front.state.redirected,
			foreign: foreign.requests().length,
		};
	} finally {
		await fixture.close();
		await front.close();
		await foreign.close();
	}
}

describe('every 3xx ends alike on both clients', () => {
	const cases = [300, 301, 302, 303, 304, 307, 308].flatMap((status) => [
		[status, false],
		[status, true],
	]) as Array<[number, boolean]>;
	it.each(cases)('HTTP %d, Retry Safely %s', async (status, retrySafely) => {
		const viaN8n = await outcomeWith('n8nClient', status, retrySafely);
		const keptAlive = await outcomeWith('keptAlive', status, retrySafely);

		expect(viaN8n.foreign).toBe(0);
		expect(keptAlive.foreign).toBe(0);
		expect(keptAlive.sent).toBe(false);
		expect(viaN8n.sent).toBe(false);
		// Maybe delivered as far as the node knows (a timeout's kind): sent again only under Retry Safely.
		expect(viaN8n.attempts).toBe(retrySafely ? 2 : 1);
		expect(keptAlive.attempts).toBe(viaN8n.attempts);
		expect(keptAlive.error).toBe(viaN8n.error);
		expect(keptAlive.error).toBe('The request to WeCom was redirected, and the redirect was not followed');
	});
});
