import type { INodeProperties } from 'n8n-workflow';

import { linkTargetFields, linkTypeOptions } from '../linkFields';
import { showFor, type CardVariant } from './layout';

/** Key/value rows (horizontal_content_list): text, link, attachment or member profile. */
export function horizontalContentList(variant: CardVariant): INodeProperties {
	const mediaHint =
		variant === 'robot'
			? 'Media ID from the robot upload_media API (valid 3 days)'
			: 'Media ID of an uploaded temporary file (valid 3 days)';
	return {
		displayName: 'Key/Value Rows',
		name: 'horizontalContentList',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Row',
		description: 'Rows of a key and a value (horizontal_content_list), at most 6',
		displayOptions: showFor('horizontalContentList'),
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
						description: 'Label on the left (keyname)',
					},
					{
						displayName: 'Media ID',
						name: 'media_id',
						type: 'string',
						default: '',
						description: `${mediaHint} (media_id)`,
						displayOptions: { show: { type: [2] } },
					},
					{
						displayName: 'Member User ID',
						name: 'userid',
						type: 'string',
						default: '',
						description: 'The userid of the member whose profile opens (userid)',
						displayOptions: { show: { type: [3] } },
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 0,
						description: 'What a tap on the value does (type)',
						options: [
							{ name: 'Text', value: 0, description: 'Plain text, not clickable' },
							{ name: 'URL', value: 1, description: 'Opens a link' },
							{ name: 'Attachment', value: 2, description: 'Downloads a file' },
							{ name: 'Member', value: 3, description: "Opens a member's profile" },
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
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Text on the right; for an attachment, the file name with its extension (value)',
					},
				],
			},
		],
	};
}

/** Links under the card (jump_list). */
export const jumpList: INodeProperties = {
	displayName: 'Jump Links',
	name: 'jumpList',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Link',
	description: 'Links at the bottom of the card (jump_list), at most 3',
	displayOptions: showFor('jumpList'),
	options: [
		{
			displayName: 'Link',
			name: 'items',
			values: [
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'Link text (title)',
				},
				{
					displayName: 'Opens',
					name: 'type',
					type: 'options',
					default: 1,
					description: 'What a tap on the link opens (type)',
					options: linkTypeOptions,
				},
				...linkTargetFields('type'),
			],
		},
	],
};

/** Title/description rows of a news card (vertical_content_list). */
export const verticalContentList: INodeProperties = {
	displayName: 'Text Rows',
	name: 'verticalContentList',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Text Row',
	description: 'Rows of a title with text under it (vertical_content_list), at most 4',
	displayOptions: showFor('verticalContentList'),
	options: [
		{
			displayName: 'Text Row',
			name: 'items',
			values: [
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'Row title (title)',
				},
				{
					displayName: 'Description',
					name: 'desc',
					type: 'string',
					typeOptions: { rows: 2 },
					default: '',
					description: 'Text under the row title (desc)',
				},
			],
		},
	],
};
