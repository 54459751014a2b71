/**
 * A stub origin in front of the sandbox: forwards every request to it, and lets a test rewrite
 * WeCom's answer on chosen paths (shapes the sandbox never sends) and see how many requests were
 * in flight at once per path. The credential's base URL (or the robot's webhook URL) points here.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Gets the sandbox's answer and the request's URL (path and query, as the node sent it). */
export type AnswerRewrite = (answer: Record<string, unknown>, requestUrl: URL) => unknown;

export interface StubOrigin {
	url: string;
	/** Rewrites the sandbox's JSON answer on `path` from now on. */
	rewrite(path: string, change: AnswerRewrite): void;
	/** Holds each request to `path` this long before forwarding it, so requests overlap. */
	delay(path: string, ms: number): void;
	/** The most requests to `path` that were in flight at the same time. */
	maxInFlight(path: string): number;
	/** Every request URL seen (path and query), oldest first. */
	urls(): string[];
	close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startStubOrigin(upstream: string): Promise<StubOrigin> {
	const rewrites = new Map<string, AnswerRewrite>();
	const delays = new Map<string, number>();
	const inFlight = new Map<string, number>();
	const peaks = new Map<string, number>();
	const seen: string[] = [];
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://stub.invalid');
		const path = url.pathname;
		seen.push(`${path}${url.search}`);
		inFlight.set(path, (inFlight.get(path) ?? 0) + 1);
		peaks.set(path, Math.max(peaks.get(path) ?? 0, inFlight.get(path) ?? 0));
		void (async () => {
			try {
				const body = await bodyOf(req);
				const wait = delays.get(path);
				if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
				const answer = await fetch(`${upstream}${path}${url.search}`, {
					method: req.method,
					headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
					body: req.method === 'GET' ? undefined : body,
				});
				let text = await answer.text();
				const change = rewrites.get(path);
				if (change) text = JSON.stringify(change(JSON.parse(text) as Record<string, unknown>, url));
				res.writeHead(answer.status, { 'content-type': 'application/json' });
				res.end(text);
			} catch (error) {
				res.writeHead(502, { 'content-type': 'text/plain' });
				res.end(String(error));
			} finally {
				inFlight.set(path, (inFlight.get(path) ?? 1) - 1);
			}
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		rewrite: (path, change) => rewrites.set(path, change),
		delay: (path, ms) => delays.set(path, ms),
		maxInFlight: (path) => peaks.get(path) ?? 0,
		urls: () => [...seen],
		close: async () =>
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
