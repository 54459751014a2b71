import type { INodeProperties } from 'n8n-workflow';

import { linkTargetFields, linkTypeOptions, urlField } from '../linkFields';
import { collectionField, textField } from './fieldBuilders';
import { showFor, type CardVariant } from './layout';
import { CARD_LIST_MAX, HORIZONTAL_TYPE } from '../../../shared/card';

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
			description: `Rows of a key and a value (horizontal_content_list), at most ${CARD_LIST_MAX.horizontalContent}`,
			displayOptions: showFor('horizontalContentList'),
		},
		{ name: 'items', displayName: 'Row' },
		[
			textField('Key', 'keyname', 'Label on the left (keyname)'),
			textField('Media ID', 'media_id', `${mediaHint} (media_id)`, {
				displayOptions: { show: { type: [HORIZONTAL_TYPE.attachment] } },
			}),
			textField(
				'File From Binary Field',
				'fileBinaryField',
				`Used when Media ID is empty: the name of an input binary field holding the file (at most 20 MB). The node uploads it (${variant === 'robot' ? "the robot's upload_media" : 'media/upload'}) and uses its media_id.`,
				{ displayOptions: { show: { type: [HORIZONTAL_TYPE.attachment] } }, placeholder: 'data' },
			),
			textField('Member User ID', 'userid', 'The userid of the member whose profile opens (userid)', {
				displayOptions: { show: { type: [HORIZONTAL_TYPE.member] } },
			}),
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 0,
				description: 'What a tap on the value does (type)',
				options: [
					{ name: 'Text', value: HORIZONTAL_TYPE.text, description: 'Plain text, not clickable' },
					{ name: 'URL', value: HORIZONTAL_TYPE.url, description: 'Opens a link' },
					{ name: 'Attachment', value: HORIZONTAL_TYPE.attachment, description: 'Downloads a file' },
					{ name: 'Member', value: HORIZONTAL_TYPE.member, description: "Opens a member's profile" },
				],
			},
			urlField('url', { show: { type: [HORIZONTAL_TYPE.url] } }),
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
		description: `Links at the bottom of the card (jump_list), at most ${CARD_LIST_MAX.jumps}`,
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
		description: `Rows of a title with text under it (vertical_content_list), at most ${CARD_LIST_MAX.verticalContent}`,
		displayOptions: showFor('verticalContentList'),
	},
	{ name: 'items', displayName: 'Text Row' },
	[
		textField('Title', 'title', 'Row title (title)'),
		textField('Description', 'desc', 'Text under the row title (desc)', { typeOptions: { rows: 2 } }),
	],
);
