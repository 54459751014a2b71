/**
 * Smoke test of the engine harness itself, with a fake token credential and a fake node
 * defined here, against a local token server.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IAuthenticateGeneric,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { EngineHarness } from './harness';
import {
	connectMain,
	createEngineHarness,
	registerSecret,
	scanForLeaks,
	testCredential,
	withdrawSecret,
} from './harness';

// ---------------------------------------------------------------- local token server

const GOOD_SECRET = `good-secret-${randomUUID()}`;
const IP_BLOCKED_CORP = 'ip-blocked-corp';

interface TokenServer {
	url: string;
	tokenRequests: number;
	/** Makes every issued token invalid (as if they expired). */
	expireTokens(): void;
	close(): Promise<void>;
}

async function startTokenServer(): Promise<TokenServer> {
	const validTokens = new Map<string, { corpId: string }>();
	const state = { tokenRequests: 0 };
	const send = (res: ServerResponse, status: number, body: IDataObject) => {
		res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
	};
	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (url.pathname.startsWith('/down/')) return send(res, 503, { message: 'maintenance' });
		if (url.pathname === '/gettoken') {
			state.tokenRequests++;
			if (url.searchParams.get('corpsecret') !== GOOD_SECRET) {
				return send(res, 200, { errcode: 40001, errmsg: 'invalid credential' });
			}
			const token = `token-${state.tokenRequests}-${randomUUID()}`;
			registerSecret(token, 'accessToken');
			validTokens.set(token, { corpId: url.searchParams.get('corpid') ?? '' });
			return send(res, 200, { errcode: 0, access_token: token, expires_in: 7200 });
		}
		if (url.pathname === '/api/strict') {
			// Like most APIs (unlike WeCom): a bad token is an HTTP 401.
			if (!validTokens.has(url.searchParams.get('access_token') ?? '')) return send(res, 401, { message: 'bad token' });
			return send(res, 200, { errcode: 0, errmsg: 'ok' });
		}
		if (url.pathname === '/api/echo') {
			const token = validTokens.get(url.searchParams.get('access_token') ?? '');
			if (!token) return send(res, 200, { errcode: 42001, errmsg: 'access_token expired' });
			if (token.corpId === IP_BLOCKED_CORP)
				return send(res, 200, { errcode: 60020, errmsg: 'not allow to access from your ip' });
			return send(res, 200, { errcode: 0, errmsg: 'ok' });
		}
		send(res, 404, { message: 'not found' });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		get tokenRequests() {
			return state.tokenRequests;
		},
		expireTokens: () => validTokens.clear(),
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

// ---------------------------------------------------------------- fake credential and node

class FakeTokenApi implements ICredentialType {
	name = 'fakeTokenApi';

	displayName = 'Fake Token API';

	properties: INodeProperties[] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'Corp ID', name: 'corpId', type: 'string', default: '' },
		{ displayName: 'Secret', name: 'corpSecret', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true }, default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'GET',
			url: `${credentials.baseUrl as string}/gettoken`,
			qs: { corpid: credentials.corpId, corpsecret: credentials.corpSecret },
			json: true,
		})) as IDataObject;
		if (response.errcode !== 0) throw new Error(`Token request failed: ${response.errmsg as string}`);
		return { accessToken: response.access_token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { qs: { access_token: '={{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/api/echo' },
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'errcode', value: 60020, message: 'This IP address is not allowed' },
			},
		],
	};
}

const FAKE_NODE_TYPE = 'n8n-nodes-harness-test.fakeApi';

class FakeApiNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fake API',
		name: 'fakeApi',
		group: ['transform'],
		version: [1, 2],
		description: 'Calls the local token server',
		defaults: { name: 'Fake API' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'fakeTokenApi', required: true }],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Echo', value: 'echo' },
					{ name: 'Strict', value: 'strict' },
					{ name: 'Credential Keys', value: 'credentialKeys' },
					{ name: 'Dedup', value: 'dedup' },
					{ name: 'Fail', value: 'fail' },
					{ name: 'Print', value: 'print' },
				],
				default: 'echo',
			},
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const json = await runOperation(this, i);
				returnData.push({ json, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [returnData];
	}
}

/** WeCom's HTTP 200 + errcode pattern: on an expired-token errcode, refresh through credentialsDecrypted once. */
async function echoWithForcedRefresh(context: IExecuteFunctions): Promise<IDataObject> {
	const credentials = await context.getCredentials('fakeTokenApi');
	const options: IHttpRequestOptions = { method: 'GET', url: `${credentials.baseUrl as string}/api/echo`, json: true };
	const first = (await context.helpers.httpRequestWithAuthentication.call(
		context,
		'fakeTokenApi',
		options,
	)) as IDataObject;
	if (first.errcode !== 42001) return first;
	const { id, name } = context.getNode().credentials!.fakeTokenApi;
	return (await context.helpers.httpRequestWithAuthentication.call(context, 'fakeTokenApi', options, {
		credentialsDecrypted: { id: id!, name, type: 'fakeTokenApi', data: { ...credentials, accessToken: '' } },
	})) as IDataObject;
}

async function runOperation(context: IExecuteFunctions, i: number): Promise<IDataObject> {
	const operation = context.getNodeParameter('operation', i) as string;
	const value = context.getNodeParameter('value', i) as string;
	switch (operation) {
		case 'echo':
			return await echoWithForcedRefresh(context);
		case 'strict': {
			const { baseUrl } = await context.getCredentials('fakeTokenApi');
			return (await context.helpers.httpRequestWithAuthentication.call(context, 'fakeTokenApi', {
				method: 'GET',
				url: `${baseUrl as string}/api/strict`,
				json: true,
			})) as IDataObject;
		}
		case 'credentialKeys':
			return { keys: Object.keys(await context.getCredentials('fakeTokenApi')).sort() };
		case 'dedup': {
			const result = await context.helpers.checkProcessedAndRecord([value], 'node', {
				mode: 'entries',
				maxEntries: 10,
			});
			return { value, isNew: result.new.length === 1 };
		}
		case 'fail':
			throw new NodeOperationError(context.getNode(), 'Deliberate failure', {
				itemIndex: i,
				description: 'thrown by the fake node',
			});
		default:
			context.logger.info(`printing ${value}`);
			return { printed: value };
	}
}

// ---------------------------------------------------------------- tests

describe('engine harness', () => {
	let server: TokenServer;
	let harness: EngineHarness;

	const credentialData = (overrides: IDataObject = {}): ICredentialDataDecryptedObject => ({
		baseUrl: server.url,
		corpId: 'corp-1',
		corpSecret: GOOD_SECRET,
		accessToken: '',
		...overrides,
	});
	const nodeCredentials = { fakeTokenApi: { id: '1', name: 'Fake' } };

	beforeAll(async () => {
		registerSecret(GOOD_SECRET, 'corpSecret');
		server = await startTokenServer();
	});

	afterAll(async () => await server.close());

	beforeEach(() => {
		harness = createEngineHarness({
			nodeTypes: { [FAKE_NODE_TYPE]: new FakeApiNode() },
			credentialTypes: { fakeTokenApi: new FakeTokenApi() },
		});
		harness.credentials.add({ id: '1', name: 'Fake', type: 'fakeTokenApi', data: credentialData() });
	});

	test('fetches the token once for several items, stores it, and reuses it in the next run', async () => {
		const before = server.tokenRequests;
		const run = await harness.runNode({
			type: FAKE_NODE_TYPE,
			parameters: { operation: 'echo' },
			credentials: nodeCredentials,
			items: [{ json: {} }, { json: {} }, { json: {} }],
		});

		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(run.items.map((item) => item.json.errcode)).toEqual([0, 0, 0]);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(server.tokenRequests - before).toBe(1);
		expect(harness.credentials.updateCount('1')).toBe(1);
		const stored = harness.credentials.data('1').accessToken as string;
		expect(stored).toMatch(/^token-/);
		expect(harness.credentials.updatesFor('1')[0].data.accessToken).toBe(stored);

		await harness.runNode({ type: FAKE_NODE_TYPE, parameters: { operation: 'echo' }, credentials: nodeCredentials });
		expect(server.tokenRequests - before).toBe(1);
		expect(harness.credentials.updateCount('1')).toBe(1);
	});

	test('a forced refresh through credentialsDecrypted stores the new token', async () => {
		await harness.runNode({ type: FAKE_NODE_TYPE, parameters: { operation: 'echo' }, credentials: nodeCredentials });
		const firstToken = harness.credentials.data('1').accessToken;
		server.expireTokens();

		const run = await harness.runNode({
			type: FAKE_NODE_TYPE,
			parameters: { operation: 'echo' },
			credentials: nodeCredentials,
		});

		expect(run.items[0].json.errcode).toBe(0);
		expect(harness.credentials.updateCount('1')).toBe(2);
		const secondToken = harness.credentials.data('1').accessToken;
		expect(secondToken).not.toBe(firstToken);
		expect(harness.credentialsHelper.preAuthenticationCalls.filter((call) => call.persisted)).toHaveLength(2);
	});

	test("n8n-core's own 401 retry refreshes with credentialsExpired and stores the token", async () => {
		harness.credentials.replaceData('1', credentialData({ accessToken: 'token-that-the-server-never-issued' }));
		const run = await harness.runNode({
			type: FAKE_NODE_TYPE,
			parameters: { operation: 'strict' },
			credentials: nodeCredentials,
		});
		expect(run.items[0].json.errcode).toBe(0);
		expect(harness.credentialsHelper.preAuthenticationCalls).toMatchObject([
			{ credentialsExpired: false, ran: false },
			{ credentialsExpired: true, ran: true, persisted: true },
		]);
		expect(harness.credentials.data('1').accessToken).toMatch(/^token-/);
	});

	test('decrypted credentials keep declared keys only (plus the injected domain fields)', async () => {
		harness.credentials.replaceData('1', { ...credentialData(), undeclared: 'dropped' });
		const run = await harness.runNode({
			type: FAKE_NODE_TYPE,
			parameters: { operation: 'credentialKeys' },
			credentials: nodeCredentials,
		});
		expect(run.items[0].json.keys).toEqual([
			'accessToken',
			'allowedHttpRequestDomains',
			'baseUrl',
			'corpId',
			'corpSecret',
		]);
	});

	test('credential test: a stored token is reused, as a real n8n 2.41.1 does; an empty one is fetched and stored', async () => {
		const before = server.tokenRequests;
		const stored = credentialData({ accessToken: 'stale-token-still-set' });
		await expect(harness.testCredential('fakeTokenApi', stored, { id: '1' })).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(server.tokenRequests - before).toBe(0);
		expect(harness.credentialsHelper.preAuthenticationCalls.at(-1)).toMatchObject({
			isTestingCredentials: true,
			ran: false,
		});

		await expect(
			harness.testCredential('fakeTokenApi', credentialData({ accessToken: '' }), { id: '1' }),
		).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(server.tokenRequests - before).toBe(1);
		expect(harness.credentials.data('1').accessToken).toMatch(/^token-/);
	});

	test('credential test: errors from preAuthentication, HTTP failures and body rules', async () => {
		await expect(
			harness.testCredential('fakeTokenApi', credentialData({ corpSecret: 'wrong-secret' })),
		).resolves.toEqual({
			status: 'Error',
			message: 'Token request failed: invalid credential',
		});
		await expect(
			harness.testCredential('fakeTokenApi', credentialData({ baseUrl: `${server.url}/down` })),
		).resolves.toEqual({
			status: 'Error',
			message: 'Service Unavailable',
		});
		await expect(harness.testCredential('fakeTokenApi', credentialData({ corpId: IP_BLOCKED_CORP }))).resolves.toEqual({
			status: 'Error',
			message: 'This IP address is not allowed',
		});
		// Standalone form, without a harness of one's own.
		await expect(testCredential(new FakeTokenApi(), credentialData())).resolves.toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		// The temporary rows a test without `id` creates are gone again; row '1' was not touched.
		expect(harness.credentials.ids()).toEqual(['1']);
		expect(harness.credentials.updateCount('1')).toBe(0);
	});

	test('node-scoped dedup history persists across runs', async () => {
		const dedupRun = async (values: string[]) =>
			await harness.runNode({
				type: FAKE_NODE_TYPE,
				name: 'Dedup',
				parameters: { operation: 'dedup', value: '={{ $json.value }}' },
				credentials: nodeCredentials,
				workflowId: 'dedup-workflow',
				items: values.map((value) => ({ json: { value } })),
			});
		const first = await dedupRun(['a', 'b']);
		const second = await dedupRun(['b', 'c']);
		expect(first.items.map((item) => item.json.isNew)).toEqual([true, true]);
		expect(second.items.map((item) => item.json.isNew)).toEqual([false, true]);
	});

	test('an error thrown by the node surfaces as the real error object', async () => {
		const run = await harness.runNode({
			type: FAKE_NODE_TYPE,
			parameters: { operation: 'fail' },
			credentials: nodeCredentials,
		});
		expect(run.status).toBe('error');
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error?.message).toBe('Deliberate failure');
		expect((run.error as NodeOperationError).description).toBe('thrown by the fake node');

		const continued = await harness.runNode({
			type: FAKE_NODE_TYPE,
			parameters: { operation: 'fail' },
			credentials: nodeCredentials,
			continueOnFail: true,
		});
		expect(continued.error).toBeUndefined();
		expect(continued.items[0]).toMatchObject({ json: { error: 'Deliberate failure' }, pairedItem: { item: 0 } });
	});

	test('runWorkflow runs connected nodes in order', async () => {
		const run = await harness.runWorkflow({
			nodes: [
				{
					type: FAKE_NODE_TYPE,
					name: 'First',
					parameters: { operation: 'print', value: 'one' },
					credentials: nodeCredentials,
				},
				{
					type: FAKE_NODE_TYPE,
					name: 'Second',
					typeVersion: 1,
					parameters: { operation: 'print', value: "={{ $('First').item.json.printed }}-two" },
					credentials: nodeCredentials,
				},
			],
			connections: connectMain(['First', 'Second']),
		});
		expect(run.nodeExecutionOrder).toEqual(['First', 'Second']);
		expect(run.itemsOf('Second')[0].json).toEqual({ printed: 'one-two' });
		expect(run.nodes.map((node) => node.typeVersion)).toEqual([2, 1]);
	});

	test('n8n log lines are captured, from the engine and from this.logger in nodes', async () => {
		await harness.runNode({
			type: FAKE_NODE_TYPE,
			parameters: { operation: 'print', value: 'x' },
			credentials: nodeCredentials,
		});
		const messages = harness.logs.map((line) => line.message);
		expect(messages).toContain('Workflow execution started');
		expect(messages).toContain('printing x');
	});

	test('the leak scan finds a registered secret in node output', async () => {
		const probe = `leak-probe-${randomUUID()}`;
		registerSecret(probe, 'testProbe');
		await harness.runNode({
			type: FAKE_NODE_TYPE,
			name: 'Leaky',
			parameters: { operation: 'print', value: probe },
			credentials: nodeCredentials,
		});

		const hits = scanForLeaks({ thisTestFileOnly: true }).hits.filter((hit) => hit.secretKind === 'testProbe');
		// Once in the node's output, once in the line it logged through `this.logger`.
		expect(hits.map((hit) => `${hit.recordKind}:${hit.recordLabel}`).sort()).toEqual(['log:info', 'output:Leaky#0']);
		expect(hits[0].where).toContain('the leak scan finds a registered secret');

		withdrawSecret(probe);
		expect(scanForLeaks({ thisTestFileOnly: true }).hits.filter((hit) => hit.secretKind === 'testProbe')).toEqual([]);
	});

	test('no registered secret leaked from this file', () => {
		expect(scanForLeaks({ thisTestFileOnly: true }).hits).toEqual([]);
	});
});
