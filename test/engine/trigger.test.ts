/**
 * The WeCom Trigger through n8n-core (WebhookContext + WorkflowExecute) with the sandbox as
 * WeCom: URL verification, the click → trigger → update loop, votes and multiple choice,
 * menu clicks and the event filter, approvals, WeCom's re-sends, the replay window, captured
 * callbacks replayed, distinct events in one second, and the example workflow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialTestFunctions, INode, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { WeComCallbackApi } from '../../credentials/WeComCallbackApi.credentials';
import { openCallback } from '../../nodes/WeCom/shared/callback';
import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { WeComTrigger } from '../../nodes/WeCom/Trigger/WeComTrigger.node';
import {
	DEMO_AGENT_ID,
	DEMO_CALLBACK_TOKEN,
	DEMO_CORP_ID,
	DEMO_ENCODING_AES_KEY,
	sampleButtonInteraction,
	sampleMultipleInteraction,
	sampleTextNoticeWithMenu,
	sampleVoteInteraction,
} from '../../sandbox';
import type { SandboxOptions } from '../../sandbox';
import { sealCallback, toXml } from '../../sandbox/callbacks';
import type { XmlInputObject } from '../../sandbox/callbacks';
import { createEngineHarness, recordForLeakScan } from '../harness';
import type { HarnessNode } from '../harness';
import {
	API_CREDENTIAL,
	CALLBACK_CREDENTIAL,
	CARD_TYPE,
	TRIGGER_TYPE,
	startTriggerLoop,
	type TriggerLoop,
} from '../harness/triggerLoop';
import { startTriggerHost } from './triggerHost';
import type { CapturedRequest, TriggerHost, TriggerHostOptions } from './triggerHost';

/** Update the clicked card for the clicking member, greying its button out. */
const greyOutForClicker: HarnessNode = {
	type: CARD_TYPE,
	name: 'Update Card',
	parameters: {
		resource: 'message',
		operation: 'updateTemplateCard',
		responseCode: '={{ $json.responseCode }}',
		updateMode: 'button',
		replaceName: '={{ "Done: " + $json.eventKey }}',
		updateTarget: 'some',
		userIds: '={{ $json.fromUser }}',
	},
	credentials: { weComApi: API_CREDENTIAL },
};

const startLoop = async (
	triggerParameters: INodeParameters = { events: ['*'] },
	hostOptions: Partial<TriggerHostOptions> = {},
	sandboxOptions: SandboxOptions = { callbacks: { ackTimeoutMs: 3000 } },
): Promise<TriggerLoop> =>
	await startTriggerLoop({ triggerParameters, downstream: [greyOutForClicker], hostOptions, sandboxOptions });

async function sendCard(loop: TriggerLoop, card: Record<string, unknown>, toUser = 'alice|bob') {
	const run = await loop.harness.runNode({
		type: CARD_TYPE,
		parameters: {
			resource: 'message',
			operation: 'sendTemplateCard',
			toUser,
			cardInput: 'json',
			cardJson: JSON.stringify(card),
		},
		credentials: { weComApi: API_CREDENTIAL },
	});
	expect(run.error).toBeUndefined();
	return run.items[0].json as { msgid: string; task_id?: string };
}

describe('WeCom Trigger through the engine, with the sandbox as WeCom', () => {
	let loop: TriggerLoop;

	afterEach(async () => {
		await loop?.close();
	});

	it("passes WeCom's URL verification: the decrypted echostr, as plain text, nothing else", async () => {
		loop = await startLoop();
		const result = await loop.sandbox.verifyCallbackUrl({ timeoutMs: 5000 });
		expect(result).toMatchObject({ ok: true, status: 200 });
		expect(result.received).toBe(result.expected);
		expect(loop.host.requests).toEqual([expect.objectContaining({ method: 'GET', status: 200, started: false })]);
	});

	it('fails the URL verification when the Token differs (a 401, nothing started)', async () => {
		loop = await startLoop();
		loop.sandbox.setCallbackConfig({ token: 'AnotherToken42' });
		const result = await loop.sandbox.verifyCallbackUrl({ timeoutMs: 5000 });
		expect(result).toMatchObject({ ok: false, status: 401 });
	});

	it('closes the loop: send a button card → click → trigger → update → the member sees the grey button', async () => {
		loop = await startLoop();
		const sent = await sendCard(loop, sampleButtonInteraction('expense-42'));
		const click = await loop.sandbox.click({ userid: 'alice', taskId: 'expense-42', eventKey: 'approve' });
		expect(click.delivery).toMatchObject({
			delivered: true,
			attempts: [expect.objectContaining({ status: 200, body: '' })],
		});

		const [run] = await loop.host.settled(1);
		expect(run.error).toBeUndefined();
		const event = run.itemsOf('WeCom Trigger')[0].json;
		expect(event).toMatchObject({
			category: 'templateCard',
			event: 'template_card_event',
			msgType: 'event',
			fromUser: 'alice',
			toUser: DEMO_CORP_ID,
			agentId: DEMO_AGENT_ID,
			createTime: expect.any(Number),
			taskId: 'expense-42',
			eventKey: 'approve',
			cardType: 'button_interaction',
			responseCode: click.responseCode,
			selectedItems: [],
		});
		expect(event.rawXml).toContain('<Event><![CDATA[template_card_event]]></Event>');
		expect(run.itemsOf('Update Card')[0].json).toMatchObject({ updated: true, mode: 'button' });

		const alice = loop.sandbox.cardsFor('alice').find((card) => card.msgid === sent.msgid);
		const bob = loop.sandbox.cardsFor('bob').find((card) => card.msgid === sent.msgid);
		expect(alice?.replaceName).toBe('Done: approve');
		expect(bob?.replaceName).toBeUndefined();
		// The click's ResponseCode is now used: a second click on the grey button is impossible.
		await expect(loop.sandbox.click({ userid: 'alice', taskId: 'expense-42' })).rejects.toThrow(/already replaced/);
	});

	it('carries vote and multiple-choice answers intact (several questions, several options)', async () => {
		loop = await startLoop({ events: ['template_card_event'] });
		const vote = sampleVoteInteraction('lunch-1');
		(vote.checkbox as { mode: number }).mode = 1;
		await sendCard(loop, vote);
		const multiple = sampleMultipleInteraction('slots-1');
		multiple.select_list = [
			...(multiple.select_list as unknown[]),
			{
				question_key: 'time',
				title: 'Time',
				option_list: [
					{ id: 'am', text: 'Morning' },
					{ id: 'pm', text: 'Afternoon' },
				],
			},
			{
				question_key: 'room',
				title: 'Room',
				option_list: [
					{ id: 'r1', text: 'Room ]]> 1' },
					{ id: 'r2', text: 'Room 2' },
				],
			},
		];
		await sendCard(loop, multiple);

		await loop.sandbox.click({
			userid: 'bob',
			taskId: 'lunch-1',
			selectedItems: [{ questionKey: 'lunch', optionIds: ['noodles', 'rice'] }],
		});
		await loop.sandbox.click({
			userid: 'alice',
			taskId: 'slots-1',
			selectedItems: [
				{ questionKey: 'day', optionIds: ['tue'] },
				{ questionKey: 'time', optionIds: ['pm'] },
			],
		});
		const [voteRun, multipleRun] = await loop.host.settled(2);
		expect(voteRun.itemsOf('WeCom Trigger')[0].json).toMatchObject({
			cardType: 'vote_interaction',
			eventKey: 'vote',
			selectedItems: [{ questionKey: 'lunch', optionIds: ['noodles', 'rice'] }],
		});
		expect(multipleRun.itemsOf('WeCom Trigger')[0].json).toMatchObject({
			cardType: 'multiple_interaction',
			eventKey: 'submit',
			selectedItems: [
				{ questionKey: 'day', optionIds: ['tue'] },
				{ questionKey: 'time', optionIds: ['pm'] },
				{ questionKey: 'room', optionIds: ['r1'] },
			],
		});
		expect(voteRun.itemsOf('Update Card')[0].json).toMatchObject({ updated: true });
	});

	it('filters by event: a menu click is acknowledged but starts nothing when only button clicks are wanted', async () => {
		loop = await startLoop({ events: ['template_card_event'] });
		await sendCard(loop, sampleTextNoticeWithMenu('menu-1'));
		const click = await loop.sandbox.click({ userid: 'alice', taskId: 'menu-1', eventKey: 'mute' });
		expect(click.event).toBe('template_card_menu_event');
		expect(click.delivery.delivered).toBe(true);
		expect(loop.host.requests).toEqual([expect.objectContaining({ status: 200, started: false })]);
	});

	it('reports a menu click with its own ResponseCode when menu clicks are wanted', async () => {
		loop = await startLoop({ events: ['template_card_menu_event'] }, { downstream: [] });
		await sendCard(loop, sampleTextNoticeWithMenu('menu-2'));
		const click = await loop.sandbox.click({ userid: 'bob', taskId: 'menu-2', eventKey: 'mute' });
		expect(loop.host.started).toHaveLength(1);
		expect(loop.host.started[0][0].json).toMatchObject({
			category: 'templateCardMenu',
			event: 'template_card_menu_event',
			eventKey: 'mute',
			cardType: 'text_notice',
			responseCode: click.responseCode,
			fromUser: 'bob',
		});
	});

	it('reports approval changes (sys_approval_change) with the approval fields', async () => {
		loop = await startLoop({ events: ['approval'] }, { downstream: [] });
		const approval = await loop.sandbox.approve({
			spNo: '202611290001',
			status: 'approved',
			spName: 'Travel',
			applicant: { userId: 'alice', party: '2' },
			approvers: [{ userId: 'bob', speech: 'OK <fine> & done ]]> really' }],
			notifiers: ['carol'],
		});
		expect(approval.delivery.delivered).toBe(true);
		expect(loop.host.started).toHaveLength(1);
		const event = loop.host.started[0][0].json;
		expect(event).toMatchObject({
			category: 'approval',
			event: 'sys_approval_change',
			fromUser: 'sys',
			agentId: DEMO_AGENT_ID,
			spNo: '202611290001',
			spName: 'Travel',
			spStatus: 2,
			spStatusText: 'approved',
			applicant: { userId: 'alice', party: '2' },
			statusChangeEvent: 2,
			notifiers: ['carol'],
			approvalNodes: [
				{
					status: 2,
					approverAttr: 1,
					approvers: [{ userId: 'bob', speech: 'OK <fine> & done ]]> really', status: 2 }],
				},
			],
		});
		expect(event.templateId).toEqual(expect.any(String));
		expect(event.applyTime).toEqual(expect.any(Number));
	});

	it("drops WeCom's re-sends: a late answer makes WeCom send again, the workflow runs once", async () => {
		loop = await startLoop(
			{ events: ['*'] },
			{ delayFirst: { requests: 1, ms: 600 } },
			{ callbacks: { ackTimeoutMs: 250, maxRetries: 3 } },
		);
		await sendCard(loop, sampleButtonInteraction('late-1'));
		const click = await loop.sandbox.click({ userid: 'alice', taskId: 'late-1', eventKey: 'reject' });
		expect(click.delivery.attempts[0].error).toMatch(/no answer within 250 ms/);
		expect(click.delivery.delivered).toBe(true);
		// Let the held-back first delivery finish too.
		await new Promise((resolve) => setTimeout(resolve, 700));
		const posts = loop.host.requests.filter((request) => request.method === 'POST');
		expect(posts.length).toBeGreaterThanOrEqual(2);
		expect(posts.every((request) => request.status === 200)).toBe(true);
		expect(posts.filter((request) => request.started)).toHaveLength(1);
		const [run] = await loop.host.settled(1);
		expect(run.itemsOf('Update Card')[0].json).toMatchObject({ updated: true });
	});

	it('refuses requests outside the replay window, and WeCom gives up after three re-sends', async () => {
		loop = await startLoop({ events: ['*'], options: { maxAgeSeconds: 120 } }, { downstream: [] });
		await sendCard(loop, sampleButtonInteraction('replay-1'));
		loop.sandbox.advanceClock(3600 * 1000); // the sandbox's timestamps are now an hour ahead
		const click = await loop.sandbox.click({ userid: 'alice', taskId: 'replay-1' });
		expect(click.delivery.delivered).toBe(false);
		expect(click.delivery.attempts.map((attempt) => attempt.status)).toEqual([403, 403, 403, 403]);
		expect(loop.host.started).toHaveLength(0);
	});

	it('works from the xml2js body when n8n keeps no raw body', async () => {
		loop = await startLoop({ events: ['*'] }, { withoutRawBody: true, downstream: [] });
		await sendCard(loop, sampleButtonInteraction('parsed-1'));
		const click = await loop.sandbox.click({ userid: 'alice', taskId: 'parsed-1' });
		expect(loop.host.started[0][0].json).toMatchObject({ responseCode: click.responseCode, eventKey: 'approve' });
	});

	it('drives the sandbox over HTTP as well (callback-config, click, verify-callback)', async () => {
		loop = await startLoop({ events: ['*'] }, { downstream: [] });
		await sendCard(loop, sampleButtonInteraction('http-1'));
		const post = async (path: string, body: unknown) => {
			const response = await fetch(`${loop.sandbox.url}${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
			return { status: response.status, json: (await response.json()) as Record<string, unknown> };
		};
		expect((await post('/sandbox/callback-config', { url: loop.host.webhookUrl })).json.url).toBe(loop.host.webhookUrl);
		expect((await post('/sandbox/verify-callback', { timeoutMs: 5000 })).json).toMatchObject({ ok: true });
		const click = await post('/sandbox/click', { userid: 'alice', taskId: 'http-1', eventKey: 'approve' });
		expect(click.status).toBe(200);
		expect(loop.host.started[0][0].json).toMatchObject({ responseCode: click.json.responseCode });
		expect((await post('/sandbox/click', { userid: 'nobody', taskId: 'http-1' })).status).toBe(400);
		expect((await post('/sandbox/approve', { spNo: '1', status: 'approved' })).json).toMatchObject({
			delivery: { delivered: true },
		});
	});
});

const CALLBACK_SECRETS = { corpId: DEMO_CORP_ID, token: DEMO_CALLBACK_TOKEN, encodingAesKey: DEMO_ENCODING_AES_KEY };
const MINUTE = 60 * 1000;
const REAL_NOW = Date.now;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Moves the trigger's clock (Date.now) `ms` ahead of real time; the sandbox keeps its own clock. */
function clockAhead(ms: number): void {
	jest.spyOn(Date, 'now').mockImplementation(() => REAL_NOW() + ms);
}

/** The trigger as a restarted n8n has it: its module loaded afresh, nothing remembered. */
async function restartedTrigger(): Promise<TriggerHost> {
	let Fresh: typeof WeComTrigger | undefined;
	await jest.isolateModulesAsync(async () => {
		({ WeComTrigger: Fresh } = await import('../../nodes/WeCom/Trigger/WeComTrigger.node'));
	});
	expect(Fresh).not.toBe(WeComTrigger);
	const harness = createEngineHarness({
		nodeTypes: { [TRIGGER_TYPE]: new Fresh!() },
		credentialTypes: { weComCallbackApi: new WeComCallbackApi() },
	});
	harness.credentials.add({
		...CALLBACK_CREDENTIAL,
		type: 'weComCallbackApi',
		data: { corpId: DEMO_CORP_ID, token: DEMO_CALLBACK_TOKEN, encodingAesSecretKey: DEMO_ENCODING_AES_KEY },
	});
	return await startTriggerHost({
		harness,
		trigger: {
			type: TRIGGER_TYPE,
			name: 'WeCom Trigger',
			parameters: { events: ['*'] },
			credentials: { weComCallbackApi: CALLBACK_CREDENTIAL },
		},
	});
}

/** Encrypts, signs and POSTs one decrypted message as WeCom delivers it. */
async function deliver(host: TriggerHost, message: XmlInputObject): Promise<{ status: number; body: string }> {
	const sealed = sealCallback(CALLBACK_SECRETS, toXml('xml', message), { agentId: DEMO_AGENT_ID });
	return await host.send({ method: 'POST', query: { ...sealed.query }, body: sealed.body });
}

/**
 * sys_approval_change of a co-signed node (ApproverAttr 2, 会签: everyone must agree) as
 * documented (https://developer.work.weixin.qq.com/document/path/91815): the approval stays
 * pending (SpStatus 1) until the last approver agrees; StatuChangeEvent 2 = an approver agreed.
 */
function coSignedApproval(createTime: number, approvers: Array<[userId: string, status: number, time: number]>) {
	return {
		ToUserName: DEMO_CORP_ID,
		FromUserName: 'sys',
		CreateTime: createTime,
		MsgType: 'event',
		Event: 'sys_approval_change',
		AgentID: DEMO_AGENT_ID,
		ApprovalInfo: {
			SpNo: 202611290020,
			SpName: 'Purchase',
			SpStatus: 1,
			TemplateId: 'C4RbCoSignTemplate0001',
			ApplyTime: createTime - 600,
			Applyer: { UserId: 'dave', Party: '1' },
			SpRecord: {
				SpStatus: 1,
				ApproverAttr: 2,
				Details: approvers.map(([userId, status, time]) => ({
					Approver: { UserId: userId },
					Speech: '',
					SpStatus: status,
					SpTime: time,
				})),
			},
			StatuChangeEvent: 2,
		},
	};
}

/** change_contact / update_user as documented (https://developer.work.weixin.qq.com/document/path/90970). */
function memberUpdated(createTime: number, userId: string) {
	return {
		ToUserName: DEMO_CORP_ID,
		FromUserName: 'sys',
		CreateTime: createTime,
		MsgType: 'event',
		Event: 'change_contact',
		ChangeType: 'update_user',
		UserID: userId,
		Department: '1',
	};
}

describe('captured callbacks and distinct events', () => {
	let loop: TriggerLoop;

	afterEach(async () => {
		jest.restoreAllMocks();
		await loop?.close();
	});

	it('refuses a captured callback replayed after the window, after a restart, or with timestamp and nonce swapped', async () => {
		loop = await startLoop(); // default options: the replay window is on
		await sendCard(loop, sampleButtonInteraction('captured-1'));
		await loop.sandbox.click({ userid: 'alice', taskId: 'captured-1', eventKey: 'approve' });
		await loop.host.settled(1);
		const captured = loop.host.requests[0].received as CapturedRequest;
		expect(captured.method).toBe('POST');
		// At once it is a re-send as far as anyone can tell: acknowledged, dropped.
		expect(await loop.host.send(captured)).toEqual({ status: 200, body: '' });

		// 16 minutes later: past the 5-minute window (and past the 15 minutes re-sends are remembered).
		clockAhead(16 * MINUTE);
		expect(await loop.host.send(captured)).toEqual({ status: 403, body: 'stale' });

		// n8n restarted (or another process): nothing remembered, and 22 minutes later still refused.
		clockAhead(22 * MINUTE);
		const restarted = await restartedTrigger();
		try {
			expect(await restarted.send(captured)).toEqual({ status: 403, body: 'stale' });
			expect(restarted.started).toHaveLength(0);
		} finally {
			await restarted.close();
		}

		// A delivery whose nonce happened to read as the Unix time an hour on: an hour later its
		// timestamp and nonce are swapped, which keeps the signature (the four values are sorted).
		const clickedAt = Number(captured.query.timestamp);
		const { xml } = openCallback(CALLBACK_SECRETS, captured.query, captured.body);
		const sealed = sealCallback(CALLBACK_SECRETS, xml, { timestamp: clickedAt, nonce: String(clickedAt + 3600) });
		clockAhead(3600 * 1000);
		const swapped = { ...sealed.query, timestamp: sealed.query.nonce, nonce: sealed.query.timestamp };
		expect(await loop.host.send({ method: 'POST', query: swapped, body: sealed.body })).toEqual({
			status: 403,
			body: 'stale',
		});

		expect(loop.host.started).toHaveLength(1);
		expect(loop.host.executions).toHaveLength(1);
	});

	it("starts a run per approver of a co-signed approval acting in the same second, one for WeCom's re-sent approval", async () => {
		loop = await startLoop(
			{ events: ['approval'] },
			{ downstream: [], delayFirst: { requests: 1, ms: 600 } },
			{ callbacks: { ackTimeoutMs: 250, maxRetries: 3 } },
		);
		// A real re-send: no answer within the ack timeout, so the sandbox sends the same request again.
		const approval = await loop.sandbox.approve({ spNo: '202611290019', status: 'approved' });
		expect(approval.delivery.attempts[0].error).toMatch(/no answer within 250 ms/);
		await pause(700); // the held-back first delivery finishes too
		expect(loop.host.requests.filter((request) => request.method === 'POST').length).toBeGreaterThanOrEqual(2);
		expect(loop.host.started).toHaveLength(1);

		// alice and bob agree within one second; carol has yet to act.
		const at = nowSeconds();
		const aliceAgreed = coSignedApproval(at, [
			['alice', 2, at],
			['bob', 1, 0],
			['carol', 1, 0],
		]);
		const bobAgreed = coSignedApproval(at, [
			['alice', 2, at],
			['bob', 2, at],
			['carol', 1, 0],
		]);
		// The third delivery is WeCom re-sending alice's event (sealed afresh: same message, new ciphertext).
		for (const message of [aliceAgreed, bobAgreed, aliceAgreed]) {
			expect(await deliver(loop.host, message)).toEqual({ status: 200, body: '' });
		}
		const approvers = loop.host.started.slice(1).map((items) => {
			const [node] = items[0].json.approvalNodes as Array<{ approvers: Array<{ userId: string; status: number }> }>;
			return node.approvers.filter((approver) => approver.status === 2).map((approver) => approver.userId);
		});
		expect(approvers).toEqual([['alice'], ['alice', 'bob']]);
	});

	it('starts a run per member in three change_contact events of one second', async () => {
		loop = await startLoop({ events: ['otherEvent'] }, { downstream: [] });
		const at = nowSeconds();
		for (const userId of ['alice', 'bob', 'carol', 'bob']) {
			expect(await deliver(loop.host, memberUpdated(at, userId))).toEqual({ status: 200, body: '' });
		}
		// The fourth (bob again, the same message) is a re-send.
		expect(loop.host.started.map((items) => items[0].json.fields)).toEqual(
			['alice', 'bob', 'carol'].map((userId) => expect.objectContaining({ ChangeType: 'update_user', UserID: userId })),
		);
	});
});

describe('examples/approval-loop.workflow.json', () => {
	const file = join(__dirname, '..', '..', 'examples', 'approval-loop.workflow.json');
	const workflow = JSON.parse(readFileSync(file, 'utf8')) as { nodes: INode[]; connections: Record<string, unknown> };
	const byType = (type: string) => workflow.nodes.filter((node) => node.type === type);
	let loop: TriggerLoop;

	afterEach(async () => {
		await loop?.close();
	});

	it('is importable: unique names, connections between existing nodes, no parameter issues', () => {
		const names = new Set(workflow.nodes.map((node) => node.name));
		expect(names.size).toBe(workflow.nodes.length);
		for (const [source, outputs] of Object.entries(workflow.connections)) {
			expect(names.has(source)).toBe(true);
			const targets = ((outputs as { main: Array<Array<{ node: string }>> }).main ?? []).flat();
			for (const target of targets) expect(names.has(target.node)).toBe(true);
		}
		const [trigger] = byType(TRIGGER_TYPE);
		expect(trigger.webhookId).toEqual(expect.any(String));
		expect(NodeHelpers.getNodeParametersIssues(new WeComTrigger().description.properties, trigger, null)).toBeNull();
		for (const card of byType(CARD_TYPE)) {
			expect(
				NodeHelpers.getNodeParametersIssues(new WeComTemplateCard().description.properties, card, null),
			).toBeNull();
		}
	});

	it("runs: its send node's card, clicked in the sandbox, is updated by its trigger branch", async () => {
		const [trigger] = byType(TRIGGER_TYPE);
		const [send, update] = ['sendTemplateCard', 'updateTemplateCard'].map(
			(operation) => byType(CARD_TYPE).find((node) => node.parameters.operation === operation) as INode,
		);
		const asHarnessNode = (node: INode): HarnessNode => ({
			type: node.type,
			name: node.name,
			parameters: node.parameters,
			credentials: { weComApi: API_CREDENTIAL },
		});
		loop = await startLoop(trigger.parameters, { downstream: [asHarnessNode(update)] });
		const sent = await loop.harness.runNode({
			...asHarnessNode(send),
			items: [{ json: { body: { approver: 'bob' } } }],
		});
		expect(sent.error).toBeUndefined();
		const taskId = String(sent.items[0].json.task_id);
		await loop.sandbox.click({ userid: 'bob', taskId, eventKey: 'approve' });
		const [run] = await loop.host.settled(1);
		expect(run.error).toBeUndefined();
		expect(run.itemsOf(update.name)[0].json).toMatchObject({ updated: true, mode: 'button' });
		const card = loop.sandbox.cardsFor('bob').find((seen) => seen.msgid === sent.items[0].json.msgid);
		expect(card?.replaceName).toBe('Approved');
	});
});

describe('the WeCom Callback API credential test (testedBy the trigger)', () => {
	const test = (data: Record<string, unknown>) => {
		const run = new WeComTrigger().methods.credentialTest.weComCallbackApiTest;
		return run.call({} as ICredentialTestFunctions, {
			id: 'c',
			name: 'c',
			type: 'weComCallbackApi',
			data: data as never,
		});
	};

	it('accepts WeCom-shaped values and says that only WeCom can really check them', async () => {
		const result = await test({
			corpId: DEMO_CORP_ID,
			token: DEMO_CALLBACK_TOKEN,
			encodingAesSecretKey: DEMO_ENCODING_AES_KEY,
		});
		recordForLeakScan('credential-test', 'weComCallbackApi', result);
		expect(result).toEqual({ status: 'OK', message: expect.stringMatching(/no way to test/) });
	});

	it('names every wrong field without echoing the values', async () => {
		const result = await test({ corpId: '', token: 'has space', encodingAesSecretKey: `${DEMO_ENCODING_AES_KEY}x` });
		recordForLeakScan('credential-test', 'weComCallbackApi', result);
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'Corp ID is empty; Token must be 1 to 32 letters or digits; EncodingAESKey must be exactly 43 letters or digits (it has 44 characters)',
		);
	});
});
