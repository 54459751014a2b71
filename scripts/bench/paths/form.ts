/**
 * Form mode with N item expressions: a text_notice card built in the form from FORM_FIELDS
 * text fields, the first N of them `={{ $json.fieldNN }}` and the rest fixed text. Every run
 * carries the same items (all 20 fields), so runs differ only in what is evaluated; the
 * recipient is an expression in every run (one recipient per item, as in the timed paths).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { PathJob, PathOutcome } from '../job';
import { CARD_ACTION_URL } from '../payload';
import { jobItems } from './engineItems';
import { runOurNode } from './ours';

/** Text fields of the form a text_notice card can fill: the most N the bench asks for. */
export const FORM_FIELDS = 20;

const KEY_VALUE_ROWS = 6;
const JUMP_LINKS = 2;

function fieldName(field: number): string {
	return `field${String(field).padStart(2, '0')}`;
}

/** The card action URL and the jump links' URLs; every other field is text. */
function isUrlField(field: number): boolean {
	return field === 4 || field === FORM_FIELDS - 2 || field === FORM_FIELDS;
}

/** A value of the field's kind, so the card is valid whether it is fixed or comes from the item. */
function textOrUrl(field: number, text: string): string {
	return isUrlField(field) ? `${CARD_ACTION_URL}?${text.replace(/ /g, '-')}` : text;
}

/** Field 1..FORM_FIELDS: an item expression for the first `expressions`, fixed after. */
function fieldValue(field: number, expressions: number): string {
	return field <= expressions ? `={{ $json.${fieldName(field)} }}` : textOrUrl(field, `fixed field ${field}`);
}

/** Title, title description, body text, card action URL, 6 key/value rows, 2 jump links: 20 fields. */
export function formParameters(expressions: number): INodeParameters {
	let field = 0;
	const next = () => fieldValue(++field, expressions);
	const parameters: INodeParameters = {
		resource: 'message',
		operation: 'sendTemplateCard',
		toUser: '={{ $json.touser }}',
		cardInput: 'form',
		cardType: 'text_notice',
		cardActionType: 1,
		title: next(),
		titleDescription: next(),
		subTitleText: next(),
		cardActionUrl: next(),
	};
	parameters.horizontalContentList = {
		items: Array.from({ length: KEY_VALUE_ROWS }, () => ({ type: 0, keyname: next(), value: next() })),
	};
	parameters.jumpList = {
		items: Array.from({ length: JUMP_LINKS }, () => ({ type: 1, title: next(), url: next() })),
	};
	if (field !== FORM_FIELDS) throw new Error(`the form fills ${field} fields, not ${FORM_FIELDS}`);
	return parameters;
}

export async function runForm(job: PathJob): Promise<PathOutcome> {
	const expressions = job.formExpressions ?? 0;
	if (expressions < 0 || expressions > FORM_FIELDS) throw new Error(`formExpressions must be 0..${FORM_FIELDS}`);
	const items = jobItems(job).map((item, index) => {
		const fields: IDataObject = {};
		for (let field = 1; field <= FORM_FIELDS; field++)
			fields[fieldName(field)] = textOrUrl(field, `item ${index} field ${field}`);
		return { json: { ...item.json, ...fields } };
	});
	const outcome = await runOurNode(job, formParameters(expressions), items);
	return { ...outcome, notes: [`${expressions} of ${FORM_FIELDS} form fields are item expressions`] };
}
