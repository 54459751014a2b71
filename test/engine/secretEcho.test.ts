/**
 * A WeCom (or something in its place) that echoes the request in a successful answer: the
 * access_token is in every app call's query, the robot key in every robot call's. The node's
 * output must never carry them, whichever operation hands WeCom's answer on (Custom API Call
 * returns it whole, Get Approval Detail keeps it as `detail`).
 */
import type { INodeParameters } from 'n8n-workflow';

import { WeComApi } from '../../credentials/WeComApi.credentials';
import { WeComWebhookApi } from '../../credentials/WeComWebhookApi.credentials';
import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_ROBOT_KEY, DEMO_SECRET, startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { createEngineHarness, registerSecret } from '../harness';
import type { EngineHarness, NodeRun } from '../harness';
import { startForgedWeCom } from './stubOrigin';
import type { ForgedAnswer, StubOrigin } from './stubOrigin';

const CARD_NODE_TYPE = 'n8n-nodes-wecom-card.weComTemplateCard';

registerSecret(DEMO_SECRET, 'corpSecret');
registerSecret(DEMO_ROBOT_KEY, 'robotKey');

describe('answers that echo the request carry no token, secret or robot key into the output', () => {
	let sandbox: Sandbox;
	let forged: StubOrigin | undefined;
	let harness: EngineHarness;

	beforeEach(async () => {
		sandbox = await startSandbox({ robots: [DEMO_ROBOT_KEY] });
		harness = createEngineHarness({
			nodeTypes: { [CARD_NODE_TYPE]: new WeComTemplateCard() },
			credentialTypes: { weComApi: new WeComApi(), weComWebhookApi: new WeComWebhookApi() },
		});
	});
	afterEach(async () => {
		await forged?.close();
		forged = undefined;
		for (const token of sandbox.issuedTokens()) registerSecret(token, 'accessToken');
		await sandbox.close();
	});

	async function run(parameters: INodeParameters, answers: Record<string, ForgedAnswer>): Promise<NodeRun> {
		forged = await startForgedWeCom(sandbox.url, answers);
		harness.credentials.add({
			id: 'app',
			name: 'App',
			type: 'weComApi',
			data: { corpId: DEMO_CORP_ID, corpSecret: DEMO_SECRET, agentId: DEMO_AGENT_ID, baseUrl: forged.url },
		});
		harness.credentials.add({
			id: 'robot',
			name: 'Robot',
			type: 'weComWebhookApi',
			data: { webhookSecret: `${forged.url}/cgi-bin/webhook/send?key=${DEMO_ROBOT_KEY}` },
		});
		return await harness.runNode({
			type: CARD_NODE_TYPE,
			parameters,
			credentials: { weComApi: { id: 'app', name: 'App' }, weComWebhookApi: { id: 'robot', name: 'Robot' } },
		});
	}

	/** The secrets the request carried, as the forged WeCom saw them. */
	const seen: string[] = [];
	beforeEach(() => {
		seen.length = 0;
	});
	const echo =
		(extra: Record<string, unknown>): ForgedAnswer =>
		(_body, _call, query) => {
			const secret = query.get('access_token') ?? query.get('key') ?? '';
			seen.push(secret);
			return {
				errcode: 0,
				errmsg: 'ok',
				...extra,
				request: `POST /cgi-bin/x?access_token=${secret}&key=${secret}`,
				echoed: { value: secret, list: [`token ${secret}`], [secret]: 'as a key' },
			};
		};
	const expectNoSecret = (result: NodeRun) => {
		expect(result.error).toBeUndefined();
		const output = JSON.stringify(result.items.map((item) => item.json));
		expect(seen.length).toBeGreaterThan(0);
		for (const secret of seen) {
			expect(secret.length).toBeGreaterThanOrEqual(8);
			expect(output).not.toContain(secret);
		}
		return result.items[0].json;
	};

	it("Custom API Call (app): WeCom's answer without the access_token it echoes", async () => {
		const result = await run(
			{ resource: 'customApiCall', operation: 'customApiCall', customMethod: 'GET', customPath: '/cgi-bin/user/get' },
			{ '/cgi-bin/user/get': echo({ userid: 'alice', name: 'Alice' }) },
		);
		const output = expectNoSecret(result);
		// The rest of the answer is as WeCom sent it.
		expect(output).toMatchObject({ errcode: 0, userid: 'alice', name: 'Alice' });
		expect(output.echoed).toMatchObject({ value: '***', list: ['token ***'] });
	});

	it("Custom API Call (group robot): WeCom's answer without the robot key it echoes", async () => {
		const result = await run(
			{ resource: 'robot', operation: 'customApiCall', customPath: '/cgi-bin/webhook/send', customBody: '{}' },
			{ '/cgi-bin/webhook/send': echo({}) },
		);
		expect(expectNoSecret(result)).toMatchObject({ errcode: 0, errmsg: 'ok' });
	});

	it('Get Approval Detail: the application without the access_token echoed in a field and its raw detail', async () => {
		const answer: ForgedAnswer = (body, call, query) => {
			const token = query.get('access_token') ?? '';
			const detail = echo({})(body, call, query) as Record<string, unknown>;
			return {
				...detail,
				info: {
					sp_no: '202601050001',
					sp_name: 'Echo',
					sp_status: 1,
					template_id: 'forged-template',
					apply_time: 1767542400,
					applyer: { userid: 'alice' },
					apply_data: {
						contents: [{ control: 'Text', id: 'Text-1', title: [{ text: 'Note' }], value: { text: `t=${token}` } }],
					},
				},
			};
		};
		const result = await run(
			{ resource: 'approval', operation: 'getDetail', spNo: '202601050001' },
			{ '/cgi-bin/oa/getapprovaldetail': answer },
		);
		expect(expectNoSecret(result)).toMatchObject({ sp_no: '202601050001', fields: { Note: 't=***' } });
	});

	describe('a gettoken that refuses the secret and echoes it in errmsg', () => {
		const echoSecret: ForgedAnswer = (_body, _call, query) => {
			seen.push(query.get('corpsecret') ?? '');
			return {
				errcode: 40001,
				errmsg: `invalid credential, corpsecret=${query.get('corpsecret') ?? ''} (${query.get('corpsecret') ?? ''})`,
			};
		};

		it("the credential's Test button explains 40001 without the secret", async () => {
			forged = await startForgedWeCom(sandbox.url, { '/cgi-bin/gettoken': echoSecret });
			const result = await harness.testCredential('weComApi', {
				corpId: DEMO_CORP_ID,
				corpSecret: DEMO_SECRET,
				agentId: DEMO_AGENT_ID,
				baseUrl: forged.url,
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/40001/);
			expect(seen).toContain(DEMO_SECRET);
			expect(result.message).not.toContain(DEMO_SECRET);
		});

		it('a node run fails with 40001 without the secret', async () => {
			const result = await run(
				{ resource: 'customApiCall', operation: 'customApiCall', customMethod: 'GET', customPath: '/cgi-bin/user/get' },
				{ '/cgi-bin/gettoken': echoSecret },
			);
			expect(seen).toContain(DEMO_SECRET);
			expect(result.error?.message).toMatch(/40001/);
			const error = result.error as { message?: string; description?: string } | undefined;
			expect(JSON.stringify({ message: error?.message, description: error?.description })).not.toContain(DEMO_SECRET);
		});
	});
});
