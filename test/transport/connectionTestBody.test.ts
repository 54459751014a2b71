/**
 * The kept-alive path's connection test (transport/keptAlive.ts testDirectPath) reads the answer
 * to GET /cgi-bin/ to its end. Something in front of WeCom that sends the headers and then drops
 * the connection, or lets the body trickle past the timeout, must not leave a failed test
 * remembered for the life of the process: every later card would fail with that error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { sleep } from 'n8n-workflow';

import type { WeComCredentials } from '../../nodes/WeCom/TemplateCard/transport/credentials';
import { sendKeptAlive, testDirectPath } from '../../nodes/WeCom/TemplateCard/transport/keptAlive';

type Behaviour = 'cutBody' | 'stallBody' | 'answer';

async function startOrigin(first: Behaviour): Promise<{ url: string; tests: () => number; close(): Promise<void> }> {
	let tests = 0;
	const server: Server = createServer((request, response) => {
		if (request.url === '/cgi-bin/') {
			tests++;
			if (tests === 1 && first === 'cutBody') {
				response.writeHead(404, { 'content-length': '100' });
				response.write('{"errcode":');
				// After the headers reached the client: the body is cut off, not the connection refused.
				void sleep(100).then(() => response.socket?.destroy());
				return;
			}
			if (tests === 1 && first === 'stallBody') {
				response.writeHead(404, { 'content-length': '100' });
				response.write('{"errcode":');
				return;
			}
			response.writeHead(404).end('not found');
			return;
		}
		response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok","msgid":"m1"}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		tests: () => tests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

function credentialsFor(baseUrl: string): WeComCredentials {
	return { corpId: 'ww0123456789abcdef', agentId: 1000002, baseUrl, accessToken: 'token-in-hand' };
}

const send = { method: 'POST' as const, body: { touser: 'alice' }, json: true, timeout: 1000 };

describe("the kept-alive path's connection test, when the answer's body fails", () => {
	let origin: Awaited<ReturnType<typeof startOrigin>> | undefined;

	afterEach(async () => {
		await origin?.close();
		origin = undefined;
	});

	it('tests again after a body cut off, and the card goes out', async () => {
		origin = await startOrigin('cutBody');
		const credentials = credentialsFor(origin.url);

		await expect(testDirectPath(credentials, 1000)).resolves.toBe(false);
		const sent = await sendKeptAlive({ ...send, url: `${origin.url}/cgi-bin/message/send` }, credentials);

		expect(sent.response).toMatchObject({ errcode: 0 });
		expect(origin.tests()).toBe(2);
	});

	it('counts a body that trickles past the timeout as no answer in time, not as a failure to remember', async () => {
		origin = await startOrigin('stallBody');
		const credentials = credentialsFor(origin.url);

		await expect(testDirectPath(credentials, 300)).resolves.toBe(false);
		// Remembered as silent (tested again a minute later), not as an error thrown at every card.
		await expect(testDirectPath(credentials, 300)).resolves.toBe(false);
		expect(origin.tests()).toBe(1);
	});
});
