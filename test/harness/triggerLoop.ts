/**
 * The WeCom Trigger hosted as n8n's webhook server would, with the sandbox as WeCom and its
 * callback URL pointing at the trigger: the app credential (for downstream nodes and approval
 * reads) and the callback credential, both for the sandbox's demo app.
 */
import type { INodeCredentials, INodeParameters } from 'n8n-workflow';

import { WeComApi } from '../../credentials/WeComApi.credentials';
import { WeComCallbackApi } from '../../credentials/WeComCallbackApi.credentials';
import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { WeComTrigger } from '../../nodes/WeCom/Trigger/WeComTrigger.node';
import {
	DEMO_AGENT_ID,
	DEMO_CALLBACK_TOKEN,
	DEMO_CORP_ID,
	DEMO_ENCODING_AES_KEY,
	DEMO_SECRET,
	startSandbox,
} from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox';
import { startTriggerHost } from '../engine/triggerHost';
import type { TriggerHost, TriggerHostOptions } from '../engine/triggerHost';
import { createEngineHarness } from './engineHarness';
import type { EngineHarness } from './engineHarness';
import { registerSecret } from './leakScan';
import type { HarnessNode } from './nodeBuilder';

export const CARD_TYPE = 'n8n-nodes-wecom-card.weComTemplateCard';
export const TRIGGER_TYPE = 'n8n-nodes-wecom-card.weComTrigger';
export const API_CREDENTIAL = { id: 'wecom-api-1', name: 'WeCom sandbox' };
export const CALLBACK_CREDENTIAL = { id: 'wecom-callback-1', name: 'WeCom callback sandbox' };

registerSecret(DEMO_SECRET, 'corpSecret');
registerSecret(DEMO_CALLBACK_TOKEN, 'callbackToken');
registerSecret(DEMO_ENCODING_AES_KEY, 'encodingAesKey');

export interface TriggerLoop {
	sandbox: Sandbox;
	harness: EngineHarness;
	host: TriggerHost;
	/** Registers the access_tokens the sandbox issued as secrets, then closes the host and the sandbox. */
	close(): Promise<void>;
}

export interface TriggerLoopOptions {
	triggerParameters: INodeParameters;
	/** Default: the callback credential only. */
	triggerCredentials?: INodeCredentials;
	downstream: HarnessNode[];
	/** Win over trigger and downstream. */
	hostOptions?: Partial<TriggerHostOptions>;
	sandboxOptions?: SandboxOptions;
}

export async function startTriggerLoop(options: TriggerLoopOptions): Promise<TriggerLoop> {
	const sandbox = await startSandbox(options.sandboxOptions);
	const harness = createEngineHarness({
		nodeTypes: { [CARD_TYPE]: new WeComTemplateCard(), [TRIGGER_TYPE]: new WeComTrigger() },
		credentialTypes: { weComApi: new WeComApi(), weComCallbackApi: new WeComCallbackApi() },
	});
	harness.credentials.add({
		...API_CREDENTIAL,
		type: 'weComApi',
		data: { corpId: DEMO_CORP_ID, corpSecret: DEMO_SECRET, agentId: DEMO_AGENT_ID, baseUrl: sandbox.url },
	});
	harness.credentials.add({
		...CALLBACK_CREDENTIAL,
		type: 'weComCallbackApi',
		data: { corpId: DEMO_CORP_ID, token: DEMO_CALLBACK_TOKEN, encodingAesSecretKey: DEMO_ENCODING_AES_KEY },
	});
	const host = await startTriggerHost({
		harness,
		trigger: {
			type: TRIGGER_TYPE,
			name: 'WeCom Trigger',
			parameters: options.triggerParameters,
			credentials: options.triggerCredentials ?? { weComCallbackApi: CALLBACK_CREDENTIAL },
		},
		downstream: options.downstream,
		...options.hostOptions,
	});
	sandbox.setCallbackConfig({ url: host.webhookUrl });
	return {
		sandbox,
		harness,
		host,
		async close() {
			for (const token of sandbox.issuedTokens()) registerSecret(token, 'accessToken');
			await host.close();
			await sandbox.close();
		},
	};
}
