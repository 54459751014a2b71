import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { checkTemplateCard, formatCardIssue } from '../../../shared/card';
import { MAX_PARTIES_PER_SEND, MAX_TAGS_PER_SEND, MAX_USERS_PER_SEND } from '../../../shared/limits';
import { recipientFields } from '../../descriptions/recipients';
import { memberPacingOptions } from '../../descriptions/sendOptions';
import { retryOptions } from '../../descriptions/retryOptions';
import { memberPacingFrom, readOptions, retryPolicyFrom } from '../../helpers/options';
import { readRecipients, type SendRecipients } from '../../helpers/recipients';
import { MAX_RESPONSE_BUTTONS, readResponseButtons, type ResponseButton } from '../../helpers/sendAndWaitButtons';
import { limitWaitTimeOption, waitTillFrom } from '../../helpers/sendAndWaitLimit';
import { rememberSentCard } from '../../helpers/sendAndWaitState';
import { generateTaskId } from '../../helpers/taskId';
import { deliverCard, sendEnvelope, sendOutput, type DeliveredBatch, type SendOptions } from './send.operation';

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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
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
			limitWaitTimeOption,
			...memberPacingOptions,
			...retryOptions,
			{
				displayName: 'Retry Safely',
				name: 'retrySafely',
				type: 'boolean',
				default: true,
				description:
					"Whether a send that may have been delivered (timeout, dropped connection, HTTP 5xx) is retried. The request carries WeCom's duplicate check and a unique task_ID, so a retry is delivered at most once.",
			},
			{
				displayName: 'Show the Answer on the Card',
				name: 'updateCard',
				type: 'boolean',
				default: true,
				description:
					'Whether everyone\'s card shows a grey button with the answer (e.g. "Approved") once someone clicked',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendAndWait'] } },
	properties,
);

/**
 * Sends one card (from the first item, like n8n's own send-and-wait) whose buttons open n8n's
 * signed resume URL for this node, then puts the execution to wait. The click arrives in the
 * node's webhook(), which answers the browser, shows the answer on the card and resumes.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	let waitTill: Date;
	try {
		waitTill = waitTillFrom(this);
		await sendResponseCard(this);
	} catch (error) {
		if (!this.continueOnFail()) throw asNodeError(this, error);
		return [[{ json: errorOutput(error), pairedItem: { item: 0 } }]];
	}
	await this.putExecutionToWait(waitTill);
	return [this.getInputData()];
}

async function sendResponseCard(ctx: IExecuteFunctions): Promise<void> {
	const itemIndex = 0;
	const read = (name: string, fallback: unknown) => ctx.getNodeParameter(name, itemIndex, fallback);
	const buttons = readResponseButtons(read, ctx.getNode());
	const recipients = readRecipients(ctx, itemIndex);
	assertOneCall(ctx, recipients);
	const options = readOptions<SendOptions>(ctx, itemIndex);
	const retrySafely = options.retrySafely ?? true;
	const taskId = generateTaskId(ctx.getExecutionId(), itemIndex);
	const card = checkedCard(ctx, {
		card_type: 'button_interaction',
		main_title: { title: textParameter(ctx, 'title') },
		...subtitle(textParameter(ctx, 'message')),
		task_id: taskId,
		button_list: buttons.map((button) => urlButton(ctx, button, taskId)),
	});

	const delivered: DeliveredBatch[] = [];
	const envelope = sendEnvelope(ctx, itemIndex, options, retrySafely);
	const retry = retryPolicyFrom(options, retrySafely);
	const pacing = memberPacingFrom(options);
	await deliverCard(ctx, itemIndex, { recipients, card, envelope, retry, pacing }, delivered);
	const sent = sendOutput(ctx, delivered);
	const remembered = rememberSentCard(ctx, {
		msgid: sent.msgid as string | undefined,
		response_code: sent.response_code as string | undefined,
		sentAt: Date.now(),
	});
	if (!remembered) {
		ctx.addExecutionHints({
			message:
				"The card will not show the answer: its response_code could not be kept in the execution's custom data (n8n keeps at most 10 keys)",
			location: 'outputPane',
		});
	}
}

/**
 * A URL button (type 1): WeCom opens the link, no callback URL is involved. The link is n8n's
 * resume URL for this node, signed by n8n over the whole query, so neither the value nor the
 * task_id can be changed without n8n refusing the link.
 */
function urlButton(ctx: IExecuteFunctions, button: ResponseButton, taskId: string): IDataObject {
	return { type: 1, text: button.label, url: ctx.getSignedResumeUrl({ value: button.value, task_id: taskId }) };
}

/** An expression that resolves to nothing is an empty text, not "undefined". */
function textParameter(ctx: IExecuteFunctions, name: string): string {
	return String(ctx.getNodeParameter(name, 0, '') ?? '').trim();
}

function subtitle(text: string): IDataObject {
	return text ? { sub_title_text: text } : {};
}

/** The same card checks as every send: an invalid card stops here, before any request. */
function checkedCard(ctx: IExecuteFunctions, raw: IDataObject): IDataObject {
	const checked = checkTemplateCard(raw, 'send');
	if (checked.ok) return checked.card as IDataObject;
	throw new NodeOperationError(ctx.getNode(), `Invalid card: ${formatCardIssue(checked.issues[0])}`, {
		itemIndex: 0,
		description: checked.issues.map(formatCardIssue).join('\n'),
	});
}

/** Only one message can be updated with one response_code, so the card goes out in one call. */
function assertOneCall(ctx: IExecuteFunctions, { users, parties, tags }: SendRecipients): void {
	const fits =
		users.length <= MAX_USERS_PER_SEND && parties.length <= MAX_PARTIES_PER_SEND && tags.length <= MAX_TAGS_PER_SEND;
	if (fits) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`Send and Wait sends one message: at most ${MAX_USERS_PER_SEND} users, ${MAX_PARTIES_PER_SEND} departments and ${MAX_TAGS_PER_SEND} tags`,
		{
			itemIndex: 0,
			description: 'Address a department or tag instead of listing every member, or use Send to All Members.',
		},
	);
}

/** The same shape the router gives a failed item under continue-on-fail. */
function errorOutput(error: unknown): IDataObject {
	const failure = error as { message?: string; description?: string; errcode?: number };
	return {
		error: failure.message ?? String(error),
		...(failure.errcode !== undefined && { errcode: failure.errcode }),
		...(failure.description && { errorDescription: failure.description }),
	};
}

function asNodeError(ctx: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: 0 });
}
