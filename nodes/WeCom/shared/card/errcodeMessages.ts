import { ERRCODE } from '../errorCodes';
import { NOTICE_CARD_TYPES } from './cardTypes';
import {
	BUTTON_TYPE,
	BUTTON_TYPE_LABELS,
	HORIZONTAL_TYPE,
	HORIZONTAL_TYPE_LABELS,
	LINK_TYPE,
	LINK_TYPE_LABELS,
	NOTICE_CARD_ACTION_TYPES,
} from './enums';
import { CARD_LIST_MAX, KEY_MAX_BYTES, OPTION_ID_MAX_BYTES } from './limits';
import { MSG } from './messages';

/** One rule as the schema words it, and the fields (relative to template_card) it applies to. */
interface FieldRule {
	fields: readonly string[];
	rules: readonly string[];
}

const keyRules = (...first: string[]) => [...first, MSG.byteLimit(KEY_MAX_BYTES)];
const optionLists = (max: number) => [MSG.atLeast(1, 'options'), MSG.atMost(max, 'options')];

/**
 * The card errcodes WeCom answers, in the words the schema uses, so the node can report a
 * rejection by WeCom itself as precisely as one it caught before sending.
 */
const FIELD_RULES: Readonly<Record<number, readonly FieldRule[]>> = {
	[ERRCODE.invalidTaskId]: [{ fields: ['task_id'], rules: [MSG.taskIdFormat] }],
	[ERRCODE.keynameMissing]: [{ fields: ['horizontal_content_list[].keyname'], rules: [MSG.required] }],
	[ERRCODE.urlMissing]: [
		{
			fields: [
				'card_action.url',
				'jump_list[].url',
				'horizontal_content_list[].url',
				'quote_area.url',
				'image_text_area.url',
				'button_list[].url',
			],
			rules: [MSG.requiredWhenType(LINK_TYPE.url, LINK_TYPE_LABELS)],
		},
	],
	[ERRCODE.mediaIdMissing]: [
		{
			fields: ['horizontal_content_list[].media_id'],
			rules: [MSG.requiredWhenType(HORIZONTAL_TYPE.attachment, HORIZONTAL_TYPE_LABELS)],
		},
	],
	// On a card, only an attachment row carries a media_id.
	[ERRCODE.invalidMediaId]: [{ fields: ['horizontal_content_list[].media_id'], rules: [MSG.usableMediaId] }],
	[ERRCODE.appidMissing]: [
		{
			fields: ['card_action.appid', 'jump_list[].appid', 'quote_area.appid', 'image_text_area.appid'],
			rules: [MSG.requiredWhenType(LINK_TYPE.miniProgram, LINK_TYPE_LABELS)],
		},
	],
	[ERRCODE.invalidCardType]: [{ fields: ['card_type'], rules: [MSG.cardTypeEnum] }],
	[ERRCODE.titleMissing]: [
		{
			fields: ['main_title.title', 'jump_list[].title', 'vertical_content_list[].title'],
			rules: [MSG.required],
		},
	],
	[ERRCODE.tooManyHorizontalItems]: [
		{ fields: ['horizontal_content_list'], rules: [MSG.atMost(CARD_LIST_MAX.horizontalContent, 'items')] },
	],
	[ERRCODE.tooManyVerticalItems]: [
		{ fields: ['vertical_content_list'], rules: [MSG.atMost(CARD_LIST_MAX.verticalContent, 'items')] },
	],
	[ERRCODE.invalidOptionCount]: [
		{ fields: ['checkbox.option_list'], rules: optionLists(CARD_LIST_MAX.checkboxOptions) },
		{
			fields: ['button_selection.option_list', 'select_list[].option_list'],
			rules: optionLists(CARD_LIST_MAX.dropdownOptions),
		},
	],
	[ERRCODE.invalidButtonText]: [{ fields: ['button_list[].text'], rules: [MSG.required] }],
	[ERRCODE.invalidButtonKey]: [
		{
			fields: ['button_list[].key'],
			rules: [...keyRules(MSG.requiredWhenType(BUTTON_TYPE.callback, BUTTON_TYPE_LABELS)), MSG.mustBeUnique('key')],
		},
	],
	[ERRCODE.invalidOptionId]: [
		{
			fields: ['checkbox.option_list[].id', 'button_selection.option_list[].id', 'select_list[].option_list[].id'],
			rules: [MSG.required, MSG.byteLimit(OPTION_ID_MAX_BYTES), MSG.mustBeUnique('id')],
		},
	],
	[ERRCODE.invalidOptionText]: [
		{
			fields: [
				'checkbox.option_list[].text',
				'button_selection.option_list[].text',
				'select_list[].option_list[].text',
			],
			rules: [MSG.required],
		},
	],
	[ERRCODE.tooManyJumps]: [{ fields: ['jump_list'], rules: [MSG.atMost(CARD_LIST_MAX.jumps, 'jumps')] }],
	[ERRCODE.invalidQuestionKey]: [
		{
			fields: ['checkbox.question_key', 'button_selection.question_key', 'select_list[].question_key'],
			rules: [...keyRules(MSG.required), MSG.mustBeUnique('question_key')],
		},
	],
	[ERRCODE.invalidCardImage]: [
		{ fields: ['card_image.url'], rules: [MSG.required] },
		{ fields: ['card_image'], rules: [MSG.imageOrArea] },
	],
	[ERRCODE.invalidCardAction]: [
		{
			fields: ['card_action'],
			rules: [
				MSG.requiredOn(NOTICE_CARD_TYPES.join(' and ')),
				`type ${MSG.oneOf(NOTICE_CARD_ACTION_TYPES, LINK_TYPE_LABELS)}`,
			],
		},
	],
	[ERRCODE.invalidSubmitKey]: [{ fields: ['submit_button.key'], rules: keyRules(MSG.required) }],
	[ERRCODE.invalidSelectListCount]: [
		{ fields: ['select_list'], rules: [MSG.atLeast(1, 'dropdowns'), MSG.atMost(CARD_LIST_MAX.dropdowns, 'dropdowns')] },
	],
	[ERRCODE.invalidSubmitText]: [{ fields: ['submit_button.text'], rules: [MSG.required] }],
	[ERRCODE.invalidMemberUserid]: [
		{
			fields: ['horizontal_content_list[].userid'],
			rules: [MSG.requiredWhenType(HORIZONTAL_TYPE.member, HORIZONTAL_TYPE_LABELS)],
		},
	],
	[ERRCODE.duplicateMenuKey]: [{ fields: ['action_menu.action_list[].key'], rules: [MSG.mustBeUnique('key')] }],
};

/**
 * For a card errcode WeCom answered (40007, 42014, 42027–42051), the rule in the schema's words,
 * e.g. 42042 -> 'template_card.jump_list: at most 3 jumps'. Undefined for any other code.
 */
export function fieldMessageForErrcode(errcode: number): string | undefined {
	const rules = FIELD_RULES[errcode];
	if (!rules) return undefined;
	return rules
		.map((rule) => {
			const fields = rule.fields.map((field) => `template_card.${field}`).join(', ');
			return `${fields}: ${rule.rules.join('; ')}`;
		})
		.join(' | ');
}
