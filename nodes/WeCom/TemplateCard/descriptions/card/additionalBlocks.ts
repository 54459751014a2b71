import type { INodeProperties } from 'n8n-workflow';

import { linkTargetFields, linkTypeOptions } from '../linkFields';
import { collectionField, textField } from './fieldBuilders';
import { showForNested, type CardVariant } from './layout';

/*
 * Optional blocks, grouped in one collection so the form stays short. Each block is a
 * single-entry fixedCollection whose default already holds the entry, so picking it from
 * "Add Block" shows its fields at once (the pattern of the HTTP Request node's options).
 */

const actionMenu: INodeProperties = collectionField(
	{
		displayName: 'Action Menu',
		name: 'actionMenu',
		default: { menu: {} },
		description:
			'Menu behind the "..." at the top right (action_menu). A card with a menu calls the app back and needs a task ID.',
		displayOptions: showForNested('actionMenu'),
	},
	{ name: 'menu' },
	[
		textField('Menu Description', 'desc', 'Text at the top of the menu (desc)'),
		collectionField(
			{
				displayName: 'Menu Items',
				name: 'action_list',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Menu Item',
				description: 'Entries of the menu (action_list), one to three',
			},
			{ name: 'actions', displayName: 'Menu Item' },
			[
				textField('Text', 'text', 'Label of the entry (text)'),
				textField('Key', 'key', 'Returned in the callback as EventKey (key)'),
			],
		),
	],
);

const emphasisContent: INodeProperties = collectionField(
	{
		displayName: 'Emphasis Content',
		name: 'emphasisContent',
		default: { content: {} },
		description: 'A large highlighted figure with a caption (emphasis_content)',
		displayOptions: showForNested('emphasisContent'),
	},
	{ name: 'content' },
	[
		textField('Title', 'title', 'The highlighted text (title)', { placeholder: '100' }),
		textField('Description', 'desc', 'Caption under the highlighted text (desc)'),
	],
);

const quoteArea: INodeProperties = collectionField(
	{
		displayName: 'Quote Area',
		name: 'quoteArea',
		default: { quote: {} },
		description: 'A quoted passage, optionally clickable (quote_area)',
		displayOptions: showForNested('quoteArea'),
	},
	{ name: 'quote' },
	[
		textField('Title', 'title', 'Title of the quote (title)'),
		textField('Quote Text', 'quote_text', 'The quoted text (quote_text)', { typeOptions: { rows: 2 } }),
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
);

const source: INodeProperties = collectionField(
	{
		displayName: 'Source',
		name: 'source',
		default: { source: {} },
		description: 'Icon and name of the sender at the top of the card (source)',
	},
	{ name: 'source' },
	[
		textField('Icon URL', 'icon_url', 'Address of the source icon (icon_url)', {
			placeholder: 'https://example.com/icon.png',
		}),
		textField('Text', 'desc', 'Source name next to the icon (desc)'),
		{
			displayName: 'Text Color',
			name: 'desc_color',
			type: 'options',
			default: 0,
			description: 'Color of the source name (desc_color)',
			options: ['Grey', 'Black', 'Red', 'Green'].map((name, value) => ({ name, value })),
			displayOptions: showForNested('sourceColor'),
		},
	],
);

const taskId = textField(
	'Task ID',
	'taskId',
	'Optional ID of the card, returned in callbacks (task_id): letters, digits, _, - and @. Left empty, the node generates one when the card needs it.',
);

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
