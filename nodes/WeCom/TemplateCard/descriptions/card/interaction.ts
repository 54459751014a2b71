import type { INodeProperties } from 'n8n-workflow';

import { showFor, type CardVariant } from './layout';

const optionId: INodeProperties = {
	displayName: 'Option ID',
	name: 'id',
	type: 'string',
	default: '',
	description: 'Returned in the callback when this option is chosen (ID)',
};

const optionText: INodeProperties = {
	displayName: 'Option Text',
	name: 'text',
	type: 'string',
	default: '',
	description: 'Text of the option (text)',
};

/**
 * Options of a dropdown (option_list), as a fixedCollection so it can sit inside a select list
 * entry: n8n renders nested fixedCollections, and a typed row is easier to get right than
 * `id:text` lines.
 */
function optionList(description: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'option_list',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Option',
		description,
		options: [{ displayName: 'Option', name: 'options', values: [optionId, optionText] }],
	};
}

function disableField(what: string): INodeProperties {
	return {
		displayName: 'Disable',
		name: 'disable',
		type: 'boolean',
		default: false,
		description: `Whether the ${what} is shown but can no longer be changed (disable)`,
	};
}

/** The dropdown next to the buttons of a button card (button_selection). */
function buttonSelection(variant: CardVariant): INodeProperties {
	return {
		displayName: 'Dropdown',
		name: 'buttonSelection',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Add Dropdown',
		description: 'One dropdown above the buttons (button_selection)',
		displayOptions: showFor('buttons'),
		options: [
			{
				displayName: 'Dropdown',
				name: 'selection',
				values: [
					{
						displayName: 'Question Key',
						name: 'question_key',
						type: 'string',
						default: '',
						description: 'Returned in the callback with the chosen option (question_key)',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'Label left of the dropdown (title)',
					},
					optionList('Choices of the dropdown (option_list), at most 10'),
					{
						displayName: 'Selected Option ID',
						name: 'selected_id',
						type: 'string',
						default: '',
						description: 'ID of the option selected at first (selected_id); empty selects the first one',
					},
					...(variant === 'update' ? [disableField('dropdown')] : []),
				],
			},
		],
	};
}

const buttonList: INodeProperties = {
	displayName: 'Buttons',
	name: 'buttonList',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Button',
	description: 'Buttons at the bottom of the card (button_list), at most 6',
	displayOptions: showFor('buttons'),
	options: [
		{
			displayName: 'Button',
			name: 'buttons',
			values: [
				{
					displayName: 'Action',
					name: 'type',
					type: 'options',
					default: 0,
					description: 'What a tap on the button does (type)',
					options: [
						{ name: 'Callback', value: 0, description: "Calls the app back with the button's key" },
						{ name: 'Open URL', value: 1 },
					],
				},
				{
					displayName: 'Button Text',
					name: 'text',
					type: 'string',
					default: '',
					description: 'Button label (text)',
				},
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					description: 'Returned in the callback as EventKey (key)',
					displayOptions: { show: { type: [0] } },
				},
				{
					displayName: 'Style',
					name: 'style',
					type: 'options',
					default: 1,
					description: 'One of the four button looks WeCom offers (style)',
					options: [
						{ name: 'Style 1', value: 1 },
						{ name: 'Style 2', value: 2 },
						{ name: 'Style 3', value: 3 },
						{ name: 'Style 4', value: 4 },
					],
				},
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/page',
					description: 'Link opened on tap',
					displayOptions: { show: { type: [1] } },
				},
			],
		},
	],
};

/** The choices of a vote card (checkbox), as top-level fields because the block is the card. */
function checkboxFields(variant: CardVariant): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Question Key',
			name: 'checkboxQuestionKey',
			type: 'string',
			default: '',
			description: 'Returned in the callback with the chosen options (checkbox.question_key)',
			displayOptions: showFor('checkbox'),
		},
		{
			displayName: 'Choice Mode',
			name: 'checkboxMode',
			type: 'options',
			default: 0,
			description: 'Whether one or several options can be chosen (checkbox.mode)',
			options: [
				{ name: 'Single Choice', value: 0 },
				{ name: 'Multiple Choice', value: 1 },
			],
			displayOptions: showFor('checkbox'),
		},
		{
			displayName: 'Choices',
			name: 'checkboxOptions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Choice',
			description: 'Options to vote for (checkbox.option_list), at most 20',
			displayOptions: showFor('checkbox'),
			options: [
				{
					displayName: 'Choice',
					name: 'options',
					values: [
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
				},
			],
		},
	];
	if (variant === 'update') {
		fields.push({ ...disableField('vote'), name: 'checkboxDisable', displayOptions: showFor('checkbox') });
	}
	return fields;
}

/** The dropdowns of a multiple-interaction card (select_list). */
function selectList(variant: CardVariant): INodeProperties {
	return {
		displayName: 'Dropdowns',
		name: 'selectList',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Dropdown',
		description: 'Dropdowns of the card (select_list), one to three',
		displayOptions: showFor('selectList'),
		options: [
			{
				displayName: 'Dropdown',
				name: 'selects',
				values: [
					{
						displayName: 'Question Key',
						name: 'question_key',
						type: 'string',
						default: '',
						description: 'Returned in the callback with the chosen option (question_key)',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'Label above the dropdown (title)',
					},
					optionList('Choices of this dropdown (option_list), at most 10'),
					{
						displayName: 'Selected Option ID',
						name: 'selected_id',
						type: 'string',
						default: '',
						description: 'ID of the option selected at first (selected_id); empty selects the first one',
					},
					...(variant === 'update' ? [disableField('dropdown')] : []),
				],
			},
		],
	};
}

const submitButtonFields: INodeProperties[] = [
	{
		displayName: 'Submit Button Text',
		name: 'submitButtonText',
		type: 'string',
		default: '',
		description: 'Label of the submit button (submit_button.text)',
		displayOptions: showFor('submitButton'),
	},
	{
		displayName: 'Submit Button Key',
		name: 'submitButtonKey',
		type: 'string',
		default: '',
		description: 'Returned in the callback as EventKey when the card is submitted (submit_button.key)',
		displayOptions: showFor('submitButton'),
	},
];

const replaceText: INodeProperties = {
	displayName: 'Replace Text',
	name: 'replaceText',
	type: 'string',
	default: '',
	placeholder: 'Done',
	description: 'Text of a grey button shown instead of the buttons or the submit button (replace_text)',
	displayOptions: showFor('replaceText'),
};

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
