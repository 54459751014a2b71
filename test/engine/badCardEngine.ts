/**
 * The node's three card operations on one sandbox: app send and update through the shared engine
 * fixture, group-robot send through a second harness that knows the robot credential.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WeComWebhookApi } from '../../credentials/WeComWebhookApi.credentials';
import type { CardVariant } from '../../nodes/WeCom/shared/card';
import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { DEMO_ROBOT_KEY, type Sandbox } from '../../sandbox';
import { createEngineHarness, type NodeRun } from '../harness';
import { CARD_NODE_TYPE, startEngineFixture } from './fixtures';

/** The operation that checks cards of each variant, without its card input. */
export const OPERATIONS: Record<CardVariant, INodeParameters> = {
	send: { resource: 'message', operation: 'sendTemplateCard', toUser: 'alice' },
	update: {
		resource: 'message',
		operation: 'updateTemplateCard',
		responseCode: 'RESPONSE_CODE_NEVER_USED',
		updateMode: 'card',
		updateTarget: 'all',
	},
	robot: { resource: 'robot', operation: 'sendTemplateCard' },
};

export interface BadCardEngine {
	sandbox: Sandbox;
	/** Runs the operation of `variant` with "On Error: Continue". */
	run(variant: CardVariant, cardInput: INodeParameters, items: INodeExecutionData[]): Promise<NodeRun>;
	close(): Promise<void>;
}

const ROBOT_CREDENTIAL = { id: 'robot-1', name: 'Robot sandbox' };

export async function startBadCardEngine(): Promise<BadCardEngine> {
	const fixture = await startEngineFixture();
	const robot = createEngineHarness({
		nodeTypes: { [CARD_NODE_TYPE]: new WeComTemplateCard() },
		credentialTypes: { weComWebhookApi: new WeComWebhookApi() },
	});
	robot.credentials.add({
		...ROBOT_CREDENTIAL,
		type: 'weComWebhookApi',
		data: { webhookSecret: `${fixture.sandbox.url}/cgi-bin/webhook/send?key=${DEMO_ROBOT_KEY}` },
	});

	return {
		sandbox: fixture.sandbox,
		async run(variant, cardInput, items) {
			const parameters = { ...OPERATIONS[variant], ...cardInput };
			if (variant !== 'robot') return await fixture.runCardNode(parameters, items, true);
			return await robot.runNode({
				type: CARD_NODE_TYPE,
				parameters,
				credentials: { weComWebhookApi: ROBOT_CREDENTIAL },
				items,
				continueOnFail: true,
			});
		},
		close: async () => await fixture.close(),
	};
}
