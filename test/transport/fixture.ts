/**
 * The node in n8n's engine, talking to the sandbox through the recording proxy: the credential's
 * base URL is the proxy, so every request the node makes is recorded byte for byte.
 */
import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WeComApi } from '../../credentials/WeComApi.credentials';
import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import {
	DEMO_AGENT_ID,
	DEMO_CORP_ID,
	DEMO_SECRET,
	startSandbox,
	type Sandbox,
	type SandboxOptions,
} from '../../sandbox';
import { createEngineHarness, registerSecret, type NodeRun } from '../harness';
import { startRecordingProxy, type Interceptor, type RecordingProxy } from './recordingProxy';

const CARD_NODE_TYPE = 'n8n-nodes-wecom-card.weComTemplateCard';
const CREDENTIAL = { id: 'wecom-transport', name: 'WeCom through the recording proxy' };

registerSecret(DEMO_SECRET);

export interface TransportFixture {
	sandbox: Sandbox;
	proxy: RecordingProxy;
	run(parameters: INodeParameters, items?: INodeExecutionData[], continueOnFail?: boolean): Promise<NodeRun>;
	/** Changes fields of the credential row as an edit in n8n would (the row as the test set it: no stored token). */
	updateCredential(fields: ICredentialDataDecryptedObject): void;
	close(): Promise<void>;
}

export interface TransportFixtureOptions {
	/** Extra fields of the WeCom API credential (e.g. its Connections option). */
	credential?: ICredentialDataDecryptedObject;
	/** Calls the proxy answers in WeCom's place. */
	intercept?: Interceptor;
	sandbox?: SandboxOptions;
}

export async function startTransportFixture(options: TransportFixtureOptions = {}): Promise<TransportFixture> {
	const sandbox = await startSandbox(options.sandbox);
	const proxy = await startRecordingProxy(sandbox.url, options.intercept);
	const harness = createEngineHarness({
		nodeTypes: { [CARD_NODE_TYPE]: new WeComTemplateCard() },
		credentialTypes: { weComApi: new WeComApi() },
	});
	let data: ICredentialDataDecryptedObject = {
		corpId: DEMO_CORP_ID,
		corpSecret: DEMO_SECRET,
		agentId: DEMO_AGENT_ID,
		baseUrl: proxy.url,
		...options.credential,
	};
	harness.credentials.add({ ...CREDENTIAL, type: 'weComApi', data });
	return {
		sandbox,
		proxy,
		run: async (parameters, items, continueOnFail) =>
			await harness.runNode({
				type: CARD_NODE_TYPE,
				parameters,
				credentials: { weComApi: CREDENTIAL },
				items,
				continueOnFail,
			}),
		updateCredential: (fields) => {
			data = { ...data, ...fields };
			harness.credentials.replaceData(CREDENTIAL.id, data);
		},
		close: async () => {
			for (const token of sandbox.issuedTokens()) registerSecret(token);
			await proxy.close();
			await sandbox.close();
		},
	};
}
