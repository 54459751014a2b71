import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { FORM_DEFAULTS, NOTICE_TYPES, formHas, type CardVariant } from '../descriptions/card/layout';
import { LINK_MINI_PROGRAM, LINK_URL } from '../descriptions/linkFields';
import { compact } from './compact';

type ParameterReader = Pick<IExecuteFunctions, 'getNodeParameter'>;
/** Any value an IDataObject can hold. */
type Value = IDataObject[string];
type Param = (name: string, fallback: Value) => Value;

/**
 * Maps the card form (descriptions/cardForm.ts) to WeCom's template_card object.
 *
 * It reads only the fields the form shows for the chosen card type and variant, and inside a
 * block only the link fields of the chosen link type, so values left behind by an earlier choice
 * never reach the card. It produces WeCom's keys and shapes and drops what is empty (see
 * `compact`); it checks nothing: `checkTemplateCard` does, and reports WeCom's field paths.
 *
 * Values kept although they equal WeCom's default: every selector the form shows (link and row
 * types, button style, choice mode, source color), because the user sees and picks them.
 * Values treated as "not set": an aspect ratio of 0, `disable` off, and "None" as the click
 * action of a button card (then no card_action at all). `is_checked` is always a boolean.
 */
export function cardFromForm(ctx: ParameterReader, itemIndex: number, variant: CardVariant): IDataObject {
	const param: Param = (name, fallback) => ctx.getNodeParameter(name, itemIndex, fallback) as Value;

	const cardType = param('cardType', FORM_DEFAULTS.cardType);
	const type = String(cardType);
	const has = (group: Parameters<typeof formHas>[0]) => formHas(group, type);
	const interactive = variant !== 'robot';
	const blocks = asObject(param('additionalBlocks', {}));

	const card: IDataObject = { card_type: cardType };

	const source = entry(blocks.source, 'source');
	if (source) {
		card.source = {
			icon_url: source.icon_url,
			desc: source.desc,
			desc_color: has('sourceColor') ? selector(source.desc_color, FORM_DEFAULTS.descColor) : undefined,
		};
	}

	if (interactive && has('actionMenu')) {
		const menu = entry(blocks.actionMenu, 'menu');
		if (menu) {
			card.action_menu = {
				desc: menu.desc,
				action_list: entries(menu.action_list, 'actions').map((item) => ({ text: item.text, key: item.key })),
			};
		}
	}

	if (variant === 'send') card.task_id = blocks.taskId;

	card.main_title = { title: param('title', ''), desc: param('titleDescription', '') };

	if (has('quoteArea')) {
		const quote = entry(blocks.quoteArea, 'quote');
		if (quote) {
			card.quote_area = {
				...link(quote, FORM_DEFAULTS.linkType),
				title: quote.title,
				quote_text: quote.quote_text,
			};
		}
	}

	if (has('emphasisContent')) {
		const emphasis = entry(blocks.emphasisContent, 'content');
		if (emphasis) card.emphasis_content = { title: emphasis.title, desc: emphasis.desc };
	}

	if (has('subTitleText')) card.sub_title_text = param('subTitleText', '');

	if (has('newsImages')) {
		const area = entry(param('imageTextArea', {}), 'area');
		if (area) {
			card.image_text_area = {
				...link(area, FORM_DEFAULTS.linkType),
				title: area.title,
				desc: area.desc,
				image_url: area.image_url,
			};
		}
		const image = entry(param('cardImage', {}), 'image');
		if (image) {
			const aspectRatio = selector(image.aspect_ratio, 0);
			card.card_image = { url: image.url, aspect_ratio: aspectRatio === 0 ? undefined : aspectRatio };
		}
	}

	if (has('verticalContentList')) {
		card.vertical_content_list = entries(param('verticalContentList', {}), 'items').map((row) => ({
			title: row.title,
			desc: row.desc,
		}));
	}

	if (has('horizontalContentList')) {
		card.horizontal_content_list = entries(param('horizontalContentList', {}), 'items').map((row) => {
			const rowType = selector(row.type, FORM_DEFAULTS.horizontalType);
			return {
				type: rowType,
				keyname: row.keyname,
				value: row.value,
				url: rowType === 1 ? row.url : undefined,
				media_id: rowType === 2 ? row.media_id : undefined,
				userid: rowType === 3 ? row.userid : undefined,
			};
		});
	}

	if (has('jumpList')) {
		card.jump_list = entries(param('jumpList', {}), 'items').map((jump) => {
			const { type: jumpType, ...target } = link(jump, FORM_DEFAULTS.jumpType);
			return { type: jumpType, title: jump.title, ...target };
		});
	}

	if (has('cardAction')) {
		const isNotice = NOTICE_TYPES.includes(type as (typeof NOTICE_TYPES)[number]);
		const fallback = isNotice ? FORM_DEFAULTS.noticeCardActionType : FORM_DEFAULTS.buttonCardActionType;
		const action = link(
			{
				type: param('cardActionType', fallback),
				url: param('cardActionUrl', ''),
				appid: param('cardActionAppid', ''),
				pagepath: param('cardActionPagepath', ''),
			},
			fallback,
		);
		// "None" on a button card means no card_action; notices offer no "None".
		if (isNotice || action.type !== 0) card.card_action = action;
	}

	if (interactive) Object.assign(card, interactionBlocks(param, type, variant));

	return compact(card) ?? {};
}

/** button_selection, button_list, checkbox, select_list, submit_button and replace_text. */
function interactionBlocks(
	param: Param,
	cardType: string,
	variant: CardVariant,
): IDataObject {
	const blocks: IDataObject = {};
	const disable = (value: Value) => (isTrue(value) ? true : undefined);
	const options = (list: unknown) =>
		entries(list, 'options').map((option) => ({ id: option.id, text: option.text }));

	if (formHas('buttons', cardType)) {
		const selection = entry(param('buttonSelection', {}), 'selection');
		if (selection) {
			blocks.button_selection = {
				question_key: selection.question_key,
				title: selection.title,
				option_list: options(selection.option_list),
				selected_id: selection.selected_id,
				disable: variant === 'update' ? disable(selection.disable) : undefined,
			};
		}
		blocks.button_list = entries(param('buttonList', {}), 'buttons').map((button) => {
			const buttonType = selector(button.type, FORM_DEFAULTS.buttonType);
			return {
				type: buttonType,
				text: button.text,
				style: selector(button.style, FORM_DEFAULTS.buttonStyle),
				key: buttonType === 0 ? button.key : undefined,
				url: buttonType === 1 ? button.url : undefined,
			};
		});
	}

	if (formHas('checkbox', cardType)) {
		blocks.checkbox = {
			question_key: param('checkboxQuestionKey', ''),
			option_list: entries(param('checkboxOptions', {}), 'options').map((option) => ({
				id: option.id,
				text: option.text,
				is_checked: isTrue(option.is_checked),
			})),
			mode: selector(param('checkboxMode', FORM_DEFAULTS.checkboxMode), FORM_DEFAULTS.checkboxMode),
			disable: variant === 'update' ? disable(param('checkboxDisable', false)) : undefined,
		};
	}

	if (formHas('selectList', cardType)) {
		blocks.select_list = entries(param('selectList', {}), 'selects').map((select) => ({
			question_key: select.question_key,
			title: select.title,
			selected_id: select.selected_id,
			disable: variant === 'update' ? disable(select.disable) : undefined,
			option_list: options(select.option_list),
		}));
	}

	if (formHas('submitButton', cardType)) {
		blocks.submit_button = { text: param('submitButtonText', ''), key: param('submitButtonKey', '') };
	}

	if (variant === 'update' && formHas('replaceText', cardType)) {
		blocks.replace_text = param('replaceText', '');
	}
	return blocks;
}

/** type plus url (URL) or appid and pagepath (mini-program); the other targets are left out. */
function link(source: IDataObject, fallbackType: number): IDataObject {
	const linkType = selector(source.type, fallbackType);
	return {
		type: linkType,
		url: linkType === LINK_URL ? source.url : undefined,
		appid: linkType === LINK_MINI_PROGRAM ? source.appid : undefined,
		pagepath: linkType === LINK_MINI_PROGRAM ? source.pagepath : undefined,
	};
}

/**
 * A number picked in the form. n8n fills in defaults before execution, the fallback covers a
 * missing value; a numeric string (from an expression) becomes a number, anything else is
 * passed through for the card check to report.
 */
function selector(value: Value, fallback: number): Value {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
	return value;
}

function isTrue(value: Value): boolean {
	return value === true || value === 'true';
}

function asObject(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** The entry of a single-entry fixedCollection (`{ source: {...} }`), if the block was added. */
function entry(collection: unknown, name: string): IDataObject | undefined {
	const value = asObject(collection)[name];
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** The entries of a multiple-value fixedCollection (`{ items: [...] }`). */
function entries(collection: unknown, name: string): IDataObject[] {
	const value = asObject(collection)[name];
	return Array.isArray(value) ? value.map(asObject) : [];
}
