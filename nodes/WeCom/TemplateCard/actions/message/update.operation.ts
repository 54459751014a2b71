import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { cardInputFields } from '../../descriptions/cardInput';
import { optionsCollection, retryOptions } from '../../descriptions/options';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { uploadCardMedia } from '../../helpers/cardMedia';
import { checkedCard, readCardInput } from '../../helpers/readCard';
import { memberIds, recipientValues, wholeNumberIds } from '../../helpers/recipients';
import { appMediaOwner, refuseNonFileAttachments } from '../../helpers/uploadedMedia';
import { updateCard, type CardChange, type UpdateTarget } from '../../transport/messages';
import type { RetryPolicy } from '../../transport/retry';
import { fitsOneCall, ONE_CALL_CAPS, splitWeComList } from '../../transport/recipients';
import { showFor } from '../node.type';
import { nodeParameter } from '../../helpers/parameters';

const listHint = 'separated by |, commas or new lines, or an expression returning an array';

const properties: INodeProperties[] = [
	{
		displayName: 'Response Code',
		name: 'responseCode',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.responseCode }}',
		description:
			'The response_code from the send output or, fresher, from the WeCom Trigger of a click. Each code works once, within 72 hours.',
	},
	{
		displayName: 'Update',
		name: 'updateMode',
		type: 'options',
		noDataExpression: true,
		default: 'button',
		options: [
			{
				name: 'Grey Out the Button',
				value: 'button',
				description:
					'Replace the clicked button with a disabled one showing a text (button cards, votes, multiple choice)',
			},
			{
				name: 'Replace the Whole Card',
				value: 'card',
				description: 'Show a new card of any type in place of the old one',
			},
		],
	},
	{
		displayName: 'Button Text',
		name: 'replaceName',
		type: 'string',
		default: 'Done',
		description: 'Text of the greyed-out button (button.replace_name)',
		displayOptions: { show: { updateMode: ['button'] } },
	},
	...cardInputFields('update').map((field) => ({
		...field,
		displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, updateMode: ['card'] } },
	})),
	{
		displayName: 'Update For',
		name: 'updateTarget',
		type: 'options',
		default: 'all',
		options: [
			{ name: 'Everyone Who Received It', value: 'all', description: 'Everyone the card was sent to (atall)' },
			{ name: 'Specific Users, Departments or Tags', value: 'some' },
		],
	},
	{
		displayName: 'Users',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: '={{ $json.fromUser }}',
		description: `Userids whose card changes, ${listHint}`,
		displayOptions: { show: { updateTarget: ['some'] } },
	},
	{
		displayName: 'Departments',
		name: 'partyIds',
		type: 'string',
		default: '',
		description: `Department IDs, ${listHint}`,
		displayOptions: { show: { updateTarget: ['some'] } },
	},
	{
		displayName: 'Tags',
		name: 'tagIds',
		type: 'string',
		default: '',
		description: `Tag IDs, ${listHint}`,
		displayOptions: { show: { updateTarget: ['some'] } },
	},
	optionsCollection([
		{
			displayName: 'Enable ID Translation',
			name: 'enableIdTrans',
			type: 'boolean',
			default: false,
			description: 'Whether WeCom replaces $userName=ID$ style placeholders in the new card (enable_id_trans)',
		},
		...retryOptions(),
	]),
];

export const description = updateDisplayOptions(showFor('message', 'updateTemplateCard'), properties);

interface UpdateOptions extends RetryOptionValues {
	enableIdTrans?: boolean;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const responseCode = String(nodeParameter(this, 'responseCode', itemIndex, '')).trim();
	if (!responseCode) {
		throw new NodeOperationError(this.getNode(), 'Response Code is empty', {
			itemIndex,
			description: 'Use the response_code of the send output, or responseCode from the WeCom Trigger.',
		});
	}
	const options = readOptions<UpdateOptions>(this, itemIndex);
	const mode = nodeParameter(this, 'updateMode', itemIndex) as 'button' | 'card';
	// Who before what: a missing target is reported before anything wrong with the new card.
	const target = updateTarget(this, itemIndex);
	const retry = retryPolicyFrom(options, false);
	const change: CardChange =
		mode === 'button'
			? { replaceButtonWith: nodeParameter(this, 'replaceName', itemIndex) as string }
			: { card: await updatedCard(this, itemIndex, retry), enableIdTrans: Boolean(options.enableIdTrans) };
	const { response, attempts } = await updateCard(this, itemIndex, { responseCode, target, change, retry });
	return { updated: true, mode, invaliduser: splitWeComList(response.invaliduser), attempts };
}

function updateTarget(ctx: IExecuteFunctions, itemIndex: number): UpdateTarget {
	if (nodeParameter(ctx, 'updateTarget', itemIndex) === 'all') return { everyone: true };
	const list = (name: string, field: string) =>
		recipientValues(ctx, itemIndex, nodeParameter(ctx, name, itemIndex, ''), field);
	// The same checks as a send: no objects, no `@all` hidden in Users, whole-number department and tag ids.
	const users = memberIds(ctx, itemIndex, list('userIds', 'Users'));
	const parties = wholeNumberIds(ctx, itemIndex, list('partyIds', 'Departments'), 'Departments');
	const tags = wholeNumberIds(ctx, itemIndex, list('tagIds', 'Tags'), 'Tags');
	const fits = fitsOneCall({ users, parties, tags });
	if (!fits || !(users.length + parties.length + tags.length)) {
		throw new NodeOperationError(
			ctx.getNode(),
			fits
				? 'No users, departments or tags to update: fill one in, or update for everyone'
				: `One update reaches ${ONE_CALL_CAPS}`,
			{ itemIndex },
		);
	}
	return { userids: users, partyids: parties.map(Number), tagids: tags.map(Number) };
}

/** The replacement card, with files from binary fields of the form uploaded. */
async function updatedCard(ctx: IExecuteFunctions, itemIndex: number, retry: RetryPolicy): Promise<IDataObject> {
	const input = readCardInput(ctx, itemIndex, 'update');
	const card = checkedCard(ctx, itemIndex, input, 'update');
	refuseNonFileAttachments(ctx, itemIndex, card, await appMediaOwner(ctx, itemIndex));
	return input.fromForm ? await uploadCardMedia(ctx, itemIndex, card, 'update', retry) : card;
}
