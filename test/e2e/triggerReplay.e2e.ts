/**
 * The WeCom Trigger's defences against re-sends and replays, in a real n8n 2.41.1 (the package
 * installed from its tarball as n8n does), with the trigger's default options. The sandbox plays
 * WeCom and POSTs encrypted callbacks to the trigger's production URL through a tap that keeps
 * the exact requests (what anyone on the path could capture). Each scenario counts the
 * executions n8n started for the trigger's workflow, over n8n's REST API:
 * 1. WeCom's re-send: the answer comes late twice, the sandbox re-sends the same request, and the
 *    captured request is replayed twice more: one execution.
 * 2. Two approvers of a co-signed approval acting in the same second (same FromUserName "sys",
 *    CreateTime, SpNo, SpStatus and StatuChangeEvent): two executions.
 * 3. A captured callback replayed with timestamp and nonce swapped (the signature sorts them, so it
 *    stays valid): refused, also when the nonce reads as the current time. No execution.
 * 4. A captured callback's Encrypt replayed as the GET URL check's echostr: refused, and the answer
 *    holds nothing of the decrypted message. A genuine URL check on the same URL is answered.
 * 5. A callback signed and created 10 minutes ago: refused, no execution; the same message with
 *    current times: one execution.
 * WECOM_E2E_TARBALL=<path.tgz> runs the scenarios against another build (e.g. an older commit).
 */
import { randomUUID } from 'node:crypto';

import { sealCallback, toXml } from '../../sandbox/callbacks';
import type { XmlInputObject } from '../../sandbox/callbacks';
import { DEMO_AGENT_ID, DEMO_CALLBACK_TOKEN, DEMO_CORP_ID, DEMO_ENCODING_AES_KEY } from '../../sandbox';
import type { CallbackDelivery } from '../../sandbox';
import { startStack } from '../../scripts/n8n/stack';
import type { Stack } from '../../scripts/n8n/stack';
import { startCallbackTap } from './callbackTap';
import type { CallbackTap, TappedRequest } from './callbackTap';
import { outputsOf, unflatten } from './tokenRuns';
import { selectedVersion } from '../../scripts/n8n/versions';

/** WECOM_N8N_VERSION, else the default (scripts/n8n/versions.ts). */
const N8N_UNDER_TEST = selectedVersion();

/** The sandbox re-sends when no answer comes within this (WeCom: 5 s); shorter keeps the run short. */
const ACK_TIMEOUT_MS = 2000;
/** How long after the last request an execution it started would have shown up in n8n's list. */
const SETTLE_MS = 2500;
const EXECUTION_TIMEOUT_MS = 30_000;
/** Older than the trigger's default Max Request Age (300 s). */
const TEN_MINUTES_S = 600;
const TRIGGER_NODE = 'WeCom Trigger';
/** The demo app's callback settings, as the imported "WeCom callback sandbox" credential holds them. */
const SECRETS = { token: DEMO_CALLBACK_TOKEN, encodingAesKey: DEMO_ENCODING_AES_KEY, corpId: DEMO_CORP_ID };

type Json = Record<string, unknown>;

let stack: Stack;
let tap: CallbackTap;
let workflowId: string;
/** The trigger's production URL on n8n (the sandbox calls the same path behind the tap). */
let triggerUrl: string;
/** While set, the sandbox's clock stands still (two events in the same second). */
let frozenAt: number | undefined;
/** The click of scenario 1, as delivered and as captured on the wire. */
let captured: { delivery: CallbackDelivery; request: TappedRequest } | undefined;
function capturedClick(): NonNullable<typeof captured> {
	if (!captured) throw new Error('scenario 1 captured no callback');
	return captured;
}
const expectedTotal = { executions: 0 };
const figures: string[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nowSeconds = () => Math.floor(Date.now() / 1000);

function triggerWorkflow() {
	const trigger = {
		id: randomUUID(),
		name: TRIGGER_NODE,
		type: 'n8n-nodes-wecom-card.weComTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId: randomUUID(),
		credentials: { weComCallbackApi: { id: 'weComCallbackSandbox01', name: 'WeCom callback sandbox' } },
		// Default options: the replay window and re-send dedup as a user gets them.
		parameters: { events: ['*'], options: {} },
	};
	const received = {
		id: randomUUID(),
		name: 'Received',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [260, 0],
		parameters: {},
	};
	return {
		workflow: {
			name: 'WeCom Trigger replay e2e',
			nodes: [trigger, received],
			connections: { [TRIGGER_NODE]: { main: [[{ node: received.name, type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		},
		path: `/webhook/${trigger.webhookId}/webhook`,
	};
}

/** Executions n8n started for the trigger's workflow (any status), oldest first. */
async function executionIds(): Promise<string[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const list = await stack.rest.data<{ results: Array<{ id: string }> }>(
		'GET',
		`/rest/executions?filter=${filter}&limit=100`,
	);
	return list.results.map((execution) => execution.id).sort((a, b) => Number(a) - Number(b));
}

/**
 * Waits until the workflow has `expected` executions in all, then SETTLE_MS more, and returns the
 * count then (a late extra execution shows up in it). Returns the ids of the executions not in `before`.
 */
async function executionsAfterSettling(expected: number, before: string[]): Promise<string[]> {
	const deadline = Date.now() + EXECUTION_TIMEOUT_MS;
	while ((await executionIds()).length < expected && Date.now() < deadline) await sleep(250);
	await sleep(SETTLE_MS);
	return (await executionIds()).filter((id) => !before.includes(id));
}

/** The trigger's output item of a finished execution. */
async function triggerOutput(id: string): Promise<Json> {
	const deadline = Date.now() + EXECUTION_TIMEOUT_MS;
	for (;;) {
		const execution = await stack.rest.data<{ status: string; data: string }>('GET', `/rest/executions/${id}`);
		if (!['new', 'running'].includes(execution.status)) {
			const data = unflatten(execution.data) as { resultData: { runData: Parameters<typeof outputsOf>[0] } };
			return outputsOf(data.resultData.runData, TRIGGER_NODE)[0] ?? {};
		}
		if (Date.now() > deadline) throw new Error(`execution ${id} still ${execution.status}`);
		await sleep(250);
	}
}

/** Sends a request straight to n8n, as someone replaying a captured callback would. */
async function send(
	method: 'GET' | 'POST',
	query: URLSearchParams,
	body?: string,
): Promise<{ status: number; text: string }> {
	const response = await fetch(`${triggerUrl}?${query.toString()}`, {
		method,
		headers: body === undefined ? undefined : { 'content-type': 'text/xml; charset=utf-8' },
		body,
	});
	return { status: response.status, text: await response.text() };
}

const queryOf = (request: TappedRequest) => new URL(request.pathAndQuery, 'http://tap').searchParams;

function swapped(query: URLSearchParams): URLSearchParams {
	const swap = new URLSearchParams(query);
	swap.set('timestamp', query.get('nonce') ?? '');
	swap.set('nonce', query.get('timestamp') ?? '');
	return swap;
}

/** Every text value of a decrypted message (CDATA or plain), for a leak check. */
function valuesOf(xml: string): string[] {
	const values = [...xml.matchAll(/<!\[CDATA\[([^\]]*)\]\]>|>([^<>]+)</g)].map((match) => match[1] ?? match[2]);
	return values.filter((value) => value.trim().length >= 4);
}

/** A card click as WeCom documents the template_card_event (https://developer.work.weixin.qq.com/document/path/90240). */
function cardClick(createTime: number, taskId: string, responseCode: string): XmlInputObject {
	return {
		ToUserName: DEMO_CORP_ID,
		FromUserName: 'bob',
		CreateTime: createTime,
		MsgType: 'event',
		Event: 'template_card_event',
		EventKey: 'approve',
		TaskId: taskId,
		CardType: 'button_interaction',
		ResponseCode: responseCode,
		AgentID: DEMO_AGENT_ID,
	};
}

function sealed(xml: XmlInputObject, timestamp: number, nonce?: string) {
	const message = sealCallback(SECRETS, toXml('xml', xml), { timestamp, nonce, agentId: DEMO_AGENT_ID });
	return { query: new URLSearchParams({ ...message.query }), body: message.body };
}

function figure(line: string): void {
	figures.push(line);
	process.stdout.write(`\n${line}\n`);
}

beforeAll(async () => {
	const started = Date.now();
	stack = await startStack({
		n8nPort: 0,
		sandboxPort: 0,
		tarball: process.env.WECOM_E2E_TARBALL,
		sandbox: { clock: () => frozenAt ?? Date.now(), callbacks: { ackTimeoutMs: ACK_TIMEOUT_MS } },
	});
	const { workflow, path } = triggerWorkflow();
	workflowId = (await stack.rest.data<{ id: string }>('POST', '/rest/workflows', workflow)).id;
	await stack.rest.publishWorkflow(workflowId);
	triggerUrl = `${stack.server.url}${path}`;
	tap = await startCallbackTap(stack.server.url);
	stack.sandbox.setCallbackConfig({ url: `${tap.url}${path}` });
	// A freshly published webhook may answer 404 for a moment: wait for WeCom's URL check to pass.
	const deadline = Date.now() + EXECUTION_TIMEOUT_MS;
	while (!(await stack.sandbox.verifyCallbackUrl({ url: triggerUrl, timeoutMs: 10_000 })).ok) {
		if (Date.now() > deadline) throw new Error('the WeCom Trigger never answered the URL check');
		await sleep(250);
	}
	figure(
		`set-up: ${((Date.now() - started) / 1000).toFixed(1)} s${process.env.WECOM_E2E_TARBALL ? ` (tarball ${process.env.WECOM_E2E_TARBALL})` : ''}`,
	);
});

afterAll(async () => {
	await tap?.close();
	await stack?.close();
	process.stdout.write(`\nWeCom Trigger replay e2e\n${figures.map((line) => `  ${line}`).join('\n')}\n`);
});

describe(`n8n ${N8N_UNDER_TEST.version}: the WeCom Trigger against re-sends and replays (default options)`, () => {
	it('1. WeCom re-sends a card click (answer late twice) and the captured request is replayed twice: one execution', async () => {
		const since = Date.now();
		const before = await executionIds();
		const answer = await fetch(`${stack.server.url}/webhook/wecom/approval-requested`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ approver: 'alice', amount: '¥ 12.00', reason: 'Replay e2e' }),
		});
		expect(answer.status).toBe(200);
		const { msgid } = (await answer.json()) as { msgid: string };

		tap.answerLate(2, ACK_TIMEOUT_MS + 500);
		const click = await stack.sandbox.click({ userid: 'alice', msgid, eventKey: 'approve' });
		const attempts = click.delivery.attempts;
		expect(attempts.slice(0, 2).map((attempt) => attempt.error)).toEqual([
			expect.stringMatching(/no answer/),
			expect.stringMatching(/no answer/),
		]);
		expect(attempts.at(-1)?.status).toBe(200);

		const posts = tap.requests().filter((request) => request.method === 'POST');
		const request = posts[0];
		// Re-sends are the very same request, and n8n acknowledged each one.
		expect(posts.map((post) => [post.pathAndQuery, post.body, post.status])).toEqual(
			attempts.map(() => [request.pathAndQuery, request.body, 200]),
		);
		captured = { delivery: click.delivery, request };
		const replays = [];
		for (let replay = 0; replay < 2; replay++)
			replays.push((await send('POST', queryOf(request), request.body)).status);
		expect(replays).toEqual([200, 200]);

		expectedTotal.executions += 1;
		const started = await executionsAfterSettling(expectedTotal.executions, before);
		figure(
			`1. re-send: ${attempts.length} deliveries by the sandbox (${attempts.map((a) => a.status ?? 'late').join(', ')}) + 2 replays → ${started.length} execution(s) (${((Date.now() - since) / 1000).toFixed(1)} s)`,
		);
		expect(started).toHaveLength(1);
		expect(await triggerOutput(started[0])).toEqual(
			expect.objectContaining({ event: 'template_card_event', fromUser: 'alice', responseCode: click.responseCode }),
		);
	});

	it('2. two approvers of a co-signed approval act in the same second: two executions', async () => {
		const since = Date.now();
		const before = await executionIds();
		frozenAt = Date.now();
		const at = Math.floor(frozenAt / 1000);
		// Three approvers co-sign; alice and bob agree in the same second, so the approval stays pending.
		const cosign = (agreed: string[]) =>
			stack.sandbox.approve({
				spNo: '202612040001',
				status: 'pending',
				statusChangeEvent: 2,
				applicant: { userId: 'carol' },
				approvers: ['alice', 'bob', 'user0001'].map((userId) =>
					agreed.includes(userId) ? { userId, status: 2, time: at } : { userId, status: 1, time: 0 },
				),
			});
		const results = await Promise.all([cosign(['alice']), cosign(['alice', 'bob'])]).finally(() => {
			frozenAt = undefined;
		});
		const deliveries = results.map((result) => result.delivery);
		expect(deliveries.map((delivery) => delivery.delivered)).toEqual([true, true]);
		// What WeCom advises keying re-sends on is the same for both: FromUserName and CreateTime.
		const keyOf = (xml: string) => [
			/<FromUserName>(.*?)<\/FromUserName>/.exec(xml)?.[1],
			/<CreateTime>(.*?)<\/CreateTime>/.exec(xml)?.[1],
		];
		expect(keyOf(deliveries[0].xml)).toEqual(keyOf(deliveries[1].xml));

		expectedTotal.executions += 2;
		const started = await executionsAfterSettling(expectedTotal.executions, before);
		figure(
			`2. same second, same SpNo: 2 approval events delivered → ${started.length} execution(s) (${((Date.now() - since) / 1000).toFixed(1)} s)`,
		);
		expect(started).toHaveLength(2);
		const agreedBy = await Promise.all(
			started.map(async (id) => {
				const output = (await triggerOutput(id)) as {
					approvalNodes?: Array<{ approvers: Array<{ userId: string; status: number }> }>;
				};
				return (output.approvalNodes?.[0]?.approvers ?? [])
					.filter((approver) => approver.status === 2)
					.map((approver) => approver.userId);
			}),
		);
		expect(agreedBy.sort((a, b) => a.length - b.length)).toEqual([['alice'], ['alice', 'bob']]);
	});

	it('3. a captured callback replayed with timestamp and nonce swapped is refused (also when the nonce reads as now): no execution', async () => {
		const { request } = capturedClick();
		const before = await executionIds();
		const wire = await send('POST', swapped(queryOf(request)), request.body);
		// Captured 10 minutes ago, never delivered here, with a nonce that reads as the current time:
		// swapped, its signed timestamp is now, and only the message's own CreateTime gives it away.
		const then = nowSeconds() - TEN_MINUTES_S;
		const old = sealed(cardClick(then, `replay-swap-${randomUUID()}`, randomUUID()), then, String(nowSeconds()));
		const replayed = swapped(old.query);
		// The signed timestamp alone passes the default window (300 s).
		expect(Math.abs(Number(replayed.get('timestamp')) - nowSeconds())).toBeLessThan(60);
		const nonceAsNow = await send('POST', replayed, old.body);

		const started = await executionsAfterSettling(expectedTotal.executions, before);
		figure(
			`3. timestamp/nonce swapped: wire capture → HTTP ${wire.status} "${wire.text}", nonce reading as now → HTTP ${nonceAsNow.status} "${nonceAsNow.text}"; ${started.length} execution(s)`,
		);
		expect(wire.status).toBeGreaterThanOrEqual(400);
		expect(wire.status).toBeLessThan(500);
		expect(nonceAsNow.status).toBeGreaterThanOrEqual(400);
		expect(nonceAsNow.status).toBeLessThan(500);
		expect(started).toEqual([]);
	});

	it("4. a captured callback's Encrypt replayed as the GET echostr is refused and reveals nothing of the message", async () => {
		const { request, delivery } = capturedClick();
		const before = await executionIds();
		const encrypt = /<Encrypt><!\[CDATA\[([^\]]+)\]\]><\/Encrypt>/.exec(request.body)?.[1];
		expect(encrypt).toBeDefined();
		// The POST's msg_signature signs token, timestamp, nonce and Encrypt: valid for a GET echostr too.
		const query = queryOf(request);
		query.set('echostr', String(encrypt));
		const replay = await send('GET', query);
		const genuine = await stack.sandbox.verifyCallbackUrl({ url: triggerUrl, timeoutMs: 10_000 });

		const started = await executionsAfterSettling(expectedTotal.executions, before);
		const leaked = valuesOf(delivery.xml).filter((value) => replay.text.includes(value));
		figure(
			`4. Encrypt as GET echostr → HTTP ${replay.status} "${replay.text.slice(0, 80)}" (${leaked.length} of ${valuesOf(delivery.xml).length} message values in it); genuine URL check → ${genuine.ok ? 'answered' : `not answered: ${genuine.problem}`}; ${started.length} execution(s)`,
		);
		expect(replay.status).toBeGreaterThanOrEqual(400);
		expect(replay.status).toBeLessThan(500);
		expect(valuesOf(delivery.xml).length).toBeGreaterThan(5);
		expect(leaked).toEqual([]);
		expect(replay.text).not.toMatch(/[<>]/);
		expect(genuine).toEqual(expect.objectContaining({ ok: true, status: 200 }));
		expect(started).toEqual([]);
	});

	it('5. a callback signed and created 10 minutes ago is refused (no execution); the same message now starts one', async () => {
		const before = await executionIds();
		const taskId = `replay-window-${randomUUID()}`;
		const responseCode = randomUUID();
		const then = nowSeconds() - TEN_MINUTES_S;
		const old = sealed(cardClick(then, taskId, responseCode), then);
		const stale = await send('POST', old.query, old.body);
		const refused = await executionsAfterSettling(expectedTotal.executions, before);

		const now = nowSeconds();
		const fresh = sealed(cardClick(now, taskId, responseCode), now);
		const current = await send('POST', fresh.query, fresh.body);
		expectedTotal.executions += 1;
		const started = await executionsAfterSettling(expectedTotal.executions, before);
		figure(
			`5. 10 minutes old → HTTP ${stale.status} "${stale.text}", ${refused.length} execution(s); same message now → HTTP ${current.status}, ${started.length} execution(s)`,
		);
		expect(stale.status).toBeGreaterThanOrEqual(400);
		expect(stale.status).toBeLessThan(500);
		expect(refused).toEqual([]);
		expect(current.status).toBe(200);
		expect(started).toHaveLength(1);
		expect(await triggerOutput(started[0])).toEqual(expect.objectContaining({ taskId, responseCode, createTime: now }));
	});

	it('in all: the trigger workflow ran once per distinct event, never for a re-send or a replay', async () => {
		const total = (await executionIds()).length;
		figure(`in all: ${total} executions of the trigger workflow (expected ${expectedTotal.executions})`);
		expect(total).toBe(expectedTotal.executions);
	});
});
