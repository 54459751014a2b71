/**
 * A host that is not WeCom, for the 'redirect' fault to point at: it records every request and
 * answers like a successful WeCom call, so a client that follows the redirect is caught twice
 * (the other host saw the request, and the client took its answer for WeCom's).
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson } from './http';

export const FOREIGN_ANSWER = { errcode: 0, errmsg: 'ok', msgid: 'FOREIGN' } as const;

export interface ForeignRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	body: string;
}

export interface ForeignHost {
	/** 'http://127.0.0.1:PORT': pass it as a redirect fault's `location`. */
	url: string;
	requests(): ForeignRequest[];
	close(): Promise<void>;
}

export async function startForeignHost(): Promise<ForeignHost> {
	const seen: ForeignRequest[] = [];
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://foreign.invalid');
		readBody(req).then(
			(body) => {
				seen.push({
					method: req.method ?? 'GET',
					path: url.pathname,
					query: Object.fromEntries(url.searchParams),
					headers: req.headers,
					body: body.text,
				});
				sendJson(res, 200, FOREIGN_ANSWER);
			},
			() => res.destroy(),
		);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests: () => structuredClone(seen),
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
