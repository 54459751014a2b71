/**
 * A tap on the wire between the sandbox (playing WeCom) and n8n: forwards every callback to
 * n8n unchanged, keeps the exact request (what someone on the path could capture and replay),
 * and can answer late, so the sandbox re-sends the very same request as WeCom does when no
 * answer comes within its timeout.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TappedRequest {
	method: string;
	/** Path and query as sent, e.g. /webhook/<id>/webhook?msg_signature=...&timestamp=...&nonce=... */
	pathAndQuery: string;
	contentType: string;
	body: string;
	/** n8n's answer to it. */
	status: number;
}

export interface CallbackTap {
	/** 'http://127.0.0.1:PORT' */
	url: string;
	requests(): TappedRequest[];
	/** The next `count` requests are forwarded at once, but answered only after `ms`. */
	answerLate(count: number, ms: number): void;
	close(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startCallbackTap(target: string): Promise<CallbackTap> {
	const tapped: TappedRequest[] = [];
	let late = { count: 0, ms: 0 };
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const delayMs = late.count > 0 ? late.ms : 0;
			if (late.count > 0) late = { ...late, count: late.count - 1 };
			const body = Buffer.concat(chunks).toString('utf8');
			const contentType = req.headers['content-type'] ?? '';
			void (async () => {
				try {
					const response = await fetch(`${target}${req.url ?? ''}`, {
						method: req.method,
						headers: contentType === '' ? undefined : { 'content-type': contentType },
						body: req.method === 'GET' ? undefined : body,
					});
					const text = await response.text();
					tapped.push({
						method: req.method ?? '',
						pathAndQuery: req.url ?? '',
						contentType,
						body,
						status: response.status,
					});
					if (delayMs > 0) await pause(delayMs);
					if (res.destroyed) return;
					res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'text/plain' });
					res.end(text);
				} catch (error) {
					if (!res.destroyed) res.writeHead(502).end(String((error as Error).message));
				}
			})();
		});
	});
	// The sandbox gives up on a late answer and closes the connection: nothing to report.
	server.on('clientError', (_error, socket) => socket.destroy());
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests: () => tapped.map((request) => ({ ...request })),
		answerLate: (count, ms) => {
			late = { count, ms };
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
