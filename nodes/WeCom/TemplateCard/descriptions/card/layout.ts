import type { IDisplayOptions } from 'n8n-workflow';

import {
	BUTTON_TYPE,
	CHECKBOX_MODE,
	DESC_COLOR,
	HORIZONTAL_TYPE,
	LINK_TYPE,
	NOTICE_CARD_TYPES,
	SOURCE_COLOR_CARD_TYPES,
	cardTypesWith,
} from '../../../shared/card';
import type { CardType, CardVariant } from '../../../shared/card/cardTypes';

export type { CardType, CardVariant };

/**
 * Which form fields are shown for which card type: derived from the card schema's table of
 * blocks per type (shared/card/blocksByType.ts). The descriptions use it
 * for displayOptions and helpers/cardFromForm.ts reads exactly the same fields, so a value left
 * behind by another card type never reaches the card. Required-ness and limits are not here:
 * the card schema (shared/card) checks those.
 */
const FORM_LAYOUT = {
	subTitleText: cardTypesWith('sub_title_text'),
	cardAction: cardTypesWith('card_action'),
	horizontalContentList: cardTypesWith('horizontal_content_list'),
	jumpList: cardTypesWith('jump_list'),
	newsImages: cardTypesWith('card_image'),
	verticalContentList: cardTypesWith('vertical_content_list'),
	buttons: cardTypesWith('button_list'),
	checkbox: cardTypesWith('checkbox'),
	selectList: cardTypesWith('select_list'),
	submitButton: cardTypesWith('submit_button'),
	replaceText: cardTypesWith('replace_text'),
	actionMenu: cardTypesWith('action_menu'),
	quoteArea: cardTypesWith('quote_area'),
	emphasisContent: cardTypesWith('emphasis_content'),
	sourceColor: [...SOURCE_COLOR_CARD_TYPES],
} satisfies Record<string, readonly CardType[]>;

export type FormGroup = keyof typeof FORM_LAYOUT;

/** Card types on which a click on the card must open something (no "None" choice). */
export const NOTICE_TYPES = NOTICE_CARD_TYPES;

export function formHas(group: FormGroup, cardType: string): boolean {
	return (FORM_LAYOUT[group] as readonly string[]).includes(cardType);
}

/** displayOptions for a top-level field; the caller adds resource/operation/cardInput. */
export function showFor(group: FormGroup | readonly CardType[], more: IDisplayOptions['show'] = {}): IDisplayOptions {
	const cardTypes = typeof group === 'string' ? FORM_LAYOUT[group] : group;
	return { show: { ...more, cardType: [...cardTypes] } };
}

/** displayOptions for a field nested in a collection or fixedCollection: `/cardType` is the top-level parameter. */
export function showForNested(group: FormGroup): IDisplayOptions {
	return { show: { '/cardType': [...FORM_LAYOUT[group]] } };
}

/**
 * Form defaults the mapper falls back to when n8n has not filled them in. The descriptions
 * repeat them as literals (n8n's lint only accepts a literal `default`); a unit test checks
 * that both agree.
 */
export const FORM_DEFAULTS = {
	cardType: 'text_notice',
	noticeCardActionType: LINK_TYPE.url,
	buttonCardActionType: LINK_TYPE.none,
	linkType: LINK_TYPE.none,
	jumpType: LINK_TYPE.url,
	horizontalType: HORIZONTAL_TYPE.text,
	buttonType: BUTTON_TYPE.callback,
	buttonStyle: 1,
	checkboxMode: CHECKBOX_MODE.single,
	descColor: DESC_COLOR.grey,
} as const;
