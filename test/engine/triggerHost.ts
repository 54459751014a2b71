/**
 * Hosts a webhook trigger node the way n8n's webhook server does, on a real `node:http` server:
 * production path `/webhook/<webhookId>/<path>`, GET/POST picks the webhook by method (other
 * methods: 404, as n8n answers for unregistered webhooks), `rawBody` and Express-like `query`
 * on the real IncomingMessage, the real ServerResponse, and n8n-core's own `WebhookContext`.
 * When the node returns workflowData, the rest of the workflow runs through the harness's
 * `WorkflowExecute`, starting at the trigger with that data, as n8n does.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import type {
	IHttpRequestMethods,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { connectMain, recordForLeakScan } from '../harness';
import type { EngineHarness, HarnessNode, WorkflowRun } from '../harness';
import type { MainLink } from '../harness/connections';
import { createAdditionalData } from '../harness/additionalData';

/** n8n's default N8N_PAYLOAD_SIZE_MAX is 16 MiB; bigger bodies never reach a node. */
const N8N_PAYLOAD_LIMIT = 16 * 1024 * 1024;

export interface HostedTrigger {
	type: string;
	name: string;
	parameters: INodeParameters;
	credentials: INodeCredentials;
	webhookId?: string;
}

export interface TriggerHostOptions {
	harness: EngineHarness;
	trigger: HostedTrigger;
	/** Nodes after the trigger, connected in a line; run whenever the trigger starts the workflow. */
	downstream?: HarnessNode[];
	workflowId?: string;
	/** Holds the first N requests back this long before the node sees them (for re-send tests). */
	delayFirst?: { requests: number; ms: number };
	/** Leaves rawBody unset and hands over an xml2js-like parsed body, as a fallback check. */
	withoutRawBody?: boolean;
}

/** What a client sent: enough to send it again, as someone who captured it would. */
export interface CapturedRequest {
	method: string;
	query: Record<string, string | string[]>;
	body: string;
}

/** One request as the host saw it. */
export interface HostedRequest {
	method: string;
	/** The request itself (set once its body was read). */
	received?: CapturedRequest;
	status: number;
	/** The webhook returned workflowData. */
	started: boolean;
	/** The node's webhook() threw, answered 5xx, or left the response open. */
	crashed: boolean;
	error?: string;
	body: string;
}

export interface TriggerHost {
	/** http://127.0.0.1:PORT/webhook/<webhookId>/webhook */
	webhookUrl: string;
	baseUrl: string;
	requests: HostedRequest[];
	/** Trigger outputs, in arrival order. */
	started: INodeExecutionData[][];
	/** Runs of the downstream workflow, one per started request. */
	executions: Array<Promise<WorkflowRun>>;
	/** Waits until `count` executions were started and finished. */
	settled(count: number, timeoutMs?: number): Promise<WorkflowRun[]>;
	/**
	 * Sends a request to the webhook URL with node:http (not fetch: its timers run on Date.now,
	 * which replay tests move), and resolves with the answer.
	 */
	send(request: CapturedRequest): Promise<{ status: number; body: string }>;
	close(): Promise<void>;
}

/** Express's query: repeated keys become arrays. */
function expressQuery(params: URLSearchParams): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [name, value] of params) {
		const existing = query[name];
		query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
	}
	return query;
}

function readRaw(req: IncomingMessage): Promise<Buffer | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= N8N_PAYLOAD_LIMIT) chunks.push(chunk);
		});
		req.on('end', () => resolve(size > N8N_PAYLOAD_LIMIT ? undefined : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** What n8n's xml2js middleware makes of the posted XML body (lower-cased tags, no arrays). */
function xml2jsLike(raw: string): Record<string, unknown> {
	const field = (name: string) =>
		new RegExp(`<${name}>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${name}>`).exec(raw)?.[1];
	return { xml: { tousername: field('ToUserName'), agentid: field('AgentID'), encrypt: field('Encrypt') } };
}

function sendPlain(res: ServerResponse, status: number, body: string): void {
	if (res.headersSent) return;
	res.writeHead(status, { 'Content-Type': 'text/plain' });
	res.end(body);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function sendTo(webhookUrl: string, request: CapturedRequest): Promise<{ status: number; body: string }> {
	const url = new URL(webhookUrl);
	for (const [name, value] of Object.entries(request.query)) {
		for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, item);
	}
	const body = request.method === 'GET' ? undefined : Buffer.from(request.body, 'utf8');
	return new Promise((resolve, reject) => {
		const outgoing = httpRequest(
			url,
			{
				method: request.method,
				agent: false,
				headers: body ? { 'Content-Type': 'text/xml', 'Content-Length': body.length } : {},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			},
		);
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}

let hostCounter = 0;

export async function startTriggerHost(options: TriggerHostOptions): Promise<TriggerHost> {
	const { harness, trigger } = options;
	const webhookId = trigger.webhookId ?? `wecom-trigger-${++hostCounter}`;
	const workflowId = options.workflowId ?? `trigger-workflow-${hostCounter}`;
	const nodeType = harness.nodeTypes.getByNameAndVersion(trigger.type, 1) as INodeType;
	const webhooks = nodeType.description.webhooks ?? [];
	const path = String(webhooks[0]?.path ?? 'webhook');
	const triggerNode: INode = {
		id: `node-${trigger.name.replace(/\W+/g, '-').toLowerCase()}`,
		name: trigger.name,
		type: trigger.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: structuredClone(trigger.parameters),
		credentials: structuredClone(trigger.credentials),
		webhookId,
	};
	const requests: HostedRequest[] = [];
	const started: INodeExecutionData[][] = [];
	const executions: Array<Promise<WorkflowRun>> = [];
	let seen = 0;

	async function runWebhook(req: IncomingMessage, res: ServerResponse, name: string): Promise<IWebhookResponseData> {
		const workflow = new Workflow({
			id: workflowId,
			name: 'Trigger host workflow',
			nodes: [structuredClone(triggerNode)],
			connections: {},
			active: true,
			nodeTypes: harness.nodeTypes,
		});
		const node = workflow.getNode(trigger.name) as INode;
		const workflowData = {
			id: workflowId,
			name: workflow.name,
			nodes: [node],
			connections: {},
		} as unknown as IWorkflowBase;
		const { additionalData } = createAdditionalData({
			credentialsHelper: harness.credentialsHelper,
			executionId: `webhook-${++seen}`,
			mode: 'webhook',
			workflowData,
		});
		additionalData.httpRequest = req as never;
		additionalData.httpResponse = res as never;
		const description = webhooks.find((webhook) => webhook.name === name);
		const webhookData: IWebhookData = {
			httpMethod: description?.httpMethod as IHttpRequestMethods,
			node: node.name,
			path,
			webhookDescription: description!,
			workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		return await (nodeType.webhook as (this: WebhookContext) => Promise<IWebhookResponseData>).call(context);
	}

	function startWorkflow(items: INodeExecutionData[]): void {
		const downstream = options.downstream ?? [];
		if (downstream.length === 0) return;
		const names = [trigger.name, ...downstream.map((node, index) => node.name ?? `Node ${index + 2}`)];
		executions.push(
			harness.runWorkflow({
				nodes: [{ type: trigger.type, name: trigger.name, parameters: trigger.parameters }, ...downstream],
				connections: connectMain(...names.slice(1).map((name, index): MainLink => [names[index], name])),
				startNode: trigger.name,
				items,
				mode: 'webhook',
				workflowId,
			}),
		);
	}

	async function handle(req: IncomingMessage, res: ServerResponse, record: HostedRequest): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://host.invalid');
		const raw = await readRaw(req);
		const name = req.method === 'GET' ? 'setup' : req.method === 'POST' ? 'default' : undefined;
		const finish = () => {
			record.status = res.statusCode;
			record.crashed ||= res.statusCode >= 500;
		};
		if (url.pathname !== `/webhook/${webhookId}/${path}` || !name) {
			sendPlain(res, 404, `The requested webhook "${req.method} ${url.pathname}" is not registered.`);
			return finish();
		}
		if (!raw) {
			sendPlain(res, 413, 'request entity too large');
			return finish();
		}
		const text = raw.toString('utf8');
		record.received = { method: req.method ?? '', query: expressQuery(url.searchParams), body: text };
		Object.assign(req, {
			query: expressQuery(url.searchParams),
			params: {},
			body: options.withoutRawBody ? xml2jsLike(text) : {},
			...(options.withoutRawBody ? {} : { rawBody: raw }),
		});
		if (options.delayFirst && requests.indexOf(record) < options.delayFirst.requests)
			await pause(options.delayFirst.ms);

		let result: IWebhookResponseData = {};
		try {
			result = await runWebhook(req, res, name);
		} catch (error) {
			record.crashed = true;
			record.error = (error as Error).message;
			sendPlain(res, 500, 'Error in workflow');
			return finish();
		}
		if (!result.noWebhookResponse) sendPlain(res, 200, JSON.stringify({ message: 'Workflow was started' }));
		if (!res.headersSent) {
			record.crashed = true;
			record.error = 'noWebhookResponse without an answer: n8n would leave the request hanging';
			sendPlain(res, 500, 'unanswered');
		}
		finish();
		if (result.workflowData) {
			record.started = true;
			const items = result.workflowData[0] ?? [];
			started.push(items);
			recordForLeakScan('output', `${trigger.name} (webhook)`, items);
			startWorkflow(items);
		}
	}

	const server: Server = createServer((req, res) => {
		const record: HostedRequest = { method: req.method ?? '', status: 0, started: false, crashed: false, body: '' };
		requests.push(record);
		// Keeps what the node answered (bodies are small here).
		const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) record.body = chunk.toString();
			return end(chunk, ...rest);
		}) as typeof res.end;
		handle(req, res, record).catch((error: unknown) => {
			record.crashed = true;
			record.error = (error as Error).message;
			sendPlain(res, 500, 'host error');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		webhookUrl: `${baseUrl}/webhook/${webhookId}/${path}`,
		baseUrl,
		requests,
		started,
		executions,
		async settled(count, timeoutMs = 20000) {
			const deadline = Date.now() + timeoutMs;
			while (executions.length < count) {
				if (Date.now() > deadline) throw new Error(`expected ${count} executions, got ${executions.length}`);
				await pause(20);
			}
			return await Promise.all(executions);
		},
		send: (request) => sendTo(`${baseUrl}/webhook/${webhookId}/${path}`, request),
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
