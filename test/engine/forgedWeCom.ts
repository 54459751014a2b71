/**
 * A stand-in origin in front of the sandbox: the paths a test forges answer what the test says
 * (shapes WeCom should never send), every other request goes on to the sandbox unchanged, so
 * gettoken, templates and the rest behave as WeCom does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The forged answer of a call: its JSON body, its number on that path (1-based) and its query (the token, the robot key). */
export type ForgedAnswer = (body: Record<string, unknown>, call: number, query: URLSearchParams) => unknown;

export interface ForgedWeCom {
	url: string;
	/** Calls per path, forged or passed on. */
	calls: Record<string, number>;
	close(): Promise<void>;
}

export async function startForgedWeCom(upstream: string, forged: Record<string, ForgedAnswer>): Promise<ForgedWeCom> {
	const calls: Record<string, number> = {};
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const { pathname: path, searchParams } = new URL(req.url ?? '/', 'http://forged.invalid');
			calls[path] = (calls[path] ?? 0) + 1;
			const text = Buffer.concat(chunks).toString('utf8');
			const answer = Object.hasOwn(forged, path) ? forged[path] : undefined;
			if (answer) {
				// An upload's multipart body is no JSON: the forged answer gets no body then.
				const body = text && text.trimStart().startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {};
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify(answer(body, calls[path], searchParams)));
				return;
			}
			void fetch(`${upstream}${req.url ?? '/'}`, {
				method: req.method,
				headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
				body: req.method === 'GET' || req.method === 'HEAD' ? undefined : text,
			})
				.then(async (upstreamAnswer) => {
					res.statusCode = upstreamAnswer.status;
					res.setHeader('content-type', upstreamAnswer.headers.get('content-type') ?? 'application/json');
					res.end(Buffer.from(await upstreamAnswer.arrayBuffer()));
				})
				.catch(() => res.destroy());
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		calls,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
