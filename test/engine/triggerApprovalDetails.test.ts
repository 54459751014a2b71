/**
 * WeCom Trigger › Include Approval Details through n8n-core with the sandbox as WeCom: an
 * application filed in the sandbox sends sys_approval_change, the trigger adds the application
 * (readable fields), and the next node puts the amount on a card. A failed read still starts the run.
 */
import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_SECRET, EXPENSE_TEMPLATE_ID } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { startForgedWeCom } from './stubOrigin';
import type { ForgedAnswer } from './stubOrigin';
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

	/** Runs one approval event with getapprovaldetail answered by `answer`; returns the event started. */
	async function eventWithDetail(answer: ForgedAnswer): Promise<Record<string, unknown>> {
		const forged = await startForgedWeCom(sandbox.url, { '/cgi-bin/oa/getapprovaldetail': answer });
		try {
			loop.harness.credentials.replaceData(API_CREDENTIAL.id, {
				corpId: DEMO_CORP_ID,
				corpSecret: DEMO_SECRET,
				agentId: DEMO_AGENT_ID,
				baseUrl: forged.url,
			});
			await sandbox.approve({ spNo: '209901010001', status: 'approved' });
			await host.settled(1);
			return host.started[0][0].json;
		} finally {
			await forged.close();
		}
	}

	it('reads a forged date beyond what a date holds as no date, not as an approvalError', async () => {
		const event = await eventWithDetail((body) => ({
			errcode: 0,
			errmsg: 'ok',
			info: {
				sp_no: body.sp_no,
				sp_name: 'Forged',
				sp_status: 1,
				template_id: EXPENSE_TEMPLATE_ID,
				apply_time: 1767542400,
				applyer: { userid: 'alice' },
				apply_data: {
					contents: [
						{
							control: 'Date',
							id: 'Date-1',
							title: [{ text: 'Due', lang: 'zh_CN' }],
							value: { date: { type: 'day', s_timestamp: '99999999999999999' } },
						},
					],
				},
			},
		}));
		expect(event.approvalError).toBeUndefined();
		expect(event.approval).toMatchObject({
			sp_no: '209901010001',
			fields: { Due: { type: 'day', date: null, timestamp: '99999999999999999' } },
		});
	});

	it('starts the run with a clear approvalError when WeCom answers without info', async () => {
		const event = await eventWithDetail(() => ({ errcode: 0, errmsg: 'ok' }));
		expect(event.approval).toBeUndefined();
		expect(event.approvalError).toEqual({
			message: 'WeCom answered getapprovaldetail without info',
			description: expect.stringContaining('209901010001') as string,
		});
	});
});
