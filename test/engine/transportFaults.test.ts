/**
 * What real networks do between n8n and WeCom, through the engine: gateways answering HTTP 200
 * with something that is not WeCom's JSON, redirects to another host, a gettoken that hangs or
 * answers 502, and WeCom echoing request values in errmsg. Each must end as an explained error
 * or a delivery exactly once, never as a success without a msgid, and never leak a secret.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startForeignHost } from '../../sandbox/foreignHost';
import type { ForeignHost } from '../../sandbox/foreignHost';
import type { DeliveredMessage } from '../../sandbox';
import { registerSecret } from '../harness';
import { CREDENTIAL_ID, emptyItems, startEngineFixture, textNoticeParameters } from './fixtures';
import type { EngineFixture } from './fixtures';

const SEND = '/cgi-bin/message/send';
const GETTOKEN = '/cgi-bin/gettoken';

/** Cards that reached the member: a resend WeCom's duplicate check recognised is not one. */
function deliveredSends(fixture: EngineFixture): DeliveredMessage[] {
	return fixture.sandbox.messages().filter((message) => message.action === 'send' && message.duplicateOf === undefined);
}

describe('answers that are not WeCom JSON (HTTP 200 from a gateway)', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});

	afterEach(async () => {
		await fixture.close();
	});

	const noRetry = { retrySafely: false, maxAttempts: 1 };

	it.each([
		['an HTML page', { kind: 'html200' as const }],
		['an empty body', { kind: 'emptyBody' as const }],
		['a cut-off body, nothing handled', { kind: 'truncatedBody' as const, handled: false }],
		['a cut-off body after WeCom delivered it', { kind: 'truncatedBody' as const, handled: true }],
	])('fails the item on %s instead of reporting it sent', async (_label, fault) => {
		fixture.sandbox.faults.add({ ...fault, path: SEND, times: 1 });

		const run = await fixture.runCardNode({ ...textNoticeParameters('alice'), options: noRetry }, emptyItems(1), true);

		const [item] = run.items;
		expect(item.json.msgid).toBeUndefined();
		expect(item.json.error).toMatch(/did not answer with its \{"errcode": \.\.\.\} JSON/);
	});

	it('releases the dedup key, and a later execution delivers the card once', async () => {
		fixture.sandbox.faults.add({ kind: 'truncatedBody', handled: true, path: SEND, times: 1 });
		const parameters = { ...textNoticeParameters('alice'), options: { ...noRetry, deduplicate: true } };

		const failed = await fixture.runCardNode(parameters, emptyItems(1), true);
		const again = await fixture.runCardNode(parameters, emptyItems(1));

		expect(failed.items[0].json.error).toBeDefined();
		expect(again.items[0].json.msgid).toBeDefined();
		expect(again.items[0].json.skipped).toBeUndefined();
		// The cut-off answer was delivered; WeCom's duplicate check answers the resend without a second card.
		expect(deliveredSends(fixture)).toHaveLength(1);
	});

	it('resends under Retry Safely and delivers exactly once', async () => {
		fixture.sandbox.faults.add({ kind: 'truncatedBody', handled: true, path: SEND, times: 1 });
		fixture.sandbox.faults.add({ kind: 'html200', path: SEND, every: 3, times: 1 });

		const run = await fixture.runCardNode(
			{ ...textNoticeParameters('bob'), options: { maxAttempts: 3, retryBaseDelayMs: 10 } },
			emptyItems(4),
		);

		expect(run.error).toBeUndefined();
		expect(run.items.every((item) => typeof item.json.msgid === 'string')).toBe(true);
		expect(deliveredSends(fixture)).toHaveLength(4);
	});
});

describe('redirects are not followed', () => {
	let fixture: EngineFixture;
	let foreign: ForeignHost;

	beforeEach(async () => {
		fixture = await startEngineFixture();
		foreign = await startForeignHost();
	});

	afterEach(async () => {
		await foreign.close();
		await fixture.close();
	});

	it('on a send: the other host never sees the request or the token', async () => {
		await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(1));
		fixture.sandbox.faults.add({ kind: 'redirect', location: foreign.url, path: SEND, times: 1 });

		const run = await fixture.runCardNode(
			{ ...textNoticeParameters('alice'), options: { maxAttempts: 1 } },
			emptyItems(1),
			true,
		);

		expect(foreign.requests()).toEqual([]);
		expect(run.items[0].json.msgid).not.toBe('FOREIGN');
		expect(run.items[0].json.error).toBe('The request to WeCom was redirected, and the redirect was not followed');
	});

	it('on gettoken: the secret never travels to the other host', async () => {
		fixture.sandbox.faults.add({ kind: 'redirect', location: foreign.url, path: GETTOKEN, times: 1 });

		const run = await fixture.runCardNode(
			{ ...textNoticeParameters('alice'), options: { maxAttempts: 1 } },
			emptyItems(1),
			true,
		);

		expect(foreign.requests()).toEqual([]);
		expect(run.items[0].json.error).toMatch(/Could not get an access token/);
		expect(fixture.sandbox.messages()).toEqual([]);
	});
});

describe('gettoken failing for a moment', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});

	afterEach(async () => {
		await fixture.close();
	});

	it('answers 502 once: retried, not remembered, every card delivered', async () => {
		fixture.sandbox.faults.add({ kind: 'http5xx', status: 502, path: GETTOKEN, times: 1 });

		const run = await fixture.runCardNode(
			{ ...textNoticeParameters('alice'), options: { maxAttempts: 3, retryBaseDelayMs: 10 } },
			emptyItems(10),
			true,
		);

		expect(run.items.filter((item) => item.json.error)).toEqual([]);
		expect(deliveredSends(fixture)).toHaveLength(10);
		expect(fixture.sandbox.stats().gettoken).toBe(2);
	});

	it('hangs once: the node gives up on it, asks again and delivers every card', async () => {
		fixture.sandbox.faults.add({ kind: 'slow', delayMs: 120_000, path: GETTOKEN, times: 1 });

		const startedAt = Date.now();
		const run = await fixture.runCardNode(
			{ ...textNoticeParameters('alice'), options: { maxAttempts: 3, retryBaseDelayMs: 10 } },
			emptyItems(10),
			true,
		);

		expect(run.items.filter((item) => item.json.error)).toEqual([]);
		expect(deliveredSends(fixture)).toHaveLength(10);
		expect(fixture.sandbox.stats().gettoken).toBe(2);
		// One gettoken timeout (10 s), not one per item.
		expect(Date.now() - startedAt).toBeLessThan(60_000);
	}, 90_000);
});

describe('WeCom echoing request values in errmsg', () => {
	const TOKEN = 'echoed-token-0123456789abcdef0123456789';
	const SECRET = 'echoed-secret-abcdefghijklmnopqrstuvwxyz';
	registerSecret(TOKEN);
	registerSecret(SECRET);

	const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
	const image: INodeExecutionData = {
		json: {},
		binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'a.png' } },
	};
	it.each<[string, INodeParameters, INodeExecutionData[]]>([
		['a message', { ...textNoticeParameters('alice'), options: { maxAttempts: 1 } }, emptyItems(1)],
		['Get Approval Detail', { resource: 'approval', operation: 'getDetail', spNo: '202601010001' }, emptyItems(1)],
		[
			'Submit Approval',
			{
				resource: 'approval',
				operation: 'submit',
				creatorUserid: 'alice',
				templateId: { __rl: true, mode: 'id', value: 'tpl' },
				formInput: 'json',
				contentsJson: '[]',
				summary: 'x',
			},
			emptyItems(1),
		],
		[
			'Find User',
			{ resource: 'contact', operation: 'findUser', findBy: 'mobile', mobile: '13800000000' },
			emptyItems(1),
		],
		['Upload Image', { resource: 'media', operation: 'uploadImage' }, [image]],
		[
			'Custom API Call',
			{ resource: 'customApiCall', operation: 'customApiCall', customMethod: 'GET', customPath: 'get_api_domain_ip' },
			emptyItems(1),
		],
	])(
		'keeps the token and the secret out of the error of %s, whatever form the echo takes',
		async (_name, parameters, items) => {
			const echo = createServer((req, res) => {
				const path = new URL(req.url ?? '/', 'http://echo.invalid').pathname;
				res.setHeader('content-type', 'application/json');
				res.end(
					JSON.stringify(
						path === GETTOKEN
							? { errcode: 0, errmsg: 'ok', access_token: TOKEN, expires_in: 7200 }
							: {
									errcode: 40058,
									errmsg: `invalid request: {"access_token":"${TOKEN}"} token ${TOKEN} secret=${SECRET} (${SECRET})`,
								},
					),
				);
			});
			await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
			const fixture = await startEngineFixture();
			try {
				const { port } = echo.address() as AddressInfo;
				fixture.harness.credentials.replaceData(
					CREDENTIAL_ID,
					fixture.credentialData({ baseUrl: `http://127.0.0.1:${port}`, corpSecret: SECRET }),
				);

				const run = await fixture.runCardNode(parameters, items, true);

				const everything = JSON.stringify(run.items);
				expect(run.items[0].json.errcode).toBe(40058);
				expect(everything).not.toContain(TOKEN);
				expect(everything).not.toContain(SECRET);
			} finally {
				await fixture.close();
				await new Promise((resolve) => echo.close(resolve));
			}
		},
	);
});
