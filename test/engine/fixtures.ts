/**
 * Shared set-up of the engine tests: the WeCom sandbox on an ephemeral port, the engine
 * harness with our node and credential, and a credential row pointing at the sandbox.
 */
import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WeComApi } from '../../credentials/WeComApi.credentials';
import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_ROBOT_KEY, DEMO_SECRET, startSandbox } from '../../sandbox';
import type { DeliveredMessage, Sandbox, SandboxOptions } from '../../sandbox';
import { createEngineHarness, registerSecret } from '../harness';
import type { EngineHarness, NodeRun } from '../harness';

export { emptyItems, textNoticeParameters } from '../harness/cards';

export const CARD_NODE_TYPE = 'n8n-nodes-wecom-card.weComTemplateCard';
export const CREDENTIAL_ID = 'wecom-1';

registerSecret(DEMO_SECRET);
registerSecret(DEMO_ROBOT_KEY);

export interface EngineFixture {
	sandbox: Sandbox;
	harness: EngineHarness;
	credentialData(overrides?: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject;
	runCardNode(parameters: INodeParameters, items?: INodeExecutionData[], continueOnFail?: boolean): Promise<NodeRun>;
	/** Registers every token the sandbox issued, then closes it. */
	close(): Promise<void>;
}

export async function startEngineFixture(sandboxOptions: SandboxOptions = {}): Promise<EngineFixture> {
	const sandbox = await startSandbox(sandboxOptions);
	const harness = createEngineHarness({
		nodeTypes: { [CARD_NODE_TYPE]: new WeComTemplateCard() },
		credentialTypes: { weComApi: new WeComApi() },
	});
	const credentialData = (overrides: ICredentialDataDecryptedObject = {}) => ({
		corpId: DEMO_CORP_ID,
		corpSecret: DEMO_SECRET,
		agentId: DEMO_AGENT_ID,
		baseUrl: sandbox.url,
		...overrides,
	});
	harness.credentials.add({ id: CREDENTIAL_ID, name: 'WeCom sandbox', type: 'weComApi', data: credentialData() });

	return {
		sandbox,
		harness,
		credentialData,
		async runCardNode(parameters, items, continueOnFail) {
			return await harness.runNode({
				type: CARD_NODE_TYPE,
				parameters,
				credentials: { weComApi: { id: CREDENTIAL_ID, name: 'WeCom sandbox' } },
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

/** A fixture started before each test of the enclosing describe and closed after it. */
export interface FreshEngineFixture extends Omit<EngineFixture, 'close'> {
	/** The messages sent (not updates or recalls), oldest first. */
	sends(): DeliveredMessage[];
	/** How often the node called a WeCom path in this test. */
	calls(path: string): number;
}

/** Registers the jest hooks; read the fixture only inside tests. */
export function useFreshEngineFixture(sandboxOptions: SandboxOptions = {}): FreshEngineFixture {
	let current: EngineFixture | undefined;
	beforeEach(async () => {
		current = await startEngineFixture(sandboxOptions);
	});
	afterEach(async () => {
		await current?.close();
		current = undefined;
	});
	const fixture = (): EngineFixture => {
		if (!current) throw new Error('the engine fixture exists only inside a test');
		return current;
	};
	return {
		get sandbox() {
			return fixture().sandbox;
		},
		get harness() {
			return fixture().harness;
		},
		credentialData: (overrides) => fixture().credentialData(overrides),
		runCardNode: async (...args) => await fixture().runCardNode(...args),
		sends: () =>
			fixture()
				.sandbox.messages()
				.filter((message) => message.action === 'send'),
		calls: (path) => fixture().sandbox.stats().calls[path] ?? 0,
	};
}
