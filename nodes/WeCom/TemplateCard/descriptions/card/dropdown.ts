import type { INodeProperties } from 'n8n-workflow';

import { collectionField, textField } from './fieldBuilders';
import type { CardVariant } from './layout';
import { CARD_LIST_MAX } from '../../../shared/card';

export const optionId = textField('Option ID', 'id', 'Returned in the callback when this option is chosen (ID)');

export const optionText = textField('Option Text', 'text', 'Text of the option (text)');

/** disable: WeCom takes it only when a card is updated. */
export function disableField(what: string): INodeProperties {
	return {
		displayName: 'Disable',
		name: 'disable',
		type: 'boolean',
		default: false,
		description: `Whether the ${what} is shown but can no longer be changed (disable)`,
	};
}

/**
 * One dropdown: the entry of button_selection and of each select_list item, which WeCom
 * documents alike (helpers/cardForm/interactionBlocks.ts maps both the same way). Its options
 * are a fixedCollection so they can sit inside a select list entry: n8n renders nested
 * fixedCollections, and a typed row is easier to get right than `id:text` lines.
 */
export function dropdownFields(variant: CardVariant, titlePlacement: 'left of' | 'above'): INodeProperties[] {
	return [
		textField('Question Key', 'question_key', 'Returned in the callback with the chosen option (question_key)'),
		textField('Title', 'title', `Label ${titlePlacement} the dropdown (title)`),
		collectionField(
			{
				displayName: 'Options',
				name: 'option_list',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Option',
				description: `Choices of the dropdown (option_list), at most ${CARD_LIST_MAX.dropdownOptions}`,
			},
			{ name: 'options', displayName: 'Option' },
			[optionId, optionText],
		),
		textField(
			'Selected Option ID',
			'selected_id',
			'ID of the option selected at first (selected_id); empty selects the first one',
		),
		...(variant === 'update' ? [disableField('dropdown')] : []),
	];
}
