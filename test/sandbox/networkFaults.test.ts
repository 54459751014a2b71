/**
 * Faults real networks produce between a client and WeCom: a gateway or captive portal answering
 * HTTP 200 with HTML, an empty or a cut body, a redirect to another host; and every fault on
 * gettoken as well as on the API calls.
 */
import { sleep } from 'n8n-workflow';

import {
	callSandbox,
	DEMO_AGENT_ID,
	DEMO_CORP_ID,
	DEMO_SECRET,
	FOREIGN_ANSWER,
	sampleTextNotice,
	sandboxControl,
	startForeignHost,
	startSandbox,
} from '../../sandbox';
import type { FaultSpec, ForeignHost, Sandbox } from '../../sandbox';

const SEND = '/cgi-bin/message/send';
/** gettoken, where access_tokens are issued. */
const ISSUE_ROUTE = '/cgi-bin/gettoken';

describe('sandbox: network faults', () => {
	let sandbox: Sandbox;
	let foreign: ForeignHost;
	let token: string;

	beforeAll(async () => {
		sandbox = await startSandbox();
		foreign = await startForeignHost();
	});
	afterAll(async () => {
		await sandbox.close();
		await foreign.close();
	});
	beforeEach(async () => {
		sandbox.reset();
		token = (await gettoken()).json.access_token as string;
	});

	const gettoken = () =>
		callSandbox(sandbox.url, ISSUE_ROUTE, { query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET } });
	const sendRaw = (init: RequestInit = {}) =>
		fetch(`${sandbox.url}${SEND}?access_token=${token}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				touser: 'alice',
				msgtype: 'template_card',
				agentid: DEMO_AGENT_ID,
				template_card: sampleTextNotice(),
			}),
			...init,
		});
	const notJson = (text: string) => expect(() => JSON.parse(text) as unknown).toThrow();

	it('html200: HTTP 200 with an HTML login page; the call is not handled', async () => {
		sandbox.faults.add({ path: SEND, kind: 'html200', times: 1 });
		const response = await sendRaw();
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		const text = await response.text();
		expect(text).toMatch(/^<!DOCTYPE html>/);
		notJson(text);
		expect(sandbox.messages()).toHaveLength(0);
		expect((await sendRaw()).status).toBe(200);
		expect(sandbox.messages()).toHaveLength(1);
	});

	it('emptyBody: HTTP 200 with nothing in it, handled or not', async () => {
		sandbox.faults.add({ path: SEND, kind: 'emptyBody', times: 1 });
		const unhandled = await sendRaw();
		expect(unhandled.status).toBe(200);
		expect(await unhandled.text()).toBe('');
		expect(sandbox.messages()).toHaveLength(0);

		sandbox.faults.add({ path: SEND, kind: 'emptyBody', handled: true, times: 1 });
		expect(await (await sendRaw()).text()).toBe('');
		expect(sandbox.messages()).toHaveLength(1);
	});

	it('truncatedBody: a complete 200 application/json response whose JSON stops half way; the call was delivered', async () => {
		sandbox.faults.add({ path: SEND, kind: 'truncatedBody', times: 1 });
		const response = await sendRaw();
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		const text = await response.text();
		notJson(text);
		expect(text.startsWith('{"errcode":0,"errmsg":"ok"')).toBe(true);
		// The maybe-delivered case: the card went out although the caller cannot read the msgid.
		const [sent] = sandbox.messages();
		expect(sent.msgid).toBeDefined();
		expect(text).not.toContain(String(sent.msgid));
		expect(sandbox.cardsFor('alice')).toHaveLength(1);
	});

	it('truncatedBody with handled: false cuts an answer of a call that was not handled', async () => {
		sandbox.faults.add({ path: SEND, kind: 'truncatedBody', handled: false, times: 1 });
		const text = await (await sendRaw()).text();
		notJson(text);
		expect(text.startsWith('{"errcode":-1')).toBe(true);
		expect(sandbox.messages()).toHaveLength(0);
	});

	it('redirect: 302 to the other host with the same path and query; a client that follows it is caught', async () => {
		sandbox.faults.add({ path: SEND, kind: 'redirect', location: `${foreign.url}/elsewhere`, times: 2 });
		const manual = await sendRaw({ redirect: 'manual' });
		expect(manual.status).toBe(302);
		expect(manual.headers.get('location')).toBe(`${foreign.url}${SEND}?access_token=${token}`);
		expect(foreign.requests()).toHaveLength(0);

		const followed = await sendRaw({ redirect: 'follow' });
		expect(await followed.json()).toEqual(FOREIGN_ANSWER);
		const [seen] = foreign.requests();
		expect(seen).toMatchObject({ path: SEND, query: { access_token: token } });
		expect(sandbox.messages()).toHaveLength(0);
	});

	it('redirect with a status: that 3xx, the same Location', async () => {
		sandbox.faults.add({ path: SEND, kind: 'redirect', status: 307, location: foreign.url, times: 1 });
		const answer = await sendRaw({ redirect: 'manual' });
		expect(answer.status).toBe(307);
		expect(answer.headers.get('location')).toBe(`${foreign.url}${SEND}?access_token=${token}`);
	});

	it('refuses a redirect without an http(s) location or with a status outside 3xx, and a non-boolean handled', () => {
		expect(() => sandbox.faults.add({ kind: 'redirect', status: 404, location: foreign.url })).toThrow(/300\.\.399/);
		expect(() => sandbox.faults.add({ kind: 'http5xx', status: 302 })).toThrow(/400\.\.599/);
		expect(() => sandbox.faults.add({ kind: 'redirect' })).toThrow(/location/);
		expect(() => sandbox.faults.add({ kind: 'redirect', location: 'ftp://x' })).toThrow(/location/);
		expect(() => sandbox.faults.add({ kind: 'truncatedBody', handled: 'yes' } as unknown as FaultSpec)).toThrow(
			/handled/,
		);
	});

	it('adds the new kinds over HTTP as well', async () => {
		const control = sandboxControl(sandbox.url);
		expect(
			await control.addFaults([
				{ path: SEND, kind: 'html200', times: 1 },
				{ path: SEND, kind: 'redirect', location: foreign.url, times: 1 },
			]),
		).toMatchObject({ ok: true, ids: [expect.any(String), expect.any(String)] });
		expect((await sendRaw()).headers.get('content-type')).toMatch(/^text\/html/);
		expect((await sendRaw({ redirect: 'manual' })).status).toBe(302);
	});

	describe('on gettoken', () => {
		it('answers an injected errcode', async () => {
			sandbox.faults.add({ path: ISSUE_ROUTE, kind: 'errcode', errcode: -1, times: 1 });
			expect((await gettoken()).json).toMatchObject({ errcode: -1 });
			expect((await gettoken()).json).toMatchObject({ errcode: 0, access_token: token });
		});

		it('answers 502 from the gateway', async () => {
			sandbox.faults.add({ path: ISSUE_ROUTE, kind: 'http5xx', status: 502, times: 1 });
			const answer = await gettoken();
			expect(answer.status).toBe(502);
			expect(answer.json).toBeUndefined();
			expect(sandbox.stats().tokensIssued).toBe(1);
		});

		it('redirects with the secret in the query: the other host receives it', async () => {
			sandbox.faults.add({ path: ISSUE_ROUTE, kind: 'redirect', location: foreign.url, times: 1 });
			const followed = await gettoken();
			expect(followed.json).toEqual(FOREIGN_ANSWER);
			expect(foreign.requests().at(-1)).toMatchObject({
				path: ISSUE_ROUTE,
				query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
			});
		});

		it.each(['html200', 'emptyBody', 'truncatedBody'] as const)('answers %s', async (kind) => {
			sandbox.faults.add({ path: ISSUE_ROUTE, kind, times: 1 });
			const answer = await gettoken();
			expect(answer.status).toBe(200);
			expect(answer.json).toBeUndefined();
			expect(answer.text).not.toContain(token);
		});

		it('hangs with a long slow fault until close() cuts it short', async () => {
			const hanging = await startSandbox();
			hanging.faults.add({ path: ISSUE_ROUTE, kind: 'slow', delayMs: 10 * 60_000 });
			const call = callSandbox(hanging.url, ISSUE_ROUTE, {
				query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
			});
			const outcome = call.then(
				() => 'answered',
				() => 'connection closed',
			);
			while (hanging.stats().gettoken === 0) await sleep(10);
			const raced = await Promise.race([outcome, sleep(300).then(() => 'still hanging')]);
			expect(raced).toBe('still hanging');
			const closing = Date.now();
			await hanging.close();
			expect(Date.now() - closing).toBeLessThan(2000);
			expect(await outcome).toBe('connection closed');
			expect(hanging.stats().tokensIssued).toBe(0);
		});
	});
});
