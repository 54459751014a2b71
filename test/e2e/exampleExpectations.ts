/**
 * The example workflows in examples/ and exactly what the WeCom sandbox must receive when they
 * run. One list, read by the fast engine test (test/engine/examples.test.ts: the card node with
 * each example's parameters) and by the real-n8n e2e test (n8n execute and the published
 * webhooks), so an example can never drift from the node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IConnections, INode } from 'n8n-workflow';

import { DEMO_AGENT_ID, DEMO_CORP_ID } from '../../sandbox/demo';
import { EXAMPLE_CREDENTIAL, EXAMPLES_DIR } from '../../scripts/n8n/examples';
import type { DeliveredMessage } from '../../sandbox/types';

export const CARD_NODE_TYPE = 'n8n-nodes-wecom-card.weComTemplateCard';
/** The credential every example references; `npm start` and the e2e test import it with this id. */
export { EXAMPLE_CREDENTIAL, EXAMPLES_DIR };
/** Examples checked by test/e2e/approvalLoop.e2e.ts and approvalDetails.e2e.ts (they need a click or an approval, not only a send). */
export const NOT_COVERED_HERE = [
	'approval-details.workflow.json',
	'approval-loop.workflow.json',
	'send-and-wait.workflow.json',
];

/** What one send must deliver; task_id is generated per run and checked by pattern only. */
export interface ExpectedSend {
	touser: string[];
	template_card: Record<string, unknown>;
}

export interface ExampleExpectation {
	file: string;
	workflowId: string;
	/** From the Manual Trigger (one empty item), as `n8n execute` runs it. */
	manual: ExpectedSend;
	/** Webhook-triggered examples: the path, a request body, and what that body sends. */
	webhook?: { path: string; body: Record<string, unknown>; sends: ExpectedSend };
}

export interface ExampleWorkflow {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
}

/** n8n-generated task_ids: `n8n-<execution>-<item>-<16 hex>`. */
export const GENERATED_TASK_ID = /^n8n-[A-Za-z0-9_@-]+-\d+-[0-9a-f]{32}$/;

const deployCard = (title: string, environment: string, version: string) => ({
	card_type: 'text_notice',
	source: { desc: 'n8n deploys', desc_color: 0 },
	main_title: { title, desc: environment },
	emphasis_content: { title: 'OK', desc: 'all checks passed' },
	sub_title_text: `Version ${version} is live.`,
	horizontal_content_list: [
		{ type: 0, keyname: 'Version', value: version },
		{ type: 1, keyname: 'Changelog', value: 'Open', url: 'https://example.com/changelog' },
	],
	jump_list: [{ type: 1, title: 'Open the dashboard', url: 'https://example.com/dashboard' }],
	card_action: { type: 1, url: 'https://example.com/deploys' },
});

const expenseCard = (amount: string, reason: string, claimant: string) => ({
	card_type: 'button_interaction',
	source: { desc: 'Expenses', desc_color: 1 },
	main_title: { title: 'Expense claim', desc: amount },
	sub_title_text: reason,
	horizontal_content_list: [{ type: 3, keyname: 'Claimant', value: claimant, userid: claimant }],
	button_list: [
		{ type: 0, text: 'Approve', style: 1, key: 'approve' },
		{ type: 0, text: 'Reject', style: 2, key: 'reject' },
		{ type: 1, text: 'Details', style: 4, url: 'https://example.com/expenses' },
	],
});

export const EXAMPLES: ExampleExpectation[] = [
	{
		file: 'text-notice.workflow.json',
		workflowId: 'wecomTextNotice1',
		manual: { touser: ['alice'], template_card: deployCard('Deploy finished', 'production', '1.4.2') },
		webhook: {
			path: 'wecom/deploy-finished',
			body: { to: 'bob', title: 'Deploy finished: api', environment: 'staging', version: '1.5.0' },
			sends: { touser: ['bob'], template_card: deployCard('Deploy finished: api', 'staging', '1.5.0') },
		},
	},
	{
		file: 'news-notice.workflow.json',
		workflowId: 'wecomNewsNotice1',
		manual: {
			touser: ['alice', 'bob'],
			template_card: {
				card_type: 'news_notice',
				main_title: { title: 'Weekly report', desc: 'Week 48' },
				image_text_area: {
					type: 1,
					url: 'https://example.com/reports/week-48#highlights',
					title: 'Highlights',
					desc: 'Revenue up 12%',
					image_url: 'https://example.com/images/highlights.png',
				},
				card_image: { url: 'https://example.com/images/chart.png', aspect_ratio: 2.25 },
				vertical_content_list: [
					{ title: 'Sales', desc: 'Best week this quarter' },
					{ title: 'Support', desc: 'Median reply under 2 hours' },
				],
				jump_list: [{ type: 1, title: 'Full report', url: 'https://example.com/reports/week-48' }],
				card_action: { type: 1, url: 'https://example.com/reports/week-48' },
			},
		},
	},
	{
		file: 'button-interaction.workflow.json',
		workflowId: 'wecomButtonCard1',
		manual: { touser: ['bob'], template_card: expenseCard('¥ 320.00', 'Taxi to the airport', 'alice') },
		webhook: {
			path: 'wecom/expense-submitted',
			body: { approver: 'carol', claimant: 'bob', amount: '¥ 88.50', reason: 'Team lunch with a customer' },
			sends: { touser: ['carol'], template_card: expenseCard('¥ 88.50', 'Team lunch with a customer', 'bob') },
		},
	},
	{
		file: 'vote-interaction.workflow.json',
		workflowId: 'wecomVoteCard001',
		manual: {
			touser: ['alice', 'bob', 'carol'],
			template_card: {
				card_type: 'vote_interaction',
				source: { desc: 'Office' },
				main_title: { title: 'Team lunch on Friday', desc: 'Pick all you like' },
				checkbox: {
					question_key: 'lunch',
					option_list: [
						{ id: 'noodles', text: 'Noodles', is_checked: true },
						{ id: 'dumplings', text: 'Dumplings', is_checked: false },
						{ id: 'hotpot', text: 'Hot pot', is_checked: false },
					],
					mode: 1,
				},
				submit_button: { text: 'Vote', key: 'vote_lunch' },
			},
		},
	},
	{
		file: 'multiple-interaction.workflow.json',
		workflowId: 'wecomMultiCard01',
		manual: {
			touser: ['carol'],
			template_card: {
				card_type: 'multiple_interaction',
				source: { desc: 'Facilities' },
				main_title: { title: 'Book a meeting room', desc: 'Friday' },
				select_list: [
					{
						question_key: 'room',
						title: 'Room',
						selected_id: 'b',
						option_list: [
							{ id: 'a', text: 'Room A (4 seats)' },
							{ id: 'b', text: 'Room B (10 seats)' },
						],
					},
					{
						question_key: 'slot',
						title: 'Time',
						option_list: [
							{ id: 'am', text: 'Morning' },
							{ id: 'pm', text: 'Afternoon' },
						],
					},
				],
				submit_button: { text: 'Book', key: 'book_room' },
			},
		},
	},
];

export function loadExample(file: string): ExampleWorkflow {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as ExampleWorkflow;
}

/** Every examples/*.workflow.json, so a new example cannot skip its check. */
export function exampleFiles(): string[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.workflow.json'))
		.sort();
}

export function cardNodeOf(workflow: ExampleWorkflow): INode {
	const cards = workflow.nodes.filter((node) => node.type === CARD_NODE_TYPE);
	if (cards.length !== 1) throw new Error(`${workflow.name}: expected one card node, found ${cards.length}`);
	return cards[0];
}

/** How every example send must arrive: an app message from the demo app, delivered once. */
export const APP_SEND = {
	kind: 'app',
	action: 'send',
	msgtype: 'template_card',
	corpId: DEMO_CORP_ID,
	agentid: DEMO_AGENT_ID,
	toparty: [] as string[],
	totag: [] as string[],
	duplicateOf: undefined,
	generatedTaskId: true,
};

/** A sandbox message reduced to what an expectation pins; compare with `{ ...APP_SEND, ...expected }`. */
export function asSent(message: DeliveredMessage) {
	const { task_id: taskId, ...card } = (message.template_card ?? {}) as Record<string, unknown>;
	return {
		kind: message.kind,
		action: message.action,
		msgtype: message.msgtype,
		corpId: message.corpId,
		agentid: message.agentid,
		touser: message.touser,
		toparty: message.toparty,
		totag: message.totag,
		duplicateOf: message.duplicateOf,
		template_card: card,
		generatedTaskId: typeof taskId === 'string' && GENERATED_TASK_ID.test(taskId),
	};
}
