/**
 * WeCom Trigger › Include Approval Details through n8n-core with the sandbox as WeCom: an
 * application filed in the sandbox sends sys_approval_change, the trigger adds the application
 * (readable fields), and the next node puts the amount on a card. A failed read still starts the run.
 */
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
	EXPENSE_TEMPLATE_ID,
	startSandbox,
} from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { createEngineHarness, registerSecret } from '../harness';
import { startTriggerHost } from './triggerHost';
import type { TriggerHost } from './triggerHost';

const CARD_TYPE = 'n8n-nodes-wecom-card.weComTemplateCard';
const TRIGGER_TYPE = 'n8n-nodes-wecom-card.weComTrigger';
const API_CREDENTIAL = { id: 'wecom-api-1', name: 'WeCom sandbox' };
const CALLBACK_CREDENTIAL = { id: 'wecom-callback-1', name: 'WeCom callback sandbox' };

registerSecret(DEMO_SECRET, 'corpSecret');
registerSecret(DEMO_CALLBACK_TOKEN, 'callbackToken');
registerSecret(DEMO_ENCODING_AES_KEY, 'encodingAesKey');

describe('WeCom Trigger › Include Approval Details', () => {
	let sandbox: Sandbox;
	let host: TriggerHost;

	beforeEach(async () => {
		sandbox = await startSandbox({ callbacks: { ackTimeoutMs: 5000 } });
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
		host = await startTriggerHost({
			harness,
			trigger: {
				type: TRIGGER_TYPE,
				name: 'WeCom Trigger',
				parameters: { events: ['approval'], includeApprovalDetails: true },
				credentials: { weComCallbackApi: CALLBACK_CREDENTIAL, weComApi: API_CREDENTIAL },
			},
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
		sandbox.setCallbackConfig({ url: host.webhookUrl });
	});

	afterEach(async () => {
		for (const token of sandbox.issuedTokens()) registerSecret(token, 'accessToken');
		await host.close();
		await sandbox.close();
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
