import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldMessageForErrcode } from '../../../shared/card';
import { MAX_PARTIES_PER_SEND, MAX_TAGS_PER_SEND, MAX_USERS_PER_SEND } from '../../../shared/limits';
import { cardInputFields } from '../../descriptions/cardInput';
import { retryOptions } from '../../descriptions/retryOptions';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { readCard } from '../../helpers/readCard';
import { memberIds, parseRecipientList, splitWeComList, wholeNumberIds } from '../../helpers/recipients';
import { weComApiCall } from '../../transport';
import { CREDENTIAL_TYPE } from '../../transport/credentials';

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
				description: 'Replace the clicked button with a disabled one showing a text (button cards, votes, multiple choice)',
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Enable ID Translation',
				name: 'enableIdTrans',
				type: 'boolean',
				default: false,
				description: 'Whether WeCom replaces $userName=ID$ style placeholders in the new card (enable_id_trans)',
			},
			...retryOptions,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['updateTemplateCard'] } },
	properties,
);

interface UpdateOptions extends RetryOptionValues {
	enableIdTrans?: boolean;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const responseCode = String(this.getNodeParameter('responseCode', itemIndex, '')).trim();
	if (!responseCode) {
		throw new NodeOperationError(this.getNode(), 'Response Code is empty', {
			itemIndex,
			description: 'Use the response_code of the send output, or responseCode from the WeCom Trigger.',
		});
	}
	const options = readOptions<UpdateOptions>(this, itemIndex);
	const mode = this.getNodeParameter('updateMode', itemIndex) as 'button' | 'card';
	const agentid = Number((await this.getCredentials(CREDENTIAL_TYPE, itemIndex)).agentId);

	const body: IDataObject = { ...updateTargets(this, itemIndex), agentid, response_code: responseCode };
	if (mode === 'button') {
		body.button = { replace_name: this.getNodeParameter('replaceName', itemIndex) as string };
	} else {
		body.template_card = readCard(this, itemIndex, 'update');
		if (options.enableIdTrans) body.enable_id_trans = 1;
	}

	// A response_code is single-use: a resend after a possibly-delivered attempt would fail
	// with 60140, so only failures that certainly changed nothing are retried.
	const { response, attempts } = await weComApiCall.call(
		this,
		{ method: 'POST', path: '/cgi-bin/message/update_template_card', body },
		itemIndex,
		{ retry: retryPolicyFrom(options, false), explainErrcode: fieldMessageForErrcode },
	);
	return { updated: true, mode, invaliduser: splitWeComList(response.invaliduser), attempts };
}

function updateTargets(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	if (ctx.getNodeParameter('updateTarget', itemIndex) === 'all') return { atall: 1 };
	const list = (name: string) => parseRecipientList(ctx.getNodeParameter(name, itemIndex, ''));
	// The same checks as a send: no `@all` hidden in Users, whole-number department and tag ids.
	const userids = memberIds(ctx, itemIndex, list('userIds'));
	const partyids = wholeNumberIds(ctx, itemIndex, list('partyIds'), 'Departments').map(Number);
	const tagids = wholeNumberIds(ctx, itemIndex, list('tagIds'), 'Tags').map(Number);
	const tooMany =
		userids.length > MAX_USERS_PER_SEND || partyids.length > MAX_PARTIES_PER_SEND || tagids.length > MAX_TAGS_PER_SEND;
	if (tooMany || !(userids.length + partyids.length + tagids.length)) {
		throw new NodeOperationError(
			ctx.getNode(),
			tooMany
				? `One update reaches at most ${MAX_USERS_PER_SEND} users, ${MAX_PARTIES_PER_SEND} departments and ${MAX_TAGS_PER_SEND} tags`
				: 'No users, departments or tags to update: fill one in, or update for everyone',
			{ itemIndex },
		);
	}
	return {
		...(userids.length && { userids }),
		...(partyids.length && { partyids }),
		...(tagids.length && { tagids }),
	};
}
