/**
 * The card node has n8n obtain a token with a request the credential's authenticate ends
 * (nodes/WeCom/shared/tokenOnlyRequest.ts). Any other request with the WeCom credential must be
 * authenticated exactly as the generic `qs: { access_token }` did, whatever headers it carries:
 * an HTTP Request node with the predefined credential (n8n-nodes-base 2.41 HttpRequestV3 calls
 * `this.helpers.requestWithAuthentication`, which runs preAuthentication again after ANY error)
 * may forward headers it got from outside, the marker's name among them.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { WeComApi } from '../../credentials/WeComApi.credentials';
import { TOKEN_ONLY_HEADER } from '../../nodes/WeCom/shared/tokenOnlyRequest';
import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_SECRET, startSandbox, type Sandbox } from '../../sandbox';
import { createEngineHarness, registerSecret, type EngineHarness } from '../harness';
import { startStubOrigin, type StubOrigin } from './stubOrigin';

const NODE_TYPE = 'n8n-nodes-harness-test.httpRequestLike';
const CREDENTIAL_ID = 'wecom-http-request';
const STORED_TOKEN = 'StoredTokenForTheHttpRequestNode0123456789';

/** What the HTTP Request node does with "Predefined Credential Type: WeCom API" and a header. */
class HttpRequestLike implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HTTP Request (like)',
		name: 'httpRequestLike',
		group: ['transform'],
		version: 1,
		description: 'Sends one GET with the WeCom credential and the headers it is given',
		defaults: { name: 'HTTP Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'weComApi', required: true }],
		properties: [{ displayName: 'Header Name', name: 'headerName', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials('weComApi');
		const headerName = this.getNodeParameter('headerName', 0) as string;
		const response = (await this.helpers.requestWithAuthentication.call(
			this,
			'weComApi',
			{
				method: 'GET',
				uri: `${baseUrl as string}/cgi-bin/get_api_domain_ip`,
				headers: { [headerName]: '1' },
				json: true,
			},
			undefined,
			0,
		)) as INodeExecutionData['json'];
		return [[{ json: response, pairedItem: { item: 0 } }]];
	}
}

describe('a request of another node that carries the token-only marker header', () => {
	let sandbox: Sandbox;
	let stub: StubOrigin;
	let harness: EngineHarness;

	beforeAll(() => registerSecret(STORED_TOKEN));

	beforeEach(async () => {
		sandbox = await startSandbox();
		stub = await startStubOrigin(sandbox.url);
		stub.forge('/cgi-bin/get_api_domain_ip', () => ({ errcode: 0, errmsg: 'ok', ip_list: ['192.0.2.1'] }));
		harness = createEngineHarness({
			nodeTypes: { [NODE_TYPE]: new HttpRequestLike() },
			credentialTypes: { weComApi: new WeComApi() },
		});
		harness.credentials.add({
			id: CREDENTIAL_ID,
			name: 'WeCom',
			type: 'weComApi',
			data: {
				corpId: DEMO_CORP_ID,
				corpSecret: DEMO_SECRET,
				agentId: DEMO_AGENT_ID,
				baseUrl: stub.url,
				accessToken: STORED_TOKEN,
				accessTokenExpiresAt: String(Date.now() + 3_600_000),
			},
		});
	});

	afterEach(async () => {
		for (const token of sandbox.issuedTokens()) registerSecret(token);
		await stub.close();
		await sandbox.close();
	});

	const run = async (headerName: string) =>
		await harness.runNode({
			type: NODE_TYPE,
			parameters: { headerName },
			credentials: { weComApi: { id: CREDENTIAL_ID, name: 'WeCom' } },
		});

	it.each([TOKEN_ONLY_HEADER, 'X-Some-Other-Header'])(
		'goes out with the stored token, no gettoken on the way (header %s)',
		async (headerName) => {
			const result = await run(headerName);

			expect(stub.calls['/cgi-bin/gettoken'] ?? 0).toBe(0);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ errcode: 0 });
			const sent = stub.urls().filter((url) => url.startsWith('/cgi-bin/get_api_domain_ip'));
			expect(sent).toHaveLength(1);
			expect(new URL(sent[0], 'http://x').searchParams.get('access_token')).toBe(STORED_TOKEN);
		},
	);
});
