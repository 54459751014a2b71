import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { linkTargetFields, linkTypeOptions, linkTypeOptionsWithoutNone } from '../linkFields';
import { NOTICE_TYPES, showFor, type CardVariant } from './layout';
import { textField } from './fieldBuilders';

const noticeCardTypes: INodePropertyOptions[] = [
	{
		name: 'News Notice',
		value: 'news_notice',
		description: 'A large image or an image with text, rows and links; a tap on the card opens a link',
	},
	{
		name: 'Text Notice',
		value: 'text_notice',
		description: 'Title, emphasis, body text, rows and links; a tap on the card opens a link',
	},
];

const allCardTypes: INodePropertyOptions[] = [
	{
		name: 'Button Interaction',
		value: 'button_interaction',
		description: 'Body text, rows and buttons that call the app back, with an optional dropdown',
	},
	{
		name: 'Multiple Interaction',
		value: 'multiple_interaction',
		description: 'Up to three dropdowns and a submit button that calls the app back',
	},
	...noticeCardTypes,
	{
		name: 'Vote Interaction',
		value: 'vote_interaction',
		description: 'Single or multiple choice options and a submit button that calls the app back',
	},
];

/** Card type, titles, body text and what a tap on the card opens. */
export function mainFields(variant: CardVariant): INodeProperties[] {
	return [
		{
			displayName: 'Card Type',
			name: 'cardType',
			type: 'options',
			noDataExpression: true,
			default: 'text_notice',
			description: 'The kind of template card (card_type)',
			options: variant === 'robot' ? noticeCardTypes : allCardTypes,
		},
		textField('Title', 'title', 'Main title (main_title.title)'),
		textField('Title Description', 'titleDescription', 'Grey text under the title (main_title.desc)'),
		textField('Body Text', 'subTitleText', 'Text under the title (sub_title_text)', {
			typeOptions: { rows: 3 },
			displayOptions: showFor('subTitleText'),
		}),
		{
			displayName: 'Card Click Opens',
			name: 'cardActionType',
			type: 'options',
			default: 1,
			description: 'What a tap on the card opens (card_action.type)',
			options: linkTypeOptionsWithoutNone,
			displayOptions: showFor(NOTICE_TYPES),
		},
		{
			displayName: 'Card Click Opens',
			name: 'cardActionType',
			type: 'options',
			default: 0,
			description: 'What a tap on the card opens (card_action.type)',
			options: linkTypeOptions,
			displayOptions: showFor(['button_interaction']),
		},
		...linkTargetFields('cardActionType', { prefix: 'cardAction', show: showFor('cardAction').show }),
	];
}
