/**
 * A stub origin in front of the sandbox, for answers WeCom should never send. The credential's base
 * URL (or the robot's webhook URL) points here. Every request goes on to the sandbox unchanged,
 * unless a test forges the answer of its path (the sandbox is not asked) or rewrites the
 * sandbox's answer there. It counts calls and the most requests in flight at once per path, and
 * can hold requests so that they overlap.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Gets the sandbox's answer and the request's URL (path and query, as the node sent it). */
export type AnswerRewrite = (answer: Record<string, unknown>, requestUrl: URL) => unknown;

/** The forged answer of a call: its JSON body, its number on that path (1-based) and its query (the token, the robot key). */
export type ForgedAnswer = (body: Record<string, unknown>, call: number, query: URLSearchParams) => unknown;

export interface StubOrigin {
	url: string;
	/** Calls per path, forged or passed on. */
	calls: Record<string, number>;
	/** Answers `path` with this from now on, without asking the sandbox. */
	forge(path: string, answer: ForgedAnswer): void;
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

/** An upload's multipart body is no JSON: a forged answer gets an empty body then. */
function jsonBodyOf(body: Buffer): Record<string, unknown> {
	const text = body.toString('utf8');
	return text.trimStart().startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startStubOrigin(upstream: string): Promise<StubOrigin> {
	const forged = new Map<string, ForgedAnswer>();
	const rewrites = new Map<string, AnswerRewrite>();
	const delays = new Map<string, number>();
	const inFlight = new Map<string, number>();
	const peaks = new Map<string, number>();
	const calls: Record<string, number> = {};
	const seen: string[] = [];

	async function answer(req: IncomingMessage, url: URL): Promise<{ status: number; type: string; body: Buffer }> {
		const path = url.pathname;
		const body = await bodyOf(req);
		const wait = delays.get(path);
		if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
		const forge = forged.get(path);
		if (forge) {
			const json = JSON.stringify(forge(jsonBodyOf(body), calls[path], url.searchParams));
			return { status: 200, type: 'application/json', body: Buffer.from(json) };
		}
		const upstreamAnswer = await fetch(`${upstream}${path}${url.search}`, {
			method: req.method,
			headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
			body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
		});
		const type = upstreamAnswer.headers.get('content-type') ?? 'application/json';
		const bytes = Buffer.from(await upstreamAnswer.arrayBuffer());
		const change = rewrites.get(path);
		if (!change) return { status: upstreamAnswer.status, type, body: bytes };
		const changed = JSON.stringify(change(JSON.parse(bytes.toString('utf8')) as Record<string, unknown>, url));
		return { status: upstreamAnswer.status, type: 'application/json', body: Buffer.from(changed) };
	}

	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://stub.invalid');
		const path = url.pathname;
		seen.push(`${path}${url.search}`);
		calls[path] = (calls[path] ?? 0) + 1;
		inFlight.set(path, (inFlight.get(path) ?? 0) + 1);
		peaks.set(path, Math.max(peaks.get(path) ?? 0, inFlight.get(path) ?? 0));
		answer(req, url)
			.then(({ status, type, body }) => {
				res.writeHead(status, { 'content-type': type });
				res.end(body);
			})
			.catch((error: unknown) => {
				res.writeHead(502, { 'content-type': 'text/plain' });
				res.end(String(error));
			})
			.finally(() => inFlight.set(path, (inFlight.get(path) ?? 1) - 1));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		calls,
		forge: (path, forgedAnswer) => forged.set(path, forgedAnswer),
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

/** A stub origin whose listed paths answer what the test forges from the start. */
export async function startForgedWeCom(upstream: string, answers: Record<string, ForgedAnswer>): Promise<StubOrigin> {
	const stub = await startStubOrigin(upstream);
	for (const [path, forgedAnswer] of Object.entries(answers)) stub.forge(path, forgedAnswer);
	return stub;
}
