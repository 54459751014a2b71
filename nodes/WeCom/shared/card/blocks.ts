import type { CardVariant } from './cardTypes';
import {
	actionMenu,
	cardAction,
	horizontalContentList,
	jumpList,
	quoteArea,
	sourceBlock,
	taskId,
	titleAndDesc,
} from './commonBlocks';
import { buttonList, checkbox, dropdown, selectList, submitButton } from './inputBlocks';
import { cardImage, imageTextArea, verticalContentList } from './newsBlocks';
import { freeText, text } from './schemaBuilders';

/**
 * Every top-level block, all optional: which ones a card type takes and requires is decided
 * in schema.ts. `variant` only changes nested update-only fields (`disable`).
 */
export function cardBlocks(variant: CardVariant) {
	return {
		source: sourceBlock().optional(),
		action_menu: actionMenu().optional(),
		task_id: taskId().optional(),
		main_title: titleAndDesc().optional(),
		quote_area: quoteArea().optional(),
		emphasis_content: titleAndDesc().optional(),
		sub_title_text: freeText().optional(),
		horizontal_content_list: horizontalContentList().optional(),
		jump_list: jumpList().optional(),
		card_action: cardAction('button_interaction').optional(),
		image_text_area: imageTextArea().optional(),
		card_image: cardImage().optional(),
		vertical_content_list: verticalContentList().optional(),
		button_selection: dropdown(variant).optional(),
		button_list: buttonList().optional(),
		checkbox: checkbox(variant).optional(),
		select_list: selectList(variant).optional(),
		submit_button: submitButton().optional(),
		replace_text: text().optional(),
	};
}

export type CardBlockName = keyof ReturnType<typeof cardBlocks>;
