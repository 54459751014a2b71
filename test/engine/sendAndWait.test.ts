/**
 * Send and Wait for Response through n8n-core: the node sends a card of URL buttons and the
 * execution waits; a click on a button is then served the way n8n 2.41.1's CLI serves a waiting
 * webhook (WaitingWebhooks.executeWebhook + WebhookHelpers.executeWebhook): the link's HMAC
 * signature is checked with n8n-core's own validateUrlSignature and the instance secret, the
 * node's webhook() runs in n8n-core's WebhookContext with the saved execution data, and the
 * execution resumes through WorkflowExecute from the waiting node, which is disabled and
 * forwards what the webhook returned.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Config } from '@jest/types';

import {
	generateUrlSignature,
	InstanceSettings,
	prepareUrlForSigning,
	validateUrlSignature,
	WAITING_TOKEN_QUERY_PARAM,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowBase,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { resolveWebhookDescriptionField, SEND_AND_WAIT_OPERATION, WAIT_INDEFINITELY, Workflow } from 'n8n-workflow';

import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_SECRET } from '../../sandbox';
import { recordForLeakScan } from '../harness';
import type { EngineHarness, NodeRun } from '../harness';
import { createAdditionalData } from '../harness/additionalData';
import { n8nContainer } from '../harness/n8nInternals';
import { CARD_NODE_TYPE, startEngineFixture } from './fixtures';
import type { EngineFixture } from './fixtures';
import { FETCHERS, PEOPLE } from './userAgents';

// A member tapping a URL button: WeCom opens it in its own browser.
const WECOM_BROWSER =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 wxwork/4.1.26 MicroMessenger/7.0.1 Language/en';

interface SavedExecution {
	id: string;
	mode: WorkflowExecuteMode;
	workflowId: string;
	nodes: INode[];
	status: IRun['status'];
	finished: boolean;
	data: IRunExecutionData;
}

interface BrowserAnswer {
	status: number;
	contentType: string;
	body: string;
}

/** n8n's waiting-webhook server for executions the harness put to wait. */
interface WaitingHost {
	track(run: NodeRun, executionId: string): void;
	execution(executionId: string): SavedExecution;
	/** Opens a link as a browser would, at this host instead of the link's n8n origin. */
	open(link: string, userAgent?: string): Promise<BrowserAnswer>;
	/** Waits until every resumed execution has finished. */
	settled(): Promise<void>;
	/** Resumes n8n refused because another one had claimed the execution. */
	refusedResumes(): number;
	/** How long reading the execution takes (n8n reads it from its database before deciding). */
	setReadLatency(ms: number): void;
	close(): Promise<void>;
}

const hmacSecret = () => n8nContainer().get(InstanceSettings).hmacSignatureSecret;

const heading = (html: string) => /<h1>(.*?)<\/h1>/.exec(html)?.[1] ?? html.slice(0, 200);

/** Fake timers for Date only: sockets, timers and the sandbox's delays stay real. */
const NOT_DATE: Config.FakeableAPI[] = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
];

function sendPage(res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8'): void {
	if (res.headersSent) return;
	res.writeHead(status, { 'Content-Type': type });
	res.end(body);
}

/** Express's res.send(string) after the node set its headers: 200, text/html unless set. */
function sendDeferred(res: ServerResponse, body: string): void {
	if (res.headersSent) return;
	res.statusCode = 200;
	if (!res.hasHeader('content-type')) res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.end(body);
}

/** executeWebhook's answer when n8n refused a resume and nothing was sent yet. */
const N8N_REFUSED_RESUME = 'There was a problem executing the workflow';

async function startWaitingHost(harness: EngineHarness): Promise<WaitingHost> {
	const executions = new Map<string, SavedExecution>();
	const resumes: Array<Promise<void>> = [];
	let refusedResumes = 0;
	let readLatencyMs = 0;

	const webhookField = (
		node: INode,
		webhook: IWebhookDescription,
		field: 'httpMethod' | 'path',
		workflow: Workflow,
	) => {
		const native = resolveWebhookDescriptionField(node, webhook, field);
		if (native.resolved) return native.value;
		return workflow.expression.getSimpleParameterValue(node, webhook[field], 'internal', {});
	};

	// WaitingWebhooks.validateSignature: HMAC over path + query without the signature.
	const signatureIsValid = (url: URL) => {
		const signature = url.searchParams.get(WAITING_TOKEN_QUERY_PARAM);
		return signature !== null && validateUrlSignature(signature, url, hmacSecret());
	};

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://host.invalid');
		const match = /^\/webhook-waiting\/([^/]+)(?:\/([^/]+))?$/.exec(url.pathname);
		const execution = match ? executions.get(match[1]) : undefined;
		const suffix = match?.[2] === undefined ? undefined : decodeURIComponent(match[2]);
		if (!match || !execution) return sendPage(res, 404, 'The execution does not exist.', 'text/plain');
		// findSingleExecution: n8n reads the row, then decides on what it read.
		const loaded = { status: execution.status, finished: execution.finished, data: execution.data };
		await new Promise((resolve) => setTimeout(resolve, readLatencyMs));
		const isSendAndWait = execution.nodes.some(
			(node) => node.id === suffix && node.parameters.operation === SEND_AND_WAIT_OPERATION,
		);
		if (loaded.data.resumeToken) {
			const valid = isSendAndWait
				? signatureIsValid(url)
				: url.searchParams.get(WAITING_TOKEN_QUERY_PARAM) === loaded.data.resumeToken;
			if (!valid) return sendPage(res, 401, 'Invalid token');
		}
		if (loaded.status === 'running') return sendPage(res, 409, 'The execution is running already.', 'text/plain');
		if (loaded.finished) {
			return isSendAndWait
				? sendPage(res, 200, 'No action required')
				: sendPage(res, 409, 'The execution has finished already.', 'text/plain');
		}

		// getWebhookExecutionData: the loaded copy is changed, the saved one only by a resume.
		const data = structuredClone(loaded.data);
		const resuming = data.executionData!.nodeExecutionStack[0];
		resuming.node.disabled = true;
		data.waitTill = undefined;
		const lastNodeExecuted = data.resultData.lastNodeExecuted as string;
		data.resultData.runData[lastNodeExecuted].pop();

		const workflowData = {
			id: execution.workflowId,
			name: 'Send and wait workflow',
			nodes: execution.nodes,
			connections: {},
			active: false,
		} as unknown as IWorkflowBase;
		const workflow = new Workflow({
			id: execution.workflowId,
			name: workflowData.name,
			nodes: structuredClone(execution.nodes),
			connections: {},
			active: false,
			nodeTypes: harness.nodeTypes,
		});
		const node = workflow.getNode(lastNodeExecuted) as INode;
		const nodeType = harness.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
		const webhook = (nodeType.description.webhooks ?? []).find(
			(candidate) =>
				webhookField(node, candidate, 'httpMethod', workflow) === req.method &&
				webhookField(node, candidate, 'path', workflow) === (suffix ?? '') &&
				candidate.restartWebhook === true &&
				candidate.nodeType !== 'form',
		);
		if (!webhook) {
			return isSendAndWait ? sendPage(res, 200, 'No action required') : sendPage(res, 404, 'Not found', 'text/plain');
		}

		// WebhookHelpers.executeWebhook with the saved run data.
		Object.assign(req, { query: Object.fromEntries(url.searchParams), params: {}, body: {} });
		const { additionalData } = createAdditionalData({
			credentialsHelper: harness.credentialsHelper,
			executionId: execution.id,
			mode: execution.mode,
			workflowData,
		});
		additionalData.httpRequest = req as never;
		additionalData.httpResponse = res as never;
		const webhookData: IWebhookData = {
			httpMethod: 'GET',
			node: node.name,
			path: suffix ?? '',
			webhookDescription: webhook,
			workflowId: execution.workflowId,
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(workflow, node, additionalData, execution.mode, webhookData, [], data);
		const result = await (nodeType.webhook as (this: WebhookContext) => Promise<IWebhookResponseData>).call(context);
		const respond = !result.noWebhookResponse;
		if (result.workflowData === undefined) {
			if (respond)
				sendPage(res, 200, String(result.webhookResponse ?? JSON.stringify({ message: 'Webhook call received' })));
			return;
		}

		// ActiveExecutions.add: the resume updates the execution only while it is still waiting
		// (updateExistingExecution with requireStatus 'waiting'); the loser gets
		// ExecutionAlreadyResumingError, which executeWebhook answers as a 500 if nothing was sent.
		if (execution.status !== 'waiting') {
			refusedResumes++;
			if (respond) sendPage(res, 500, JSON.stringify({ code: 0, message: N8N_REFUSED_RESUME }), 'application/json');
			return;
		}
		execution.status = 'running';
		// responseMode onReceived: a response the node left to n8n goes out once the resume was accepted.
		if (respond)
			sendDeferred(res, String(result.webhookResponse ?? JSON.stringify({ message: 'Workflow was started' })));

		// prepareExecutionData, then the run goes on from the waiting node.
		resuming.data.main = result.workflowData;
		resuming.metadata = { ...resuming.metadata, forwardAllOutputs: true };
		const run = createAdditionalData({
			credentialsHelper: harness.credentialsHelper,
			executionId: execution.id,
			mode: execution.mode,
			workflowData,
		});
		const resumed = await new WorkflowExecute(run.additionalData, execution.mode, data).processRunExecutionData(
			workflow,
		);
		recordForLeakScan('output', `${lastNodeExecuted} (resumed)`, resumed.data.resultData.runData);
		Object.assign(execution, { status: resumed.status, finished: resumed.finished === true, data: resumed.data });
	}

	const server: Server = createServer((req, res) => {
		const handled = handle(req, res).catch((error: unknown) => {
			sendPage(res, 500, `host error: ${(error as Error).message}`, 'text/plain');
		});
		resumes.push(handled);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		track(run, executionId) {
			executions.set(executionId, {
				id: executionId,
				mode: run.raw.mode,
				workflowId: harness.workflowId,
				nodes: run.nodes,
				status: run.status,
				finished: run.raw.finished === true,
				data: run.raw.data,
			});
		},
		execution(executionId) {
			const execution = executions.get(executionId);
			if (!execution) throw new Error(`execution ${executionId} is not tracked`);
			return execution;
		},
		async open(link, userAgent = WECOM_BROWSER) {
			const { pathname, search } = new URL(link);
			const response = await fetch(`${origin}${pathname}${search}`, { headers: { 'User-Agent': userAgent } });
			const body = await response.text();
			await Promise.all(resumes);
			return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
		},
		async settled() {
			await Promise.all(resumes);
		},
		refusedResumes: () => refusedResumes,
		setReadLatency(ms) {
			readLatencyMs = ms;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

interface UrlButton {
	type: number;
	text: string;
	url: string;
	key?: string;
}

interface SentCard {
	card_type: string;
	task_id: string;
	main_title: { title: string };
	sub_title_text?: string;
	button_list: UrlButton[];
}

const sendAndWait = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendAndWait',
	toUser: 'alice|bob',
	title: 'Deploy release 2.4?',
	message: 'Staging is green. <b>Approve</b> to ship.',
	...extra,
});

const limitWait = (values: INodeParameters): INodeParameters => ({ options: { limitWaitTime: { values } } });

describe('send and wait for response', () => {
	let fixture: EngineFixture;
	let host: WaitingHost;

	beforeEach(async () => {
		fixture = await startEngineFixture();
		host = await startWaitingHost(fixture.harness);
	});

	afterEach(async () => {
		await host.settled();
		await host.close();
		await fixture.close();
	});

	const sends = () => fixture.sandbox.messages().filter((message) => message.action === 'send');
	const updates = () => fixture.sandbox.messages().filter((message) => message.action === 'update');

	/** Runs the node, and hands the waiting execution to the host. */
	async function sendCard(extra: INodeParameters = {}, items?: INodeExecutionData[]) {
		const run = await fixture.runCardNode(sendAndWait(extra), items);
		expect(run.error).toBeUndefined();
		const message = sends()[sends().length - 1];
		const card = message.template_card as SentCard;
		const link = (text: string) => card.button_list.find((button) => button.text === text)?.url ?? '';
		const executionId = new URL(card.button_list[0].url).pathname.split('/')[2];
		host.track(run, executionId);
		return { run, message, card, link, executionId };
	}

	function resumedOutput(executionId: string): IDataObject {
		const execution = host.execution(executionId);
		const tasks = execution.data.resultData.runData.Node;
		return tasks[tasks.length - 1].data!.main[0]![0].json;
	}

	it('sends one card of URL buttons pointing at the signed resume URL of the node, then waits', async () => {
		const { run, message, card, executionId } = await sendCard({}, [{ json: { a: 1 } }, { json: { a: 2 } }]);

		expect(run.status).toBe('waiting');
		expect(run.raw.waitTill).toEqual(WAIT_INDEFINITELY);
		expect(sends()).toHaveLength(1);
		expect(message.touser).toEqual(['alice', 'bob']);
		expect(message.response_code).toBeTruthy();
		expect(card.card_type).toBe('button_interaction');
		expect(card.main_title.title).toBe('Deploy release 2.4?');
		expect(card.sub_title_text).toBe('Staging is green. <b>Approve</b> to ship.');
		expect(card.task_id).toMatch(/^n8n-/);

		expect(card.button_list.map(({ type, text, key }) => ({ type, text, key }))).toEqual([
			{ type: 1, text: 'Approve', key: undefined },
			{ type: 1, text: 'Decline', key: undefined },
		]);
		for (const [index, value] of ['approve', 'decline'].entries()) {
			const url = new URL(card.button_list[index].url);
			expect(url.pathname).toBe(`/webhook-waiting/${executionId}/${run.node.id}`);
			expect(url.searchParams.get('value')).toBe(value);
			expect(url.searchParams.get('task_id')).toBe(card.task_id);
			expect(validateUrlSignature(url.searchParams.get('signature') ?? '', url, hmacSecret())).toBe(true);
		}
		expect(host.execution(executionId).status).toBe('waiting');
	});

	it('resumes on Approve: the page, an approved output, and "Approved" on every card', async () => {
		const { message, card, link, executionId } = await sendCard();

		const answer = await host.open(link('Approve'));

		expect(answer.status).toBe(200);
		expect(answer.contentType).toMatch(/^text\/html/);
		expect(answer.body).toContain('Your answer &#39;Approve&#39; was recorded');
		expect(host.execution(executionId).status).toBe('success');
		const output = resumedOutput(executionId);
		expect(output).toEqual({
			data: { approved: true, value: 'approve', label: 'Approve', respondedAt: expect.any(String) },
			msgid: message.msgid,
			task_id: card.task_id,
			cardUpdated: true,
		});
		expect(output.data).not.toHaveProperty('answeredBy');

		const [update] = updates();
		expect(update.update).toMatchObject({ mode: 'button', replace_name: 'Approved', atall: true });
		for (const user of ['alice', 'bob']) {
			expect(fixture.sandbox.cardsFor(user)[0].replaceName).toBe('Approved');
		}
	});

	it('resumes on Decline with approved false and the decline text of the options', async () => {
		const { link, executionId } = await sendCard({
			declineLabel: 'Reject',
			options: { declinedText: 'Rejected by ops' },
		});

		const answer = await host.open(link('Reject'));

		expect(answer.body).toContain('Your answer &#39;Reject&#39; was recorded');
		expect(resumedOutput(executionId).data).toMatchObject({ approved: false, value: 'decline', label: 'Reject' });
		expect(fixture.sandbox.cardsFor('bob')[0].replaceName).toBe('Rejected by ops');
	});

	it('sends a single button for Approve Only', async () => {
		const { card } = await sendCard({ approvalType: 'single', approveLabel: 'Acknowledge' });

		expect(card.button_list.map((button) => button.text)).toEqual(['Acknowledge']);
	});

	it('custom buttons: the clicked value and label come out, not approved unless marked, the label on the card', async () => {
		const { card, link, executionId } = await sendCard({
			responseType: 'customButtons',
			customButtons: {
				buttons: [
					{ label: 'Retry', value: 'retry' },
					{ label: 'Ship it', value: 'ship', approves: true },
					{ label: 'Abort <now>' },
				],
			},
		});
		const values = card.button_list.map((button) => new URL(button.url).searchParams.get('value'));
		expect(values).toEqual(['retry', 'ship', 'Abort <now>']);

		const answer = await host.open(link('Abort <now>'));

		expect(answer.body).toContain('Your answer &#39;Abort &lt;now&gt;&#39; was recorded');
		expect(answer.body).not.toContain('<now>');
		expect(resumedOutput(executionId).data).toMatchObject({ approved: false, value: 'Abort <now>' });
		expect(fixture.sandbox.cardsFor('alice')[0].replaceName).toBe('Abort <now>');
	});

	it('marks a custom button as an approval when asked', async () => {
		const { link, executionId } = await sendCard({
			responseType: 'customButtons',
			customButtons: {
				buttons: [
					{ label: 'Retry', value: 'retry' },
					{ label: 'Ship it', value: 'ship', approves: true },
				],
			},
		});

		await host.open(link('Ship it'));

		expect(resumedOutput(executionId).data).toMatchObject({ approved: true, value: 'ship', label: 'Ship it' });
		expect(fixture.sandbox.cardsFor('alice')[0].replaceName).toBe('Ship it');
	});

	it('Limit Wait Time sets when the execution resumes without an answer', async () => {
		const before = Date.now();
		const interval = await fixture.runCardNode(
			sendAndWait(limitWait({ limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' })),
		);
		const waitTill = (interval.raw.waitTill as Date).getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + 2 * 3600_000);
		expect(waitTill).toBeLessThanOrEqual(Date.now() + 2 * 3600_000);

		const at = await fixture.runCardNode(
			sendAndWait(limitWait({ limitType: 'atSpecifiedTime', maxDateAndTime: '2031-05-01T10:00:00.000Z' })),
		);
		expect(at.status).toBe('waiting');
		expect(at.raw.waitTill).toEqual(new Date('2031-05-01T10:00:00.000Z'));
	});

	it('refuses a click whose value is not a button (400) and keeps waiting; a real click still works', async () => {
		const { link, executionId } = await sendCard();
		// Signed with the instance secret: only the node's own check can refuse it.
		const forged = new URL(link('Approve'));
		forged.searchParams.set('value', 'maybe');
		forged.searchParams.delete('signature');
		forged.searchParams.set('signature', generateUrlSignature(prepareUrlForSigning(forged), hmacSecret()));

		const refused = await host.open(forged.toString());

		expect(refused.status).toBe(400);
		expect(refused.body).toContain('This answer is not valid');
		expect(host.execution(executionId).status).toBe('waiting');
		expect(updates()).toHaveLength(0);

		const answered = await host.open(link('Decline'));
		expect(answered.status).toBe(200);
		expect(resumedOutput(executionId).data).toMatchObject({ approved: false, value: 'decline' });
	});

	it("n8n's signature covers the value: an edited link is refused before the node runs", async () => {
		const { link, executionId } = await sendCard();
		const edited = new URL(link('Decline'));
		edited.searchParams.set('value', 'approve');

		const refused = await host.open(edited.toString());

		expect(refused.status).toBe(401);
		expect(host.execution(executionId).status).toBe('waiting');
	});

	it.each(Object.entries(FETCHERS))('does not take a link preview for an answer: %s', async (_fetcher, userAgent) => {
		const { link, executionId } = await sendCard();

		const preview = await host.open(link('Approve'), userAgent);

		expect(preview.status).toBe(200);
		expect(heading(preview.body)).toBe('Open this link in WeCom');
		expect(host.execution(executionId).status).toBe('waiting');
		expect(updates()).toHaveLength(0);
	});

	it.each(Object.entries(PEOPLE))("takes a person's browser for an answer: %s", async (_browser, userAgent) => {
		const { link, executionId } = await sendCard();

		const answer = await host.open(link('Decline'), userAgent);

		expect(heading(answer.body)).toBe('Your answer &#39;Decline&#39; was recorded');
		expect(resumedOutput(executionId).data).toMatchObject({ approved: false, value: 'decline' });
	});

	const UPDATE_PATH = '/cgi-bin/message/update_template_card';
	const ROUNDS_PER_ORDER = 10;

	it(`two taps at once: the first card update wins, the other reads "already answered" (${ROUNDS_PER_ORDER} rounds per order)`, async () => {
		const winners: string[] = [];
		for (let round = 0; round < 2 * ROUNDS_PER_ORDER; round++) {
			const { link, executionId, message } = await sendCard();
			const order = round % 2 === 0 ? ['Approve', 'Decline'] : ['Decline', 'Approve'];
			const callsBefore = fixture.sandbox.stats().calls[UPDATE_PATH] ?? 0;
			// WeCom takes a moment to answer, so both taps are inside the node at the same time.
			fixture.sandbox.faults.add({ kind: 'slow', path: UPDATE_PATH, delayMs: 40, times: 2 });

			const pages = await Promise.all(order.map((button) => host.open(link(button))));

			const context = `round ${round + 1}, ${order.join(' then ')}: ${pages.map((page) => heading(page.body)).join(' / ')}`;
			const headings = pages.map((page) => heading(page.body));
			const recorded = headings.findIndex((text) => /was recorded$/.test(text));
			expect({ context, headings: [...headings].sort() }).toEqual({
				context,
				headings: [`Your answer &#39;${order[recorded]}&#39; was recorded`, 'This card was already answered'].sort(),
			});
			const value = order[recorded].toLowerCase();
			expect(host.execution(executionId).status).toBe('success');
			expect(resumedOutput(executionId)).toMatchObject({ data: { value }, cardUpdated: true });
			const grey = value === 'approve' ? 'Approved' : 'Declined';
			for (const user of ['alice', 'bob']) {
				expect({
					context,
					user,
					card: fixture.sandbox.cardsFor(user).find((card) => card.msgid === message.msgid)?.replaceName,
				}).toEqual({
					context,
					user,
					card: grey,
				});
			}
			expect(updates().filter((update) => update.msgid === message.msgid)).toHaveLength(1);
			// Both taps reached WeCom: the race was real, and WeCom decided it, not n8n.
			expect({ context, calls: (fixture.sandbox.stats().calls[UPDATE_PATH] ?? 0) - callsBefore }).toEqual({
				context,
				calls: 2,
			});
			expect(host.refusedResumes()).toBe(0);
			winners.push(`${order[0]}→${order[recorded]}`);
		}
		// Both orders ran; the list says which tap won each round.
		expect(new Set(winners.map((winner) => winner.split('→')[0])).size).toBe(2);
	});

	it('Show the Answer off: two taps at once resume once; n8n refuses the other, which never reads "recorded"', async () => {
		// n8n reads the execution from its database before deciding: both taps find it waiting.
		host.setReadLatency(30);
		for (let round = 0; round < 2 * ROUNDS_PER_ORDER; round++) {
			const { link, executionId } = await sendCard({ options: { updateCard: false } });
			const order = round % 2 === 0 ? ['Approve', 'Decline'] : ['Decline', 'Approve'];
			const refusedBefore = host.refusedResumes();

			const pages = await Promise.all(order.map((button) => host.open(link(button))));

			const recorded = pages.findIndex((page) => /was recorded$/.test(heading(page.body)));
			const other = pages[1 - recorded];
			expect({ round, recorded: pages.filter((page) => /was recorded/.test(page.body)).length }).toEqual({
				round,
				recorded: 1,
			});
			expect(other.status).toBe(500);
			expect(host.refusedResumes() - refusedBefore).toBe(1);
			expect(resumedOutput(executionId)).toMatchObject({
				data: { value: order[recorded].toLowerCase() },
				cardUpdated: false,
			});
		}
		expect(updates()).toHaveLength(0);
	});

	it('records the answer when the code is past its 72 h (60140 then cannot mean another tap)', async () => {
		const { link, executionId } = await sendCard();
		// 73 hours pass, for WeCom and for n8n (only Date moves there).
		fixture.sandbox.advanceClock(73 * 3600_000);
		jest.useFakeTimers({ doNotFake: NOT_DATE, now: Date.now() + 73 * 3600_000 });
		try {
			const answer = await host.open(link('Approve'));

			expect(heading(answer.body)).toBe('Your answer &#39;Approve&#39; was recorded');
		} finally {
			jest.useRealTimers();
		}
		const output = resumedOutput(executionId);
		expect(output.data).toMatchObject({ approved: true });
		expect(output).toMatchObject({ cardUpdated: false, errcode: 60140 });
		expect(String(output.cardUpdateError)).toContain('60140');
		expect(fixture.sandbox.cardsFor('alice')[0].replaceName).toBeUndefined();
	});

	it("records the answer when WeCom's answer to the card update is lost (502): n8n's claim decides", async () => {
		const { link, executionId } = await sendCard();
		fixture.sandbox.faults.add({ kind: 'http5xx', path: UPDATE_PATH, status: 502, times: 1 });

		const answer = await host.open(link('Approve'));

		expect(heading(answer.body)).toBe('Your answer &#39;Approve&#39; was recorded');
		expect(resumedOutput(executionId)).toMatchObject({ data: { approved: true }, cardUpdated: false });
	});

	it('shows the answer with a new token when WeCom revoked the stored one before the tap (webhook context)', async () => {
		const { link, executionId } = await sendCard();
		const gettokenBefore = fixture.sandbox.stats().gettoken;
		fixture.sandbox.invalidateTokens();

		const answer = await host.open(link('Approve'));

		expect(heading(answer.body)).toBe('Your answer &#39;Approve&#39; was recorded');
		expect(resumedOutput(executionId)).toMatchObject({ data: { approved: true }, cardUpdated: true });
		expect(fixture.sandbox.stats().gettoken).toBeGreaterThan(gettokenBefore);
		expect(fixture.sandbox.cardsFor('alice')[0].replaceName).toBe('Approved');
	});

	it('records the answer when gettoken refuses the secret at the tap, without quoting secret or token', async () => {
		const { link, executionId } = await sendCard();
		const [oldToken] = fixture.sandbox.issuedTokens();
		fixture.sandbox.rotateSecret(DEMO_CORP_ID, DEMO_AGENT_ID, 'RotatedSecret-not-a-real-wecom-secret0000');
		fixture.sandbox.invalidateTokens();

		const answer = await host.open(link('Approve'));

		expect(heading(answer.body)).toBe('Your answer &#39;Approve&#39; was recorded');
		const output = resumedOutput(executionId);
		expect(output).toMatchObject({ data: { approved: true }, cardUpdated: false, errcode: 40001 });
		expect(JSON.stringify(output)).not.toContain(DEMO_SECRET);
		expect(JSON.stringify(output)).not.toContain(oldToken);
		expect(fixture.sandbox.cardsFor('alice')[0].replaceName).toBeUndefined();
	});

	it('leaves the card alone when Show the Answer on the Card is off', async () => {
		const { link, executionId } = await sendCard({ options: { updateCard: false } });

		await host.open(link('Approve'));

		expect(resumedOutput(executionId)).toMatchObject({ data: { approved: true }, cardUpdated: false });
		expect(updates()).toHaveLength(0);
	});

	const customButtons = (buttons: IDataObject[]) => ({ responseType: 'customButtons', customButtons: { buttons } });

	it.each([
		[
			'seven custom buttons',
			customButtons(Array.from({ length: 7 }, (_, i) => ({ label: `B${i}` }))),
			'Custom Buttons: add 1 to 6 buttons (got 7)',
		],
		[
			'two buttons with one value',
			customButtons([
				{ label: 'A', value: 'x' },
				{ label: 'B', value: 'x' },
			]),
			'Custom Buttons: the value "x" is used by two buttons',
		],
		['an empty title', { title: '={{ $json.title }}' }, 'Invalid card: template_card.main_title.title'],
		[
			'more users than one message takes',
			{ toUser: Array.from({ length: 1001 }, (_, i) => `u${i}`).join('|') },
			'Send and Wait sends one message',
		],
		['an invalid limit date', limitWait({ limitType: 'atSpecifiedTime', maxDateAndTime: 'soon' }), 'Limit Wait Time'],
	])('refuses %s before anything is sent', async (_case, extra, message) => {
		const run = await fixture.runCardNode(sendAndWait(extra as INodeParameters));

		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(message);
		expect(sends()).toHaveLength(0);
	});

	it('reports an invalid card before it reads the credential, as before the consolidation', async () => {
		const run = await fixture.harness.runNode({
			type: CARD_NODE_TYPE,
			parameters: sendAndWait({ title: '={{ $json.title }}' }),
			credentials: { weComApi: { id: 'deleted-credential', name: 'Gone' } },
		});

		expect(run.error?.message).toContain('Invalid card: template_card.main_title.title');
		expect(sends()).toHaveLength(0);
	});

	it('with Continue On Fail, a failed send is an error item and nothing waits', async () => {
		const run = await fixture.runCardNode(sendAndWait({ title: '={{ $json.title }}' }), undefined, true);

		expect(run.status).toBe('success');
		expect(run.items).toEqual([
			{ json: expect.objectContaining({ error: expect.stringContaining('Invalid card') }), pairedItem: { item: 0 } },
		]);
	});
});
