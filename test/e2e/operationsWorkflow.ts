/**
 * A workflow for the operations no example runs: a published webhook → Send (app) → Recall that
 * msgid → Send through the group robot, answering with the send's output. Created over REST, so
 * it also shows that a workflow built in the editor (not imported) runs the package's nodes.
 */
import { randomUUID } from 'node:crypto';

import { EXAMPLE_CREDENTIAL, EXAMPLE_ROBOT_CREDENTIAL } from '../../scripts/n8n/examples';
import { NEW_WORKFLOW_FIELDS } from '../../scripts/n8n/versions';
import { CARD_NODE_TYPE } from './exampleExpectations';

const textNotice = (title: string) => ({
	cardInput: 'form',
	cardType: 'text_notice',
	title,
	subTitleText: 'operations e2e',
	cardActionType: 1,
	cardActionUrl: 'https://example.com/operations',
});

const node = (name: string, x: number, rest: Record<string, unknown>) => ({
	id: randomUUID(),
	name,
	typeVersion: 1,
	position: [x, 0],
	...rest,
});

export function operationsWorkflow(path: string) {
	const nodes = [
		node('Start', 0, {
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
		}),
		node('Send', 260, {
			type: CARD_NODE_TYPE,
			credentials: { weComApi: EXAMPLE_CREDENTIAL },
			parameters: { resource: 'message', operation: 'sendTemplateCard', toUser: 'alice', ...textNotice('To recall') },
		}),
		node('Recall', 520, {
			type: CARD_NODE_TYPE,
			credentials: { weComApi: EXAMPLE_CREDENTIAL },
			parameters: { resource: 'message', operation: 'recall', msgid: '={{ $json.msgid }}' },
		}),
		node('Robot', 780, {
			type: CARD_NODE_TYPE,
			credentials: { weComWebhookApi: EXAMPLE_ROBOT_CREDENTIAL },
			parameters: { resource: 'robot', operation: 'sendTemplateCard', ...textNotice('Recalled a card') },
		}),
	];
	const next = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	return {
		...NEW_WORKFLOW_FIELDS,
		name: 'WeCom e2e: send, recall, robot send',
		nodes,
		connections: { Start: next('Send'), Send: next('Recall'), Recall: next('Robot') },
		settings: { executionOrder: 'v1' },
	};
}
