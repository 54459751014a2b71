import type { INodeProperties } from 'n8n-workflow';

import { linkTargetFields, linkTypeOptions, urlField } from '../linkFields';
import { collectionField, textField } from './fieldBuilders';
import { showFor, type CardVariant } from './layout';

/** Key/value rows (horizontal_content_list): text, link, attachment or member profile. */
export function horizontalContentList(variant: CardVariant): INodeProperties {
	const mediaHint =
		variant === 'robot'
			? 'Media ID from the robot upload_media API (valid 3 days)'
			: 'Media ID of an uploaded temporary file (valid 3 days)';
	return collectionField(
		{
			displayName: 'Key/Value Rows',
			name: 'horizontalContentList',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Row',
			description: 'Rows of a key and a value (horizontal_content_list), at most 6',
			displayOptions: showFor('horizontalContentList'),
		},
		{ name: 'items', displayName: 'Row' },
		[
			textField('Key', 'keyname', 'Label on the left (keyname)'),
			textField('Media ID', 'media_id', `${mediaHint} (media_id)`, { displayOptions: { show: { type: [2] } } }),
			textField('Member User ID', 'userid', 'The userid of the member whose profile opens (userid)', {
				displayOptions: { show: { type: [3] } },
			}),
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
			urlField('url', { show: { type: [1] } }),
			textField('Value', 'value', 'Text on the right; for an attachment, the file name with its extension (value)'),
		],
	);
}

/** Links under the card (jump_list). */
export const jumpList: INodeProperties = collectionField(
	{
		displayName: 'Jump Links',
		name: 'jumpList',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Link',
		description: 'Links at the bottom of the card (jump_list), at most 3',
		displayOptions: showFor('jumpList'),
	},
	{ name: 'items', displayName: 'Link' },
	[
		textField('Title', 'title', 'Link text (title)'),
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
);

/** Title/description rows of a news card (vertical_content_list). */
export const verticalContentList: INodeProperties = collectionField(
	{
		displayName: 'Text Rows',
		name: 'verticalContentList',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Text Row',
		description: 'Rows of a title with text under it (vertical_content_list), at most 4',
		displayOptions: showFor('verticalContentList'),
	},
	{ name: 'items', displayName: 'Text Row' },
	[
		textField('Title', 'title', 'Row title (title)'),
		textField('Description', 'desc', 'Text under the row title (desc)', { typeOptions: { rows: 2 } }),
	],
);
