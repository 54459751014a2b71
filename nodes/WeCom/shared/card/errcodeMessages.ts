import {
	BUTTON_TYPE_LABELS,
	ERR,
	HORIZONTAL_TYPE_LABELS,
	KEY_MAX_BYTES,
	LINK_TYPE_LABELS,
	MSG,
	OPTION_ID_MAX_BYTES,
} from './rules';

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
	[ERR.taskId]: [{ fields: ['task_id'], rules: [MSG.taskIdFormat] }],
	[ERR.horizontalKeyname]: [
		{ fields: ['horizontal_content_list[].keyname'], rules: [MSG.required] },
	],
	[ERR.url]: [
		{
			fields: [
				'card_action.url',
				'jump_list[].url',
				'horizontal_content_list[].url',
				'quote_area.url',
				'image_text_area.url',
				'button_list[].url',
			],
			rules: [MSG.requiredWhenType(1, LINK_TYPE_LABELS)],
		},
	],
	[ERR.mediaId]: [
		{
			fields: ['horizontal_content_list[].media_id'],
			rules: [MSG.requiredWhenType(2, HORIZONTAL_TYPE_LABELS)],
		},
	],
	[ERR.appid]: [
		{
			fields: [
				'card_action.appid',
				'jump_list[].appid',
				'quote_area.appid',
				'image_text_area.appid',
			],
			rules: [MSG.requiredWhenType(2, LINK_TYPE_LABELS)],
		},
	],
	[ERR.cardType]: [{ fields: ['card_type'], rules: [MSG.cardTypeEnum] }],
	[ERR.title]: [
		{
			fields: ['main_title.title', 'jump_list[].title', 'vertical_content_list[].title'],
			rules: [MSG.required],
		},
	],
	[ERR.horizontalCount]: [{ fields: ['horizontal_content_list'], rules: [MSG.atMost(6, 'items')] }],
	[ERR.verticalCount]: [{ fields: ['vertical_content_list'], rules: [MSG.atMost(4, 'items')] }],
	[ERR.optionCount]: [
		{ fields: ['checkbox.option_list'], rules: optionLists(20) },
		{
			fields: ['button_selection.option_list', 'select_list[].option_list'],
			rules: optionLists(10),
		},
	],
	[ERR.buttonText]: [{ fields: ['button_list[].text'], rules: [MSG.required] }],
	[ERR.buttonKey]: [
		{
			fields: ['button_list[].key'],
			rules: [...keyRules(MSG.requiredWhenType(0, BUTTON_TYPE_LABELS)), MSG.mustBeUnique('key')],
		},
	],
	[ERR.optionId]: [
		{
			fields: [
				'checkbox.option_list[].id',
				'button_selection.option_list[].id',
				'select_list[].option_list[].id',
			],
			rules: [MSG.required, MSG.byteLimit(OPTION_ID_MAX_BYTES), MSG.mustBeUnique('id')],
		},
	],
	[ERR.optionText]: [
		{
			fields: [
				'checkbox.option_list[].text',
				'button_selection.option_list[].text',
				'select_list[].option_list[].text',
			],
			rules: [MSG.required],
		},
	],
	[ERR.jumpCount]: [{ fields: ['jump_list'], rules: [MSG.atMost(3, 'jumps')] }],
	[ERR.questionKey]: [
		{
			fields: [
				'checkbox.question_key',
				'button_selection.question_key',
				'select_list[].question_key',
			],
			rules: [...keyRules(MSG.required), MSG.mustBeUnique('question_key')],
		},
	],
	[ERR.cardImageUrl]: [
		{ fields: ['card_image.url'], rules: [MSG.required] },
		{ fields: ['card_image'], rules: [MSG.imageOrArea] },
	],
	[ERR.cardAction]: [
		{
			fields: ['card_action'],
			rules: [
				MSG.requiredOn('text_notice and news_notice'),
				`type ${MSG.oneOf([1, 2], LINK_TYPE_LABELS)}`,
			],
		},
	],
	[ERR.submitKey]: [{ fields: ['submit_button.key'], rules: keyRules(MSG.required) }],
	[ERR.selectListCount]: [
		{ fields: ['select_list'], rules: [MSG.atLeast(1, 'dropdowns'), MSG.atMost(3, 'dropdowns')] },
	],
	[ERR.submitText]: [{ fields: ['submit_button.text'], rules: [MSG.required] }],
	[ERR.userid]: [
		{
			fields: ['horizontal_content_list[].userid'],
			rules: [MSG.requiredWhenType(3, HORIZONTAL_TYPE_LABELS)],
		},
	],
	[ERR.menuKeyConflict]: [
		{ fields: ['action_menu.action_list[].key'], rules: [MSG.mustBeUnique('key')] },
	],
};

/**
 * For a card errcode WeCom answered (42014, 42027–42051), the rule in the schema's words,
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

/** The errcodes fieldMessageForErrcode knows. */
export const CARD_FIELD_ERRCODES: readonly number[] = Object.keys(FIELD_RULES).map(Number);
