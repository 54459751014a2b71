import type { INodeProperties } from 'n8n-workflow';

import { linkTargetFields, linkTypeOptions } from './linkFields';

const showFor = (...cardTypes: string[]) => ({ show: { cardType: cardTypes } });

/** Form fields of a card. Names are mapped to WeCom's keys in helpers/cardFromForm.ts. */
export const cardFormFields: INodeProperties[] = [
	{
		displayName: 'Card Type',
		name: 'cardType',
		type: 'options',
		noDataExpression: true,
		default: 'text_notice',
		options: [
			{
				name: 'Text Notice',
				value: 'text_notice',
				description: 'Title, emphasis, key/value rows and links; the whole card opens a link',
			},
		],
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: 'Main title (main_title.title). Text notices need a title or a subtitle.',
	},
	{
		displayName: 'Title Description',
		name: 'titleDescription',
		type: 'string',
		default: '',
		description: 'Grey text under the title (main_title.desc)',
	},
	{
		displayName: 'Subtitle Text',
		name: 'subTitleText',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Body text (sub_title_text)',
		displayOptions: showFor('text_notice'),
	},
	{
		displayName: 'Card Click Opens',
		name: 'cardActionType',
		type: 'options',
		default: 1,
		description: 'What a tap on the card opens (card_action); required on notice cards',
		options: linkTypeOptions.filter((option) => option.value !== 0),
		displayOptions: showFor('text_notice'),
	},
	...linkTargetFields('cardActionType').map((field) => ({
		...field,
		name: `cardAction${field.name[0].toUpperCase()}${field.name.slice(1)}`,
		displayOptions: {
			show: { ...field.displayOptions?.show, cardType: ['text_notice'] },
		},
	})),
	{
		displayName: 'Key/Value Rows',
		name: 'horizontalContentList',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Row',
		description: 'Rows of key and value (horizontal_content_list), at most 6',
		displayOptions: showFor('text_notice'),
		options: [
			{
				displayName: 'Row',
				name: 'items',
				values: [
					{
						displayName: 'Key',
						name: 'keyname',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Media ID',
						name: 'media_id',
						type: 'string',
						default: '',
						description: 'Media ID of an uploaded temporary file (valid 3 days)',
					},
					{
						displayName: 'Member User ID',
						name: 'userid',
						type: 'string',
						default: '',
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Shown text;	for an attachment, the file name with its extension',
					},
					{
						displayName: 'Value Type',
						name: 'type',
						type: 'options',
						default: 0,
						options: [
							{
								name: 'Text',
								value: 0
							},
							{
								name: 'URL',
								value: 1
							},
							{
								name: 'Attachment',
								value: 2
							},
							{
								name: 'Member',
								value: 3
							},
						]
					},
			],
			},
		],
	},
	{
		displayName: 'Jump Links',
		name: 'jumpList',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Link',
		description: 'Links under the card (jump_list), at most 3',
		displayOptions: showFor('text_notice'),
		options: [
			{
				displayName: 'Link',
				name: 'items',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
					{ displayName: 'Opens', name: 'type', type: 'options', default: 1, options: linkTypeOptions },
					...linkTargetFields('type'),
				],
			},
		],
	},
];
