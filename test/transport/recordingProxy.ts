/**
 * An HTTP proxy between the node and the sandbox that records every request exactly as it went
 * over the wire (raw body, query, arrival time) and when its answer left. The transport tests
 * assert on these records, so they check what the node sent, not what the sandbox made of it.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface RecordedCall {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	rawBody: string;
	/** Which TCP connection carried it (numbered from 1 in the order they were opened). */
	connection: number;
	/** performance.now() when the whole request had arrived. */
	receivedAt: number;
	/** performance.now() when the answer was sent back; undefined if the connection dropped. */
	answeredAt?: number;
	status?: number;
}

export interface RecordingProxy {
	url: string;
	calls(path?: string): RecordedCall[];
	/** TCP connections the node opened to the proxy so far. */
	connections(): number;
	/**
	 * A front end restarting: every connection is dropped and the port refuses connections for
	 * downtimeMs. Stops listening at once; settles when it listens again.
	 */
	outage(downtimeMs: number): Promise<void>;
	close(): Promise<void>;
}

/**
 * Answers a call in WeCom's place instead of forwarding it (the JSON body, sent with HTTP 200),
 * or undefined to forward it to the sandbox.
 */
export type Interceptor = (call: RecordedCall) => Record<string, unknown> | undefined;

/** The parsed JSON body of a call (throws if it is not JSON: that alone is a finding). */
export function jsonBody(call: RecordedCall): Record<string, unknown> {
	return JSON.parse(call.rawBody) as Record<string, unknown>;
}

export async function startRecordingProxy(target: string, intercept?: Interceptor): Promise<RecordingProxy> {
	const upstream = new URL(target);
	const recorded: RecordedCall[] = [];
	let connections = 0;
	const connectionOf = new WeakMap<object, number>();

	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://proxy');
			const call: RecordedCall = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				connection: connectionOf.get(req.socket) ?? 0,
				rawBody: Buffer.concat(chunks).toString('utf8'),
				receivedAt: performance.now(),
			};
			recorded.push(call);
			const answer = intercept?.(call);
			if (answer) {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify(answer), () => {
					call.answeredAt = performance.now();
					call.status = 200;
				});
				return;
			}
			const forward = httpRequest(
				{
					host: upstream.hostname,
					port: upstream.port,
					method: call.method,
					path: req.url,
					headers: { ...req.headers, host: upstream.host },
				},
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
					res.on('finish', () => {
						call.answeredAt = performance.now();
						call.status = answer.statusCode;
					});
				},
			);
			// The sandbox dropped the connection (a fault): drop ours too, as WeCom's front end would.
			forward.on('error', () => req.socket.destroy());
			forward.end(Buffer.concat(chunks));
		});
	});

	server.on('connection', (socket) => connectionOf.set(socket, ++connections));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		calls: (path) => recorded.filter((call) => path === undefined || call.path === path),
		connections: () => connections,
		outage: async (downtimeMs) => {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			await closed;
			await new Promise((resolve) => setTimeout(resolve, downtimeMs));
			await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
