/**
 * Workflows for the token-lifecycle and per-member-limit e2e: a batch of items (one card each, to
 * the item's member, titled with the item's own key) fanned out by Split Out into the WeCom
 * Template Card node. Started by a published webhook (the items in the body: runs in the
 * long-lived n8n process, where a remembered token and the per-member send log live on between
 * executions) or by `n8n execute` (the items in a Set node). Also the credential and the webhook call.
 */
import { randomUUID } from 'node:crypto';

import { DEMO_CORP_ID } from '../../sandbox';
import type { N8nRest } from '../../scripts/n8n/rest';
import { NEW_WORKFLOW_FIELDS } from '../../scripts/n8n/versions';

/** One card: who gets it and the title that identifies it in the sandbox. */
export interface CardItem {
	user: string;
	title: string;
}

export interface CardNodeSettings {
	credential: { id: string; name: string };
	/** The node's Concurrency option (items in flight at once); absent: the node's default. */
	concurrency?: number;
	/** The node's Request Timeout (Ms): also what a hung gettoken must not outlast by much. */
	requestTimeoutMs?: number;
	/** Continue (Regular Output) on error: a failed item becomes an output item with `error`. */
	continueOnFail: boolean;
	/** Further Options, e.g. `{ pacePerMember: true, maxRateLimitWaitSeconds: 1 }`. */
	options?: Record<string, unknown>;
}

export const CARD_NODE = 'Send card';
const SPLIT_NODE = 'One item per card';

function cardNode(settings: CardNodeSettings) {
	return {
		id: randomUUID(),
		name: CARD_NODE,
		type: 'n8n-nodes-wecom-card.weComTemplateCard',
		typeVersion: 1,
		position: [520, 0],
		credentials: { weComApi: settings.credential },
		...(settings.continueOnFail && { onError: 'continueRegularOutput' }),
		parameters: {
			resource: 'message',
			operation: 'sendTemplateCard',
			toUser: '={{ $json.user }}',
			cardInput: 'form',
			cardType: 'text_notice',
			title: '={{ $json.title }}',
			subTitleText: 'token lifecycle e2e',
			cardActionType: 1,
			cardActionUrl: 'https://example.com/token-lifecycle',
			options: {
				concurrency: settings.concurrency,
				requestTimeoutMs: settings.requestTimeoutMs ?? 10000,
				// Short backoff: the scenarios wait for retries, not for the default second.
				retryBaseDelayMs: 200,
				...settings.options,
			},
		},
	};
}

const splitNode = {
	id: randomUUID(),
	name: SPLIT_NODE,
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	position: [260, 0],
	parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
};

const chain = (first: string) => ({
	[first]: { main: [[{ node: SPLIT_NODE, type: 'main', index: 0 }]] },
	[SPLIT_NODE]: { main: [[{ node: CARD_NODE, type: 'main', index: 0 }]] },
});

/** POST /webhook/<path> with `{ items: CardItem[] }`; answers on receipt (the outcome is read from the execution). */
export function webhookWorkflow(name: string, path: string, settings: CardNodeSettings) {
	const webhook = {
		id: randomUUID(),
		name: 'Cards requested',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
	return {
		...NEW_WORKFLOW_FIELDS,
		name,
		nodes: [webhook, splitNode, cardNode(settings)],
		connections: chain(webhook.name),
		settings: { executionOrder: 'v1' },
	};
}

/** Manual Trigger → the items (as a webhook body would carry them) → cards; run with `n8n execute`. */
export function manualWorkflow(name: string, items: CardItem[], settings: CardNodeSettings) {
	const trigger = {
		id: randomUUID(),
		name: 'Run',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [-260, 0],
		parameters: {},
	};
	const batch = {
		id: randomUUID(),
		name: 'Cards requested',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [0, 0],
		parameters: { mode: 'raw', jsonOutput: JSON.stringify({ body: { items } }), options: {} },
	};
	return {
		...NEW_WORKFLOW_FIELDS,
		name,
		nodes: [trigger, batch, splitNode, cardNode(settings)],
		connections: { [trigger.name]: { main: [[{ node: batch.name, type: 'main', index: 0 }]] }, ...chain(batch.name) },
		settings: { executionOrder: 'v1' },
	};
}

/** A WeCom API credential of the sandbox's demo corp, created over n8n's REST API. */
export async function createCredential(
	rest: N8nRest,
	name: string,
	sandboxUrl: string,
	agentId: number,
	secret: string,
): Promise<{ id: string; name: string }> {
	const data = { corpId: DEMO_CORP_ID, corpSecret: secret, agentId, baseUrl: sandboxUrl };
	const created = await rest.data<{ id: string }>('POST', '/rest/credentials', { name, type: 'weComApi', data });
	return { id: created.id, name };
}

/** POSTs the items to a webhookWorkflow; a freshly published webhook may answer 404 for a moment. */
export async function callWebhook(baseUrl: string, path: string, items: CardItem[]): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(`${baseUrl}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ items }),
		});
		const text = await response.text();
		if (response.status === 200) return;
		if (response.status !== 404 || attempt >= 40)
			throw new Error(`POST /webhook/${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
