/** A tiny WeCom stand-in whose gettoken answers the test chooses (shapes the sandbox never sends). */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWeCom {
	url: string;
	gettokens: number;
	sends: Array<{ token: string | null; at: number }>;
	close(): Promise<void>;
}

/**
 * `gettoken(n)` answers the n-th gettoken (1-based); message/send succeeds only with a token in
 * `valid`, else 40014.
 */
export async function startFakeWeCom(gettoken: (n: number) => unknown, valid: Set<string>): Promise<FakeWeCom> {
	const fake = { url: '', gettokens: 0, sends: [] as FakeWeCom['sends'] } as FakeWeCom;
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://fake.invalid');
		req.resume();
		req.on('end', () => {
			res.setHeader('content-type', 'application/json');
			if (url.pathname === '/cgi-bin/gettoken') {
				fake.gettokens++;
				res.end(JSON.stringify(gettoken(fake.gettokens)));
				return;
			}
			const token = url.searchParams.get('access_token');
			fake.sends.push({ token, at: Date.now() });
			const answer = !token
				? { errcode: 41001, errmsg: 'access_token missing' }
				: valid.has(token)
					? { errcode: 0, errmsg: 'ok', msgid: `m${fake.sends.length}` }
					: { errcode: 40014, errmsg: 'invalid access_token' };
			res.end(JSON.stringify(answer));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	fake.close = () => new Promise((resolve) => server.close(() => resolve()));
	return fake;
}
