/**
 * The sandbox counts what clients cost it in connections: TCP connections, TLS handshakes (and
 * resumed ones), each by the path of the first request the connection carried. Over HTTPS it
 * serves a certificate made at start that a client trusts only when told to; with an added
 * round-trip time a fresh TLS connection costs 3 RTT and a kept-alive request 1.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';

import { DEMO_CORP_ID, DEMO_SECRET, sandboxControl, startSandbox } from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox';

const GETTOKEN = '/cgi-bin/gettoken';
const HEALTH = '/sandbox/health';

/** One GET through `agent`; resolves with the status and how long it took in ms. */
function get(sandbox: Sandbox, path: string, agent: HttpAgent | HttpsAgent): Promise<{ status: number; ms: number }> {
	const url = new URL(path, sandbox.url);
	if (path === GETTOKEN) {
		url.searchParams.set('corpid', DEMO_CORP_ID);
		url.searchParams.set('corpsecret', DEMO_SECRET);
	}
	const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
	const started = performance.now();
	return new Promise((resolve, reject) => {
		request(url, { agent: agent as HttpsAgent }, (res) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
		})
			.on('error', reject)
			.end();
	});
}

describe('sandbox: connection counts', () => {
	let sandbox: Sandbox | undefined;
	const agents: (HttpAgent | HttpsAgent)[] = [];

	async function start(options: SandboxOptions = {}): Promise<Sandbox> {
		sandbox = await startSandbox(options);
		return sandbox;
	}
	function agent<A extends HttpAgent | HttpsAgent>(made: A): A {
		agents.push(made);
		return made;
	}

	afterEach(async () => {
		for (const made of agents.splice(0)) made.destroy();
		await sandbox?.close();
		sandbox = undefined;
	});

	it('counts one connection for requests kept alive on it, one per request without keep-alive', async () => {
		const box = await start();
		const keptAlive = agent(new HttpAgent({ keepAlive: true, maxSockets: 1 }));
		for (let i = 0; i < 3; i++) expect((await get(box, GETTOKEN, keptAlive)).status).toBe(200);
		const fresh = agent(new HttpAgent({ keepAlive: false }));
		await get(box, HEALTH, fresh);
		await get(box, HEALTH, fresh);

		expect(box.connections()).toEqual({
			opened: 3,
			tlsHandshakes: 0,
			tlsResumed: 0,
			openedByPath: { [GETTOKEN]: 1, [HEALTH]: 2 },
			tlsHandshakesByPath: {},
		});
	});

	it('forgets the counts on reset, and serves them at GET /sandbox/connections', async () => {
		const box = await start();
		const fresh = agent(new HttpAgent({ keepAlive: false }));
		await get(box, GETTOKEN, fresh);
		box.reset();
		expect(box.connections().opened).toBe(0);

		// The control call itself is a connection opened for /sandbox/connections.
		const served = await sandboxControl(box.url).connections();
		expect(served.opened).toBe(1);
		expect(served.openedByPath).toEqual({ '/sandbox/connections': 1 });
	});

	it('serves HTTPS with a certificate made at start, trusted only when the client is given it', async () => {
		const box = await start({ tls: true });
		expect(box.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		expect(box.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);

		await expect(get(box, GETTOKEN, agent(new HttpsAgent({ keepAlive: false })))).rejects.toThrow(/self[- ]signed/i);

		const trusting = agent(new HttpsAgent({ keepAlive: true, maxSockets: 1, ca: box.certificate }));
		for (let i = 0; i < 3; i++) expect((await get(box, GETTOKEN, trusting)).status).toBe(200);

		const counts = box.connections();
		// The refused client still opened a connection; its handshake never completed.
		expect(counts.opened).toBe(2);
		expect(counts.tlsHandshakes).toBe(1);
		expect(counts.openedByPath).toEqual({ [GETTOKEN]: 1 });
		expect(counts.tlsHandshakesByPath).toEqual({ [GETTOKEN]: 1 });
	});

	it('counts a TLS session resumed by the client apart from a full handshake', async () => {
		const box = await start({ tls: true });
		// Node's https.Agent keeps TLS sessions and offers them on its next connection.
		const fresh = agent(new HttpsAgent({ keepAlive: false, ca: box.certificate }));
		await get(box, GETTOKEN, fresh);
		await get(box, GETTOKEN, fresh);

		const counts = box.connections();
		expect(counts.tlsHandshakes).toBe(2);
		expect(counts.tlsResumed).toBe(1);
		expect(counts.tlsHandshakesByPath).toEqual({ [GETTOKEN]: 2 });
	});
});

describe('sandbox: added round-trip time', () => {
	const RTT_MS = 100;
	let sandbox: Sandbox | undefined;
	let client: HttpsAgent | HttpAgent | undefined;

	afterEach(async () => {
		client?.destroy();
		await sandbox?.close();
		sandbox = undefined;
	});

	it('costs a fresh TLS connection 3 round trips and a kept-alive request 1', async () => {
		sandbox = await startSandbox({ tls: true, latency: { rttMs: RTT_MS } });
		client = new HttpsAgent({ keepAlive: true, maxSockets: 1, ca: sandbox.certificate });

		const fresh = await get(sandbox, GETTOKEN, client);
		const keptAlive = await get(sandbox, GETTOKEN, client);

		expect(fresh.status).toBe(200);
		expect(fresh.ms).toBeGreaterThanOrEqual(3 * RTT_MS);
		expect(keptAlive.ms).toBeGreaterThanOrEqual(RTT_MS);
		expect(keptAlive.ms).toBeLessThan(2 * RTT_MS);
		// Behind the relay the server still counts the client's connections.
		expect(sandbox.connections()).toMatchObject({ opened: 1, tlsHandshakes: 1 });
	});

	it('costs a fresh plain-HTTP connection 2 round trips', async () => {
		sandbox = await startSandbox({ latency: { rttMs: RTT_MS } });
		client = new HttpAgent({ keepAlive: false });

		const fresh = await get(sandbox, GETTOKEN, client);

		expect(fresh.status).toBe(200);
		expect(fresh.ms).toBeGreaterThanOrEqual(2 * RTT_MS);
		expect(fresh.ms).toBeLessThan(3 * RTT_MS);
	});
});
