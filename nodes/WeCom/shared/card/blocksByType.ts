import type { CardBlockName } from './blocks';
import { CARD_TYPES, type CardType } from './cardTypes';

/**
 * Blocks each card type takes: the tables of https://developer.work.weixin.qq.com/document/path/90236
 * (send) and https://developer.work.weixin.qq.com/document/path/94888 (update, adds replace_text).
 */
export const BLOCKS_BY_TYPE: Readonly<Record<CardType, readonly CardBlockName[]>> = {
	text_notice: [
		'source',
		'action_menu',
		'task_id',
		'main_title',
		'quote_area',
		'emphasis_content',
		'sub_title_text',
		'horizontal_content_list',
		'jump_list',
		'card_action',
	],
	news_notice: [
		'source',
		'action_menu',
		'task_id',
		'main_title',
		'quote_area',
		'image_text_area',
		'card_image',
		'vertical_content_list',
		'horizontal_content_list',
		'jump_list',
		'card_action',
	],
	button_interaction: [
		'source',
		'action_menu',
		'task_id',
		'main_title',
		'quote_area',
		'sub_title_text',
		'horizontal_content_list',
		'card_action',
		'button_selection',
		'button_list',
		'replace_text',
	],
	vote_interaction: ['source', 'task_id', 'main_title', 'checkbox', 'submit_button', 'replace_text'],
	multiple_interaction: ['source', 'task_id', 'main_title', 'select_list', 'submit_button', 'replace_text'],
};

/** The vote and multiple tables list source without desc_color. */
export const SOURCE_COLOR_CARD_TYPES: readonly CardType[] = ['text_notice', 'news_notice', 'button_interaction'];

/** The card types that take a block: what the form shows a field for. */
export function cardTypesWith(block: CardBlockName): CardType[] {
	return CARD_TYPES.filter((cardType) => BLOCKS_BY_TYPE[cardType].includes(block));
}
