import type { z } from 'zod';
import type { CardVariant } from './cardTypes';
import { key, linkUrl } from './commonBlocks';
import { block, choice, finiteNumber, flag, forbidden, freeText, list, report, text, unique } from './fields';
import { BUTTON_TYPE_LABELS, ERR, MSG, OPTION_ID_MAX_BYTES } from './rules';

/**
 * The inputs of interaction cards: buttons, dropdowns, choices (button_interaction, vote_interaction
 * and multiple_interaction in https://developer.work.weixin.qq.com/document/path/90236).
 */

const optionId = () => text({ errcode: ERR.optionId, maxBytes: OPTION_ID_MAX_BYTES });
const optionText = () => text({ errcode: ERR.optionText });
const questionKey = () => key(ERR.questionKey);
/** `disable` locks an input; WeCom documents it only for card updates. */
const disable = (variant: CardVariant) =>
	variant === 'update' ? flag().optional() : forbidden(MSG.onlyInUpdates);

function optionList<T extends z.ZodTypeAny>(option: T, max: number) {
	return list(option, { min: 1, max, noun: 'options', errcode: ERR.optionCount });
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
	unique(ids, ctx, ERR.optionId, 'id');
}

export function buttonSelection(variant: CardVariant) {
	return block({
		question_key: questionKey(),
		title: freeText().optional(),
		option_list: optionList(block({ id: optionId(), text: optionText() }), 10),
		selected_id: text().optional(),
		disable: disable(variant),
	}).superRefine(choiceRules);
}

export function buttonList() {
	const button = block({
		type: choice([0, 1], { labels: BUTTON_TYPE_LABELS }).optional(),
		text: text({ errcode: ERR.buttonText }),
		// 1 to 4; WeCom shows any other number as 1 (不填或错填默认1), so it is not refused.
		style: finiteNumber().optional(),
		key: key(ERR.buttonKey).optional(),
		url: linkUrl(),
	}).superRefine((button, ctx) => {
		// An absent type means 0: a callback button, identified by its key.
		if ((button.type ?? 0) === 0 && button.key === undefined) {
			report(ctx, ERR.buttonKey, MSG.requiredWhenType(0, BUTTON_TYPE_LABELS), { path: ['key'] });
		}
		if (button.type === 1 && button.url === undefined) {
			report(ctx, ERR.url, MSG.requiredWhenType(1, BUTTON_TYPE_LABELS), { path: ['url'] });
		}
	});
	return list(button, { min: 1, max: 6, noun: 'buttons' }).superRefine((buttons, ctx) => {
		const keys = buttons.map((b, i) => ({ value: b.key, path: [i, 'key'] }));
		unique(keys, ctx, ERR.buttonKey, 'key');
	});
}

export function checkbox(variant: CardVariant) {
	const option = block({ id: optionId(), text: optionText(), is_checked: flag() });
	return block({
		question_key: questionKey(),
		mode: choice([0, 1], { labels: { 0: 'single choice', 1: 'multiple choice' } }).optional(),
		option_list: optionList(option, 20),
		disable: disable(variant),
	}).superRefine(choiceRules);
}

export function selectList(variant: CardVariant) {
	const select = block({
		question_key: questionKey(),
		title: freeText().optional(),
		option_list: optionList(block({ id: optionId(), text: optionText() }), 10),
		selected_id: text().optional(),
		disable: disable(variant),
	}).superRefine(choiceRules);
	return list(select, {
		min: 1,
		max: 3,
		noun: 'dropdowns',
		errcode: ERR.selectListCount,
	}).superRefine((selects, ctx) => {
		// Answers come back keyed by question_key, so it must be unique across the card.
		const keys = selects.map((s, i) => ({ value: s.question_key, path: [i, 'question_key'] }));
		unique(keys, ctx, ERR.questionKey, 'question_key');
	});
}

export function submitButton() {
	return block({ text: text({ errcode: ERR.submitText }), key: key(ERR.submitKey) });
}
