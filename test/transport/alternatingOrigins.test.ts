/**
 * Per-request bookkeeping is memoized (the last base URL setting, the last URL fetch was asked
 * about, a connection test that answered). Two credentials with different base URLs, used in
 * turns, must each be sent to their own origin and judged by their own connection test.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { WeComCredentials } from '../../nodes/WeCom/TemplateCard/transport/credentials';
import { sendKeptAlive } from '../../nodes/WeCom/TemplateCard/transport/keptAlive';

async function startOrigin(name: string): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
	const hits: string[] = [];
	const server: Server = createServer((request, response) => {
		hits.push(request.url ?? '');
		if (request.url === '/cgi-bin/') {
			response.writeHead(404).end('not found');
			return;
		}
		response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 0, name }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		hits,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

async function closedPort(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}

function credentialsFor(baseUrl: string, accessToken: string): WeComCredentials {
	return { corpId: 'ww0123456789abcdef', agentId: 1000002, baseUrl, accessToken };
}

describe('two credentials with different base URLs, in turns', () => {
	it('sends each to its own origin and fails only the one whose connection test got no answer', async () => {
		const a = await startOrigin('a');
		const b = await startOrigin('b');
		const nowhere = await closedPort();
		try {
			const credentials = [
				credentialsFor(`${a.url}/ `, 'token-a'),
				credentialsFor(b.url, 'token-b'),
				credentialsFor(nowhere, 'token-c'),
			];
			for (let round = 0; round < 3; round++) {
				for (const [index, held] of credentials.entries()) {
					const base = String(held.baseUrl).trim().replace(/\/+$/, '');
					const sending = sendKeptAlive(
						{ method: 'POST', url: `${base}/cgi-bin/message/send`, body: { round }, timeout: 1000 },
						held,
					);
					if (index === 2) {
						await expect(sending).rejects.toThrow(/answered n8n's direct connection test/);
						continue;
					}
					await expect(sending.then((sent) => sent.response)).resolves.toEqual({ errcode: 0, name: index ? 'b' : 'a' });
				}
			}
			expect(a.hits.filter((hit) => hit === '/cgi-bin/')).toHaveLength(1);
			expect(b.hits.filter((hit) => hit === '/cgi-bin/')).toHaveLength(1);
			expect(a.hits.filter((hit) => hit.includes('token-b'))).toEqual([]);
			expect(b.hits.filter((hit) => hit.includes('token-a'))).toEqual([]);
		} finally {
			await a.close();
			await b.close();
		}
	});
});
