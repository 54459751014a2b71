import type { INodeProperties } from 'n8n-workflow';

import { linkTargetFields, linkTypeOptions } from '../linkFields';
import { showForNested, type CardVariant } from './layout';

/*
 * Optional blocks, grouped in one collection so the form stays short. Each block is a
 * single-entry fixedCollection whose default already holds the entry, so picking it from
 * "Add Block" shows its fields at once (the pattern of the HTTP Request node's options).
 */

const actionMenu: INodeProperties = {
	displayName: 'Action Menu',
	name: 'actionMenu',
	type: 'fixedCollection',
	default: { menu: {} },
	description:
		'Menu behind the "..." at the top right (action_menu). A card with a menu calls the app back and needs a task ID.',
	displayOptions: showForNested('actionMenu'),
	options: [
		{
			displayName: 'Action Menu',
			name: 'menu',
			values: [
				{
					displayName: 'Menu Description',
					name: 'desc',
					type: 'string',
					default: '',
					description: 'Text at the top of the menu (desc)',
				},
				{
					displayName: 'Menu Items',
					name: 'action_list',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					default: {},
					placeholder: 'Add Menu Item',
					description: 'Entries of the menu (action_list), one to three',
					options: [
						{
							displayName: 'Menu Item',
							name: 'actions',
							values: [
								{
									displayName: 'Text',
									name: 'text',
									type: 'string',
									default: '',
									description: 'Label of the entry (text)',
								},
								{
									displayName: 'Key',
									name: 'key',
									type: 'string',
									default: '',
									description: 'Returned in the callback as EventKey (key)',
								},
							],
						},
					],
				},
			],
		},
	],
};

const emphasisContent: INodeProperties = {
	displayName: 'Emphasis Content',
	name: 'emphasisContent',
	type: 'fixedCollection',
	default: { content: {} },
	description: 'A large highlighted figure with a caption (emphasis_content)',
	displayOptions: showForNested('emphasisContent'),
	options: [
		{
			displayName: 'Emphasis Content',
			name: 'content',
			values: [
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					placeholder: '100',
					description: 'The highlighted text (title)',
				},
				{
					displayName: 'Description',
					name: 'desc',
					type: 'string',
					default: '',
					description: 'Caption under the highlighted text (desc)',
				},
			],
		},
	],
};

const quoteArea: INodeProperties = {
	displayName: 'Quote Area',
	name: 'quoteArea',
	type: 'fixedCollection',
	default: { quote: {} },
	description: 'A quoted passage, optionally clickable (quote_area)',
	displayOptions: showForNested('quoteArea'),
	options: [
		{
			displayName: 'Quote Area',
			name: 'quote',
			values: [
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'Title of the quote (title)',
				},
				{
					displayName: 'Quote Text',
					name: 'quote_text',
					type: 'string',
					typeOptions: { rows: 2 },
					default: '',
					description: 'The quoted text (quote_text)',
				},
				{
					displayName: 'Opens',
					name: 'type',
					type: 'options',
					default: 0,
					description: 'What a tap on the quote opens (type)',
					options: linkTypeOptions,
				},
				...linkTargetFields('type'),
			],
		},
	],
};

const source: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'fixedCollection',
	default: { source: {} },
	description: 'Icon and name of the sender at the top of the card (source)',
	options: [
		{
			displayName: 'Source',
			name: 'source',
			values: [
				{
					displayName: 'Icon URL',
					name: 'icon_url',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/icon.png',
					description: 'Address of the source icon (icon_url)',
				},
				{
					displayName: 'Text',
					name: 'desc',
					type: 'string',
					default: '',
					description: 'Source name next to the icon (desc)',
				},
				{
					displayName: 'Text Color',
					name: 'desc_color',
					type: 'options',
					default: 0,
					description: 'Color of the source name (desc_color)',
					options: [
						{ name: 'Grey', value: 0 },
						{ name: 'Black', value: 1 },
						{ name: 'Red', value: 2 },
						{ name: 'Green', value: 3 },
					],
					displayOptions: showForNested('sourceColor'),
				},
			],
		},
	],
};

const taskId: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	default: '',
	description:
		'Optional ID of the card, returned in callbacks (task_id): letters, digits, _, - and @. Left empty, the node generates one when the card needs it.',
};

/** The "Additional Blocks" collection; which blocks it offers depends on the variant and the card type. */
export function additionalBlocks(variant: CardVariant): INodeProperties {
	const options: INodeProperties[] = [];
	if (variant !== 'robot') options.push(actionMenu);
	options.push(emphasisContent, quoteArea, source);
	if (variant === 'send') options.push(taskId);
	return {
		displayName: 'Additional Blocks',
		name: 'additionalBlocks',
		type: 'collection',
		placeholder: 'Add Block',
		default: {},
		description: 'Optional parts of the card',
		options,
	};
}
