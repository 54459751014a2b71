import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { checkTemplateCard, formatCardIssue, type CardVariant } from '../../../shared/card';
import { cardFormFields } from '../../descriptions/cardForm';
import { cardFromForm } from '../../helpers/cardFromForm';
import { parseRecipientList, splitWeComList } from '../../helpers/recipients';
import { weComApiRequest } from '../../transport';
import { CREDENTIAL_TYPE } from '../../transport/credentials';

const properties: INodeProperties[] = [
	{
		displayName: 'Send to All Members',
		name: 'toAll',
		type: 'boolean',
		default: false,
		description: "Whether to send to everyone in the app's visible range (@all)",
	},
	{
		displayName: 'Users',
		name: 'toUser',
		type: 'string',
		default: '',
		placeholder: 'zhangsan|lisi',
		description: 'Member userids, separated by |, commas or new lines, or an expression returning an array',
		displayOptions: { show: { toAll: [false] } },
	},
	{
		displayName: 'Departments',
		name: 'toParty',
		type: 'string',
		default: '',
		placeholder: '1|2',
		description: 'Department IDs, separated by |, commas or new lines, or an expression returning an array',
		displayOptions: { show: { toAll: [false] } },
	},
	{
		displayName: 'Tags',
		name: 'toTag',
		type: 'string',
		default: '',
		description: 'Tag IDs, separated by |, commas or new lines, or an expression returning an array',
		displayOptions: { show: { toAll: [false] } },
	},
	{
		displayName: 'Card Input',
		name: 'cardInput',
		type: 'options',
		noDataExpression: true,
		default: 'form',
		options: [
			{ name: 'Form', value: 'form', description: 'Build the card field by field' },
			{ name: 'JSON', value: 'json', description: 'Paste the whole template_card object, or use an expression' },
		],
	},
	...cardFormFields.map((field) => ({
		...field,
		displayOptions: { show: { ...field.displayOptions?.show, cardInput: ['form'] } },
	})),
	{
		displayName: 'Template Card (JSON)',
		name: 'cardJson',
		type: 'json',
		default: '{\n  "card_type": "text_notice",\n  "main_title": { "title": "" },\n  "card_action": { "type": 1, "url": "https://" }\n}',
		description: 'The template_card object as WeCom documents it',
		displayOptions: { show: { cardInput: ['json'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: 5,
				description: 'How many items are sent at the same time',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendTemplateCard'] } },
	properties,
);

/** Reads the card from the form or the JSON field and rejects it before any request if invalid. */
export function readCard(ctx: IExecuteFunctions, itemIndex: number, variant: CardVariant): IDataObject {
	const input = ctx.getNodeParameter('cardInput', itemIndex, 'form') as string;
	const raw = input === 'json' ? parseCardJson(ctx, itemIndex) : cardFromForm(ctx, itemIndex);
	const checked = checkTemplateCard(raw, variant);
	if (!checked.ok) {
		const [first, ...more] = checked.issues;
		throw new NodeOperationError(ctx.getNode(), `Invalid card: ${formatCardIssue(first)}`, {
			itemIndex,
			description: [first, ...more].map(formatCardIssue).join('\n'),
		});
	}
	return checked.card as IDataObject;
}

function parseCardJson(ctx: IExecuteFunctions, itemIndex: number): unknown {
	const value = ctx.getNodeParameter('cardJson', itemIndex) as unknown;
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Template Card (JSON) is not valid JSON: ${(error as Error).message}`, {
			itemIndex,
		});
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const card = readCard(this, itemIndex, 'send');
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const toAll = this.getNodeParameter('toAll', itemIndex, false) as boolean;
	const recipients = (name: string) => parseRecipientList(this.getNodeParameter(name, itemIndex, '')).join('|');
	const body: IDataObject = {
		...(toAll ? { touser: '@all' } : { touser: recipients('toUser'), toparty: recipients('toParty'), totag: recipients('toTag') }),
		msgtype: 'template_card',
		agentid: Number(credentials.agentId),
		template_card: card,
	};
	const response = await weComApiRequest.call(this, { method: 'POST', path: '/cgi-bin/message/send', body }, itemIndex);
	return {
		msgid: response.msgid,
		response_code: response.response_code,
		task_id: card.task_id,
		invaliduser: splitWeComList(response.invaliduser),
		invalidparty: splitWeComList(response.invalidparty),
		invalidtag: splitWeComList(response.invalidtag),
	};
}
