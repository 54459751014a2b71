/**
 * A web page on another site must not drive the sandbox's control API or read its page: no
 * repointing the callback URL, no reading the demo Token and EncodingAESKey back, not even
 * through DNS rebinding (the page's own host name resolving to 127.0.0.1).
 */
import { request } from 'node:http';

import {
	callSandbox,
	DEMO_AGENT_ID,
	DEMO_CALLBACK_TOKEN,
	DEMO_CORP_ID,
	DEMO_ENCODING_AES_KEY,
	DEMO_SECRET,
	sampleButtonInteraction,
	sandboxControl,
	startSandbox,
} from '../../sandbox';
import type { Sandbox } from '../../sandbox';

interface RawAnswer {
	status: number;
	text: string;
}

/** A request with exactly the headers given (fetch would not let a test set Host). */
function raw(
	base: string,
	path: string,
	options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
	const url = new URL(path, base);
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: url.hostname,
				port: url.port,
				path: `${url.pathname}${url.search}`,
				method: options.method ?? 'GET',
				headers: { Host: url.host, ...options.headers },
				setHost: false,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
			},
		);
		req.on('error', reject);
		req.end(options.body);
	});
}

describe('sandbox: cross-site requests to the control API and the page', () => {
	let sandbox: Sandbox;
	let port: string;
	const json = { 'Content-Type': 'application/json' };

	beforeAll(async () => {
		sandbox = await startSandbox();
		port = new URL(sandbox.url).port;
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	const callbackUrl = () => sandbox.callbackConfig().url;

	it.each(['/sandbox/callback-config', '/sandbox/messages', '/', '/sandbox/ui/view'])(
		'answers 421 to a rebound host name on GET %s, and leaks nothing',
		async (path) => {
			const answer = await raw(sandbox.url, path, { headers: { Host: `attacker.example:${port}` } });
			expect(answer.status).toBe(421);
			expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: expect.stringContaining('attacker.example') });
			expect(answer.text).not.toContain(DEMO_CALLBACK_TOKEN);
			expect(answer.text).not.toContain(DEMO_ENCODING_AES_KEY);
		},
	);

	it('refuses to repoint the callback URL from a rebound host name', async () => {
		const before = callbackUrl();
		const answer = await raw(sandbox.url, '/sandbox/callback-config', {
			method: 'POST',
			headers: { ...json, Host: `attacker.example:${port}` },
			body: JSON.stringify({ url: 'http://attacker.example/steal' }),
		});
		expect(answer.status).toBe(421);
		expect(callbackUrl()).toBe(before);
	});

	it.each(['localhost:PORT', '127.0.0.1:PORT', '[::1]:PORT'])('accepts Host %s', async (host) => {
		const answer = await raw(sandbox.url, '/sandbox/callback-config', {
			headers: { Host: host.replace('PORT', port) },
		});
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.text)).toMatchObject({ token: DEMO_CALLBACK_TOKEN });
	});

	it('refuses a wrong port and a missing-port Host', async () => {
		for (const host of [`127.0.0.1:${Number(port) + 1}`, '127.0.0.1', 'localhost']) {
			expect((await raw(sandbox.url, '/sandbox/health', { headers: { Host: host } })).status).toBe(421);
		}
	});

	it('answers 403 to another origin, reading or writing', async () => {
		const before = callbackUrl();
		for (const origin of ['http://attacker.example', 'null', `http://localhost:${Number(port) + 1}`]) {
			const read = await raw(sandbox.url, '/sandbox/callback-config', { headers: { Origin: origin } });
			expect(read.status).toBe(403);
			expect(read.text).not.toContain(DEMO_ENCODING_AES_KEY);
			const write = await raw(sandbox.url, '/sandbox/callback-config', {
				method: 'POST',
				headers: { ...json, Origin: origin },
				body: JSON.stringify({ url: 'http://attacker.example/steal' }),
			});
			expect(write.status).toBe(403);
			expect(JSON.parse(write.text)).toMatchObject({ ok: false, error: expect.stringContaining('cross-site') });
		}
		expect(callbackUrl()).toBe(before);
	});

	it('answers 403 to a change without Content-Type: application/json (a form or a simple fetch)', async () => {
		const before = callbackUrl();
		for (const type of [
			undefined,
			'text/plain',
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
		]) {
			const answer = await raw(sandbox.url, '/sandbox/callback-config', {
				method: 'POST',
				headers: type ? { 'Content-Type': type } : {},
				body: JSON.stringify({ url: 'http://attacker.example/steal' }),
			});
			expect(answer.status).toBe(403);
			expect(answer.text).toContain('Content-Type: application/json');
		}
		for (const [method, path] of [
			['POST', '/sandbox/reset'],
			['POST', '/sandbox/rotate-secret'],
			['DELETE', '/sandbox/faults'],
		]) {
			expect((await raw(sandbox.url, path, { method })).status).toBe(403);
		}
		expect(callbackUrl()).toBe(before);
	});

	it('accepts its own origin and application/json with a charset', async () => {
		const before = callbackUrl();
		const target = 'http://127.0.0.1:9/other-placeholder';
		const answer = await raw(sandbox.url, '/sandbox/callback-config', {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json; charset=UTF-8',
				Origin: `http://localhost:${port}`,
				Host: `localhost:${port}`,
			},
			body: JSON.stringify({ url: target }),
		});
		expect(answer.status).toBe(200);
		expect(callbackUrl()).toBe(target);
		sandbox.setCallbackConfig({ url: before }); // callback settings survive reset()
	});

	it('leaves the WeCom API alone (servers call it, under any host name)', async () => {
		const answer = await raw(sandbox.url, `/cgi-bin/gettoken?corpid=${DEMO_CORP_ID}&corpsecret=${DEMO_SECRET}`, {
			headers: { Host: `wecom.internal.example:${port}`, Origin: 'http://attacker.example' },
		});
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.text)).toMatchObject({ errcode: 0 });
	});

	it("keeps the sandbox's own page working: the page, its polling and a click, with the headers a browser sends", async () => {
		const { json: t } = await callSandbox(sandbox.url, '/cgi-bin/gettoken', {
			query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
		});
		const { json: sent } = await callSandbox(sandbox.url, '/cgi-bin/message/send', {
			query: { access_token: String(t.access_token) },
			body: {
				touser: 'alice',
				msgtype: 'template_card',
				agentid: DEMO_AGENT_ID,
				template_card: sampleButtonInteraction('page-1'),
			},
		});
		for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
			const origin = `http://${host}`;
			// A top-level navigation: no Origin.
			const page = await raw(sandbox.url, '/?user=alice', {
				headers: { Host: host, 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate' },
			});
			expect(page.status).toBe(200);
			expect(page.text).toContain(`data-msgid="${String(sent.msgid)}"`);
			// Same-origin GET fetches (polling): browsers send no Origin on them.
			for (const path of ['/sandbox/ui/version?user=alice', '/sandbox/ui/view?user=alice']) {
				const poll = await raw(sandbox.url, path, { headers: { Host: host, 'Sec-Fetch-Site': 'same-origin' } });
				expect(poll.status).toBe(200);
			}
			// The click: a same-origin POST carries Origin and the JSON content type (web/client.ts).
			const click = await raw(sandbox.url, '/sandbox/click', {
				method: 'POST',
				headers: { Host: host, Origin: origin, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
				body: JSON.stringify({ userid: 'alice', msgid: sent.msgid, eventKey: 'approve' }),
			});
			expect(click.status).toBe(200);
			expect(JSON.parse(click.text)).toMatchObject({ event: 'template_card_event' });
		}
	});

	it('is driven by sandboxControl, DELETE included', async () => {
		const control = sandboxControl(sandbox.url);
		await control.addFaults({ kind: 'errcode', errcode: -1 });
		expect(await control.clearFaults()).toEqual({ ok: true });
		expect(sandbox.faults.list()).toEqual([]);
		expect(await control.reset()).toEqual({ ok: true });
	});
});
