/**
 * examples/approval-details.workflow.json in a real n8n 2.41.1 (scripts/n8n/stack.ts), over HTTP
 * as WeCom and a phone would: a member files an expense in the sandbox's Approval app → the
 * sandbox POSTs the encrypted sys_approval_change to the published WeCom Trigger, which reads the
 * application (Include Approval Details) → Contact › Find User finds the manager by e-mail → a card
 * with the amount and the applicant goes to that userid → the manager clicks Noted → the card is
 * greyed out; the approval that follows starts a run that looks up and sends nothing, and every run
 * succeeds.
 */
import type { DeliveredMessage } from '../../sandbox';
import { EXPENSE_TEMPLATE_ID } from '../../sandbox';
import { startStack } from '../../scripts/n8n/stack';
import type { Stack } from '../../scripts/n8n/stack';
import { loadExample } from './exampleExpectations';

let stack: Stack;

/** Contact › Find User by e-mail (https://developer.work.weixin.qq.com/document/path/95895). */
const FIND_BY_EMAIL = '/cgi-bin/user/get_userid_by_email';

/** Polls `probe` until it returns something, or fails after `timeoutMs`. */
async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

async function untilAsync<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

const cardOf = (message: DeliveredMessage) =>
	message.template_card as { main_title?: { title?: string; desc?: string }; sub_title_text?: string };

beforeAll(async () => {
	stack = await startStack({ n8nPort: 0, sandboxPort: 0 });
});

afterAll(async () => {
	await stack?.close();
});

describe('n8n 2.41.1: approval → manager found by e-mail → card with the amount → manager acknowledges', () => {
	it('examples/approval-details.workflow.json runs the whole loop', async () => {
		const workflow = loadExample('approval-details.workflow.json');
		expect(stack.workflows.find((imported) => imported.file === 'approval-details.workflow.json')).toEqual(
			expect.objectContaining({ published: true }),
		);
		const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-wecom-card.weComTrigger');
		const findManager = workflow.nodes.find((node) => node.parameters.operation === 'findUser');
		expect(findManager?.parameters).toMatchObject({ resource: 'contact', findBy: 'email' });
		const callbackUrl = `${stack.server.url}/webhook/${trigger?.webhookId}/webhook`;
		stack.sandbox.setCallbackConfig({ url: callbackUrl });

		const submitted = await stack.sandbox.submitApproval({
			creator: 'alice',
			templateId: EXPENSE_TEMPLATE_ID,
			contents: [
				{ control: 'Money', id: 'Money-1', value: { new_money: '1280.50' } },
				{ control: 'Textarea', id: 'Textarea-1', value: { text: 'Two monitors' } },
			],
		});
		const [delivery] = stack.sandbox.callbackDeliveries();
		expect(delivery).toMatchObject({ url: callbackUrl, delivered: true, event: 'sys_approval_change' });
		expect(delivery.xml).toContain(`<SpNo>${submitted.spNo}</SpNo>`);

		const sent = await until('the card', () => stack.sandbox.messages().find((message) => message.action === 'send'));
		// No userid in the workflow: the recipient is what Find User answered for the manager's e-mail.
		expect(stack.sandbox.stats().calls[FIND_BY_EMAIL]).toBe(1);
		expect(sent.touser).toEqual(['carol']);
		expect(cardOf(sent)).toMatchObject({
			main_title: { title: '报销 Expense', desc: 'Amount: 1280.5' },
			sub_title_text: 'alice: Two monitors',
		});
		const click = await stack.sandbox.click({ userid: 'carol', msgid: String(sent.msgid), eventKey: 'noted' });
		expect(click.delivery.delivered).toBe(true);
		const card = await until('carol\'s card to show "Noted"', () =>
			stack.sandbox.cardsFor('carol').find((shown) => shown.msgid === sent.msgid && shown.replaceName === 'Noted'),
		);
		expect(card.recalled).toBe(false);

		// Later changes (bob approves) reach the trigger too and end at the If nodes: nothing is sent.
		const approved = await stack.sandbox.decideApproval({ spNo: submitted.spNo, userid: 'bob', decision: 'approve' });
		expect(approved.spStatus).toBe(2);
		const filter = encodeURIComponent(JSON.stringify({ workflowId: workflow.id }));
		const runs = await untilAsync('three finished executions', async () => {
			const list = await stack.rest.data<{ results: Array<{ status: string }> }>(
				'GET',
				`/rest/executions?filter=${filter}`,
			);
			const finished = list.results.filter((run) => !['new', 'running', 'waiting'].includes(run.status));
			return finished.length >= 3 ? finished : undefined;
		});
		expect(runs.map((run) => run.status)).toEqual(['success', 'success', 'success']);
		expect(stack.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(1);
		expect(stack.sandbox.stats().calls[FIND_BY_EMAIL]).toBe(1);
		expect(stack.sandbox.callbackDeliveries().map((delivery) => delivery.delivered)).toEqual([true, true, true]);
	});
});
