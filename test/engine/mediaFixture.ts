/**
 * The engine with the app credential and a group robot credential, both pointing at the sandbox,
 * and input items carrying a file in a binary property.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WeComApi } from '../../credentials/WeComApi.credentials';
import { WeComWebhookApi } from '../../credentials/WeComWebhookApi.credentials';
import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_ROBOT_KEY, DEMO_SECRET, startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { createEngineHarness, registerSecret } from '../harness';
import type { EngineHarness, NodeRun } from '../harness';

const CARD_NODE_TYPE = 'n8n-nodes-wecom-card.weComTemplateCard';

registerSecret(DEMO_SECRET);
registerSecret(DEMO_ROBOT_KEY, 'robotKey');

export interface MediaFixture {
	sandbox: Sandbox;
	harness: EngineHarness;
	/** Points the app credential ('app') and the robot's at another origin (a stub in front of the sandbox). */
	useOrigin(origin: string): void;
	run(
		parameters: INodeParameters,
		items?: INodeExecutionData[],
		continueOnFail?: boolean,
		/** The app credential with Connections: n8n's client (else kept-alive connections). */
		viaN8nClient?: boolean,
	): Promise<NodeRun>;
	close(): Promise<void>;
}

export async function startMediaFixture(clock?: () => number): Promise<MediaFixture> {
	const sandbox = await startSandbox({ clock });
	const harness = createEngineHarness({
		nodeTypes: { [CARD_NODE_TYPE]: new WeComTemplateCard() },
		credentialTypes: { weComApi: new WeComApi(), weComWebhookApi: new WeComWebhookApi() },
	});
	harness.credentials.add({
		id: 'app',
		name: 'WeCom sandbox',
		type: 'weComApi',
		data: { corpId: DEMO_CORP_ID, corpSecret: DEMO_SECRET, agentId: DEMO_AGENT_ID, baseUrl: sandbox.url },
	});
	harness.credentials.add({
		id: 'app-n8n-client',
		name: 'WeCom sandbox via n8n',
		type: 'weComApi',
		data: {
			corpId: DEMO_CORP_ID,
			corpSecret: DEMO_SECRET,
			agentId: DEMO_AGENT_ID,
			baseUrl: sandbox.url,
			connections: 'n8nClient',
		},
	});
	harness.credentials.add({
		id: 'robot',
		name: 'Robot sandbox',
		type: 'weComWebhookApi',
		data: { webhookSecret: `${sandbox.url}/cgi-bin/webhook/send?key=${DEMO_ROBOT_KEY}` },
	});
	return {
		sandbox,
		harness,
		useOrigin(origin) {
			harness.credentials.replaceData('app', {
				corpId: DEMO_CORP_ID,
				corpSecret: DEMO_SECRET,
				agentId: DEMO_AGENT_ID,
				baseUrl: origin,
			});
			harness.credentials.replaceData('robot', {
				webhookSecret: `${origin}/cgi-bin/webhook/send?key=${DEMO_ROBOT_KEY}`,
			});
		},
		async run(parameters, items, continueOnFail, viaN8nClient) {
			return await harness.runNode({
				type: CARD_NODE_TYPE,
				parameters,
				credentials: {
					weComApi: viaN8nClient
						? { id: 'app-n8n-client', name: 'WeCom sandbox via n8n' }
						: { id: 'app', name: 'WeCom sandbox' },
					weComWebhookApi: { id: 'robot', name: 'Robot sandbox' },
				},
				items,
				continueOnFail,
			});
		},
		async close() {
			for (const token of sandbox.issuedTokens()) registerSecret(token);
			await sandbox.close();
		},
	};
}

/** An input item with `data` in the binary property `property`. */
export function fileItem(
	data: Buffer,
	fileName: string | undefined,
	mimeType: string,
	property = 'data',
): INodeExecutionData {
	return { json: {}, binary: { [property]: { data: data.toString('base64'), mimeType, fileName } } };
}
