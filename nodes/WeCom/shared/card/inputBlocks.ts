import type { z } from 'zod';
import { ERRCODE } from '../errorCodes';
import type { CardVariant } from './cardTypes';
import { key, linkUrl } from './commonBlocks';
import { BUTTON_TYPE, BUTTON_TYPE_LABELS, CHECKBOX_MODE, CHECKBOX_MODE_LABELS } from './enums';
import { CARD_LIST_MAX, OPTION_ID_MAX_BYTES } from './limits';
import { MSG } from './messages';
import { block, choice, finiteNumber, flag, forbidden, freeText, list, report, text, unique } from './schemaBuilders';

/**
 * The inputs of interaction cards: buttons, dropdowns, choices (button_interaction, vote_interaction
 * and multiple_interaction in https://developer.work.weixin.qq.com/document/path/90236).
 */

const optionId = () => text({ errcode: ERRCODE.invalidOptionId, maxBytes: OPTION_ID_MAX_BYTES });
const optionText = () => text({ errcode: ERRCODE.invalidOptionText });
const questionKey = () => key(ERRCODE.invalidQuestionKey);
/** `disable` locks an input; WeCom documents it only for card updates. */
const disable = (variant: CardVariant) => (variant === 'update' ? flag().optional() : forbidden(MSG.onlyInUpdates));

function optionList<T extends z.ZodTypeAny>(option: T, max: number) {
	return list(option, { min: 1, max, noun: 'options', errcode: ERRCODE.invalidOptionCount });
}

interface Choices {
	option_list: ReadonlyArray<{ id: string }>;
}

/**
 * Option ids are unique within their list. A selected_id that names no option is not an error:
 * WeCom selects the first option instead (不填或错填默认第一个,
 * https://developer.work.weixin.qq.com/document/path/90236).
 */
function choiceRules(choices: Choices, ctx: z.RefinementCtx): void {
	const ids = choices.option_list.map((o, i) => ({ value: o.id, path: ['option_list', i, 'id'] }));
	unique(ids, ctx, ERRCODE.invalidOptionId, 'id');
}

/** One dropdown: button_selection, and each entry of select_list. */
export function dropdown(variant: CardVariant) {
	return block({
		question_key: questionKey(),
		title: freeText().optional(),
		option_list: optionList(block({ id: optionId(), text: optionText() }), CARD_LIST_MAX.dropdownOptions),
		selected_id: text().optional(),
		disable: disable(variant),
	}).superRefine(choiceRules);
}

export function buttonList() {
	const button = block({
		type: choice(Object.values(BUTTON_TYPE), { labels: BUTTON_TYPE_LABELS }).optional(),
		text: text({ errcode: ERRCODE.invalidButtonText }),
		// 1 to 4; WeCom shows any other number as 1 (不填或错填默认1), so it is not refused.
		style: finiteNumber().optional(),
		key: key(ERRCODE.invalidButtonKey).optional(),
		url: linkUrl(),
	}).superRefine((button, ctx) => {
		// An absent type means a callback button, identified by its key.
		if ((button.type ?? BUTTON_TYPE.callback) === BUTTON_TYPE.callback && button.key === undefined) {
			report(ctx, ERRCODE.invalidButtonKey, MSG.requiredWhenType(BUTTON_TYPE.callback, BUTTON_TYPE_LABELS), {
				path: ['key'],
			});
		}
		if (button.type === BUTTON_TYPE.url && button.url === undefined) {
			report(ctx, ERRCODE.urlMissing, MSG.requiredWhenType(BUTTON_TYPE.url, BUTTON_TYPE_LABELS), { path: ['url'] });
		}
	});
	return list(button, { min: 1, max: CARD_LIST_MAX.buttons, noun: 'buttons' }).superRefine((buttons, ctx) => {
		const keys = buttons.map((b, i) => ({ value: b.key, path: [i, 'key'] }));
		unique(keys, ctx, ERRCODE.invalidButtonKey, 'key');
	});
}

export function checkbox(variant: CardVariant) {
	const option = block({ id: optionId(), text: optionText(), is_checked: flag() });
	return block({
		question_key: questionKey(),
		mode: choice(Object.values(CHECKBOX_MODE), { labels: CHECKBOX_MODE_LABELS }).optional(),
		option_list: optionList(option, CARD_LIST_MAX.checkboxOptions),
		disable: disable(variant),
	}).superRefine(choiceRules);
}

export function selectList(variant: CardVariant) {
	return list(dropdown(variant), {
		min: 1,
		max: CARD_LIST_MAX.dropdowns,
		noun: 'dropdowns',
		errcode: ERRCODE.invalidSelectListCount,
	}).superRefine((selects, ctx) => {
		// Answers come back keyed by question_key, so it must be unique across the card.
		const keys = selects.map((s, i) => ({ value: s.question_key, path: [i, 'question_key'] }));
		unique(keys, ctx, ERRCODE.invalidQuestionKey, 'question_key');
	});
}

export function submitButton() {
	return block({ text: text({ errcode: ERRCODE.invalidSubmitText }), key: key(ERRCODE.invalidSubmitKey) });
}
