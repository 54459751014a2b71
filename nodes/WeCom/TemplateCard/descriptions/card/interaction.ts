import type { INodeProperties } from 'n8n-workflow';

import { urlField } from '../linkFields';
import { disableField, dropdownFields, optionId, optionText } from './dropdown';
import { showFor, type CardVariant } from './layout';
import { collectionField, textField } from './fieldBuilders';
import { BUTTON_TYPE, CARD_LIST_MAX, CHECKBOX_MODE } from '../../../shared/card';

/** The dropdown next to the buttons of a button card (button_selection). */
function buttonSelection(variant: CardVariant): INodeProperties {
	return collectionField(
		{
			displayName: 'Dropdown',
			name: 'buttonSelection',
			default: {},
			placeholder: 'Add Dropdown',
			description: 'One dropdown above the buttons (button_selection)',
			displayOptions: showFor('buttons'),
		},
		{ name: 'selection' },
		dropdownFields(variant, 'left of'),
	);
}

const buttonList: INodeProperties = collectionField(
	{
		displayName: 'Buttons',
		name: 'buttonList',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Button',
		description: `Buttons at the bottom of the card (button_list), at most ${CARD_LIST_MAX.buttons}`,
		displayOptions: showFor('buttons'),
	},
	{ name: 'buttons', displayName: 'Button' },
	[
		{
			displayName: 'Action',
			name: 'type',
			type: 'options',
			default: 0,
			description: 'What a tap on the button does (type)',
			options: [
				{ name: 'Callback', value: BUTTON_TYPE.callback, description: "Calls the app back with the button's key" },
				{ name: 'Open URL', value: BUTTON_TYPE.url },
			],
		},
		textField('Button Text', 'text', 'Button label (text)'),
		textField('Key', 'key', 'Returned in the callback as EventKey (key)', {
			displayOptions: { show: { type: [BUTTON_TYPE.callback] } },
		}),
		{
			displayName: 'Style',
			name: 'style',
			type: 'options',
			default: 1,
			description: 'One of the four button looks WeCom offers (style)',
			options: [1, 2, 3, 4].map((style) => ({ name: `Style ${style}`, value: style })),
		},
		urlField('url', { show: { type: [BUTTON_TYPE.url] } }),
	],
);

/** The choices of a vote card (checkbox), as top-level fields because the block is the card. */
function checkboxFields(variant: CardVariant): INodeProperties[] {
	const fields: INodeProperties[] = [
		textField(
			'Question Key',
			'checkboxQuestionKey',
			'Returned in the callback with the chosen options (checkbox.question_key)',
			{
				displayOptions: showFor('checkbox'),
			},
		),
		{
			displayName: 'Choice Mode',
			name: 'checkboxMode',
			type: 'options',
			default: 0,
			description: 'Whether one or several options can be chosen (checkbox.mode)',
			options: [
				{ name: 'Single Choice', value: CHECKBOX_MODE.single },
				{ name: 'Multiple Choice', value: CHECKBOX_MODE.multiple },
			],
			displayOptions: showFor('checkbox'),
		},
		collectionField(
			{
				displayName: 'Choices',
				name: 'checkboxOptions',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Choice',
				description: `Options to vote for (checkbox.option_list), at most ${CARD_LIST_MAX.checkboxOptions}`,
				displayOptions: showFor('checkbox'),
			},
			{ name: 'options', displayName: 'Choice' },
			[
				optionId,
				optionText,
				{
					displayName: 'Checked',
					name: 'is_checked',
					type: 'boolean',
					default: false,
					description: 'Whether the option is selected at first (is_checked)',
				},
			],
		),
	];
	if (variant === 'update') {
		fields.push({ ...disableField('vote'), name: 'checkboxDisable', displayOptions: showFor('checkbox') });
	}
	return fields;
}

/** The dropdowns of a multiple-interaction card (select_list). */
function selectList(variant: CardVariant): INodeProperties {
	return collectionField(
		{
			displayName: 'Dropdowns',
			name: 'selectList',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Dropdown',
			description: 'Dropdowns of the card (select_list), one to three',
			displayOptions: showFor('selectList'),
		},
		{ name: 'selects', displayName: 'Dropdown' },
		dropdownFields(variant, 'above'),
	);
}

const submitButtonFields: INodeProperties[] = [
	textField('Submit Button Text', 'submitButtonText', 'Label of the submit button (submit_button.text)', {
		displayOptions: showFor('submitButton'),
	}),
	textField(
		'Submit Button Key',
		'submitButtonKey',
		'Returned in the callback as EventKey when the card is submitted (submit_button.key)',
		{ displayOptions: showFor('submitButton') },
	),
];

const replaceText = textField(
	'Replace Text',
	'replaceText',
	'Text of a grey button shown instead of the buttons or the submit button (replace_text)',
	{ placeholder: 'Done', displayOptions: showFor('replaceText') },
);

/** Fields of the interactive cards, in the order they appear on the card. */
export function interactionFields(variant: CardVariant): INodeProperties[] {
	if (variant === 'robot') return [];
	return [
		buttonSelection(variant),
		buttonList,
		...checkboxFields(variant),
		selectList(variant),
		...submitButtonFields,
		...(variant === 'update' ? [replaceText] : []),
	];
}
