/**
 * WeCom Trigger › Include Approval Details through n8n-core with the sandbox as WeCom: an
 * application filed in the sandbox sends sys_approval_change, the trigger adds the application
 * (readable fields), and the next node puts the amount on a card. A failed read still starts the run.
 */
import { EXPENSE_TEMPLATE_ID } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import {
	API_CREDENTIAL,
	CALLBACK_CREDENTIAL,
	CARD_TYPE,
	startTriggerLoop,
	type TriggerLoop,
} from '../harness/triggerLoop';
import type { TriggerHost } from './triggerHost';

describe('WeCom Trigger › Include Approval Details', () => {
	let loop: TriggerLoop;
	let sandbox: Sandbox;
	let host: TriggerHost;

	beforeEach(async () => {
		loop = await startTriggerLoop({
			sandboxOptions: { callbacks: { ackTimeoutMs: 5000 } },
			triggerParameters: { events: ['approval'], includeApprovalDetails: true },
			triggerCredentials: { weComCallbackApi: CALLBACK_CREDENTIAL, weComApi: API_CREDENTIAL },
			downstream: [
				{
					type: CARD_TYPE,
					name: 'Card',
					parameters: {
						resource: 'message',
						operation: 'sendTemplateCard',
						toUser: 'carol',
						cardInput: 'form',
						cardType: 'text_notice',
						title: '={{ "Expense " + $json.approval.fields.Amount + " by " + $json.approval.applicant }}',
						cardActionType: 1,
						cardActionUrl: 'https://example.com/expenses',
					},
					credentials: { weComApi: API_CREDENTIAL },
				},
			],
		});
		({ sandbox, host } = loop);
	});

	afterEach(async () => {
		await loop.close();
	});

	it('adds the application with readable fields, and the next node puts the amount on a card', async () => {
		const submitted = await sandbox.submitApproval({
			creator: 'alice',
			templateId: EXPENSE_TEMPLATE_ID,
			contents: [
				{ control: 'Money', id: 'Money-1', value: { new_money: '88.80' } },
				{ control: 'Textarea', id: 'Textarea-1', value: { text: 'Team lunch' } },
				{
					control: 'Selector',
					id: 'Selector-1',
					value: { selector: { type: 'single', options: [{ key: 'option-meals' }] } },
				},
			],
		});
		const [run] = await host.settled(1);
		const event = host.started[0][0].json;
		expect(event).toMatchObject({
			event: 'sys_approval_change',
			spNo: submitted.spNo,
			statusChangeEvent: 1,
			approval: {
				sp_no: submitted.spNo,
				status: 'pending',
				applicant: 'alice',
				template_id: EXPENSE_TEMPLATE_ID,
				fields: { Amount: 88.8, Reason: 'Team lunch', Category: 'Meals' },
			},
		});
		expect(run.status).toBe('success');
		const card = sandbox.messages().find((message) => message.touser.includes('carol'));
		expect((card?.template_card as { main_title: { title: string } }).main_title.title).toBe('Expense 88.8 by alice');

		await sandbox.decideApproval({ spNo: submitted.spNo, userid: 'bob', decision: 'approve' });
		await host.settled(2);
		expect(host.started[1][0].json).toMatchObject({ statusChangeEvent: 2, approval: { status: 'approved' } });
	});

	it('starts the run with approvalError when the application cannot be read', async () => {
		await sandbox.approve({ spNo: '209901010001', status: 'approved' });
		await host.settled(1);
		const event = host.started[0][0].json;
		expect(event.approval).toBeUndefined();
		expect(event.approvalError).toMatchObject({
			errcode: 301025,
			message: 'WeCom error 301025: No application with approval number 209901010001 visible to this app',
		});
	});
});
