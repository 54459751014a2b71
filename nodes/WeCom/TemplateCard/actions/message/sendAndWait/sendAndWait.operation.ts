import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, SEND_AND_WAIT_OPERATION, updateDisplayOptions } from 'n8n-workflow';

import { memberPacingOptions, optionsCollection, retryOptions, retrySafelyOption } from '../../../descriptions/options';
import { recipientFields } from '../../../descriptions/recipients';
import { readOptions, retrySafelyOf, sendSettingsFrom, type SendOptionValues } from '../../../helpers/options';
import { checkedCard } from '../../../helpers/readCard';
import { recipientEmailTypeOption, resolveRecipients } from '../../../helpers/recipientLookup';
import { readRecipients } from '../../../helpers/recipients';
import { sendOutput } from '../../../helpers/sendOutput';
import { generateTaskId } from '../../../helpers/taskId';
import { readWeComApp } from '../../../transport/context';
import { sendCard } from '../../../transport/messages';
import { fitsOneCall, ONE_CALL_CAPS, type Recipients } from '../../../transport/recipients';
import { showFor } from '../../node.type';
import { MAX_RESPONSE_BUTTONS, readResponseButtons, type ResponseButton } from './buttons';
import { rememberSentCard } from './sentCard';
import { limitWaitTimeOption, waitTillFrom } from './waitLimit';
import { BUTTON_TYPE } from '../../../../shared/card';

const approval = { responseType: ['approval'] };

// `message` and `responseType: approval` are the names n8n's generated human-in-the-loop tool
// fills in, so the node also works as an AI agent's approval step.
const properties: INodeProperties[] = [
	...recipientFields,
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Deploy release 2.4 to production?',
		description: "The card's main title (main_title.title)",
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Text under the title (sub_title_text)',
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		options: [
			{ name: 'Approval', value: 'approval', description: 'Approve and Decline buttons, or Approve only' },
			{
				name: 'Custom Buttons',
				value: 'customButtons',
				description: `Up to ${MAX_RESPONSE_BUTTONS} buttons with your own labels and values`,
			},
		],
	},
	{
		displayName: 'Type of Approval',
		name: 'approvalType',
		type: 'options',
		default: 'double',
		options: [
			{ name: 'Approve Only', value: 'single' },
			{ name: 'Approve and Decline', value: 'double' },
		],
		displayOptions: { show: approval },
	},
	{
		displayName: 'Approve Button Label',
		name: 'approveLabel',
		type: 'string',
		default: 'Approve',
		displayOptions: { show: approval },
	},
	{
		displayName: 'Decline Button Label',
		name: 'declineLabel',
		type: 'string',
		default: 'Decline',
		displayOptions: { show: { ...approval, approvalType: ['double'] } },
	},
	{
		displayName: 'Buttons',
		name: 'customButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		displayOptions: { show: { responseType: ['customButtons'] } },
		options: [
			{
				displayName: 'Button',
				name: 'buttons',
				values: [
					{
						displayName: 'Counts as Approval',
						name: 'approves',
						type: 'boolean',
						default: false,
						description: 'Whether data.approved is true when this button is clicked',
					},
					{
						displayName: 'Label',
						name: 'label',
						type: 'string',
						default: '',
						description: 'Text on the button; WeCom shows up to 10 characters',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'What the workflow gets as data.value when the button is clicked. Empty: the label.',
					},
				],
			},
		],
	},
	optionsCollection([
		{
			displayName: 'Approved Button Text',
			name: 'approvedText',
			type: 'string',
			default: 'Approved',
			description: 'Text of the grey button that replaces the buttons after an approval (Approval only)',
		},
		{
			displayName: 'Declined Button Text',
			name: 'declinedText',
			type: 'string',
			default: 'Declined',
			description: 'Text of the grey button that replaces the buttons after a decline (Approval only)',
		},
		recipientEmailTypeOption,
		limitWaitTimeOption,
		...memberPacingOptions,
		...retryOptions(),
		retrySafelyOption,
		{
			displayName: 'Show the Answer on the Card',
			name: 'updateCard',
			type: 'boolean',
			default: true,
			description:
				'Whether everyone\'s card shows a grey button with the answer (e.g. "Approved") once someone clicked',
		},
	]),
];

export const description = updateDisplayOptions(showFor('message', SEND_AND_WAIT_OPERATION), properties);

/** Sends one card for the whole execution, then waits: the router runs it once, for the first item. */
export const runsOnce = true;

/**
 * Sends one card (from the first item, like n8n's own send-and-wait) whose buttons open n8n's
 * signed resume URL for this node, then puts the execution to wait. The click arrives in the
 * node's webhook(), which answers the browser, shows the answer on the card and resumes.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const waitTill = waitTillFrom(this);
	const read = (name: string, fallback: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const buttons = readResponseButtons(read, this.getNode());
	const recipients = readRecipients(this, itemIndex);
	assertOneCall(this, recipients);
	const options = readOptions<SendOptionValues>(this, itemIndex);
	const taskId = generateTaskId(this.getExecutionId(), itemIndex);
	const raw = {
		card_type: 'button_interaction',
		main_title: { title: textParameter(this, 'title') },
		...subtitle(textParameter(this, 'message')),
		task_id: taskId,
		button_list: buttons.map((button) => urlButton(this, button, taskId)),
	};
	const card = checkedCard(this, itemIndex, { card: raw, fromForm: false }, 'send');
	const settings = sendSettingsFrom(this, itemIndex, options, retrySafelyOf(options));
	// Read last: everything wrong with the node's own fields is reported before a credential problem.
	const app = await readWeComApp(this, itemIndex);

	const { recipients: addressed, unresolved } = await resolveRecipients(this, itemIndex, recipients);
	const { sent: calls, failure } = await sendCard(this, itemIndex, { app, recipients: addressed, card, ...settings });
	if (failure) throw failure;
	const sent = sendOutput(this, calls, undefined, unresolved);
	const remembered = rememberSentCard(this, {
		msgid: sent.msgid as string | undefined,
		response_code: sent.response_code as string | undefined,
		sentAt: Date.now(),
	});
	if (!remembered) {
		this.addExecutionHints({
			message:
				"The card will not show the answer: its response_code could not be kept in the execution's custom data (n8n keeps at most 10 keys)",
			location: 'outputPane',
		});
	}
	await this.putExecutionToWait(waitTill);
	return {};
}

/**
 * A URL button (type 1): WeCom opens the link, no callback URL is involved. The link is n8n's
 * resume URL for this node, signed by n8n over the whole query, so neither the value nor the
 * task_id can be changed without n8n refusing the link.
 */
function urlButton(ctx: IExecuteFunctions, button: ResponseButton, taskId: string): IDataObject {
	return {
		type: BUTTON_TYPE.url,
		text: button.label,
		url: ctx.getSignedResumeUrl({ value: button.value, task_id: taskId }),
	};
}

/** An expression that resolves to nothing is an empty text, not "undefined". */
function textParameter(ctx: IExecuteFunctions, name: string): string {
	return String(ctx.getNodeParameter(name, 0, '') ?? '').trim();
}

function subtitle(text: string): IDataObject {
	return text ? { sub_title_text: text } : {};
}

/** Only one message can be updated with one response_code, so the card goes out in one call. */
function assertOneCall(ctx: IExecuteFunctions, recipients: Recipients): void {
	if (fitsOneCall(recipients)) return;
	throw new NodeOperationError(ctx.getNode(), `Send and Wait sends one message: ${ONE_CALL_CAPS}`, {
		itemIndex: 0,
		description: 'Address a department or tag instead of listing every member, or use Send to All Members.',
	});
}
