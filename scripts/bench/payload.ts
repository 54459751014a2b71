/**
 * The one payload every path sends: a text_notice card to one recipient per item, with a unique
 * task_id and WeCom's duplicate check on, exactly the body our node builds by default.
 */
import { randomBytes } from 'node:crypto';

import type { INodeExecutionData } from 'n8n-workflow';

// The demo module only, not the sandbox's index: the measured child processes never load the server.
import { DEMO_AGENT_ID, DEMO_CORP, DEMO_CORP_ID, DEMO_SECRET } from '../../sandbox/demo';
import type { SandboxCorp } from '../../sandbox/types';

export const CORP_ID = DEMO_CORP_ID;
export const CORP_SECRET = DEMO_SECRET;
export const AGENT_ID = DEMO_AGENT_ID;
export const CARD_ACTION_URL = 'https://example.com/deploys/42';
/** Our node's default window (DUPLICATE_CHECK_DEFAULT_SECONDS). */
export const DUPLICATE_CHECK_INTERVAL = 1800;

/** alice, bob, carol, then user00001, user00002, ... */
export function benchUser(index: number): string {
	const named = ['alice', 'bob', 'carol'];
	return index < named.length ? named[index] : `user${String(index - named.length + 1).padStart(5, '0')}`;
}

/** The demo corp with enough users that every item (and the fan-out card) has its own recipient. */
export function benchCorp(userCount: number): SandboxCorp {
	return { ...DEMO_CORP, users: Array.from({ length: userCount }, (_, index) => benchUser(index)) };
}

/** What one input item carries; the node parameters and the JSON bodies read these fields. */
export interface CardItem {
	index: number;
	touser: string;
	title: string;
	/** Used by the HTTP Request and undici paths; our node generates its own unique task_id. */
	taskId: string;
	[key: string]: string | number;
}

export function cardItem(index: number, runTag: string): CardItem {
	return {
		index,
		touser: benchUser(index),
		title: `Deploy #${index} finished`,
		// Same shape and length as the node's own (n8n-<execution>-<item>-<16 hex>).
		taskId: `bench-${runTag}-${index}-${randomBytes(8).toString('hex')}`,
	};
}

export function cardItems(count: number, runTag: string): INodeExecutionData[] {
	return Array.from({ length: count }, (_, index) => ({ json: cardItem(index, runTag) }));
}

/** The message/send body, as our node sends it (same fields, same order). */
export function sendBody(item: CardItem) {
	return {
		touser: item.touser,
		msgtype: 'template_card',
		agentid: AGENT_ID,
		template_card: {
			card_type: 'text_notice',
			task_id: item.taskId,
			main_title: { title: item.title },
			card_action: { type: 1, url: CARD_ACTION_URL },
		},
		enable_duplicate_check: 1,
		duplicate_check_interval: DUPLICATE_CHECK_INTERVAL,
	};
}

/**
 * The same body as an n8n expression, the way tutorials fill the HTTP Request node's JSON body.
 * Kept in step with sendBody(); main.ts checks that the sandbox received identical cards.
 */
export const SEND_BODY_EXPRESSION = `={{ JSON.stringify({
  touser: $json.touser,
  msgtype: "template_card",
  agentid: ${AGENT_ID},
  template_card: {
    card_type: "text_notice",
    task_id: $json.taskId,
    main_title: { title: $json.title },
    card_action: { type: 1, url: "${CARD_ACTION_URL}" }
  },
  enable_duplicate_check: 1,
  duplicate_check_interval: ${DUPLICATE_CHECK_INTERVAL}
}) }}`;
