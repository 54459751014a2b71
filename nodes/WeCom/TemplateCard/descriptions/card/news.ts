import type { INodeProperties } from 'n8n-workflow';

import { linkTargetFields, linkTypeOptions } from '../linkFields';
import { collectionField, textField } from './fieldBuilders';
import { showFor } from './layout';

/** An image from the input item instead of a URL: uploaded (media/uploadimg) for its permanent URL. */
const imageBinaryField = textField(
	'Image From Binary Field',
	'imageBinaryField',
	'Used when Image URL is empty: the name of an input binary field holding a JPG or PNG (at most 2 MB). The node uploads it to WeCom (media/uploadimg) and uses its permanent URL. App messages only.',
	{ placeholder: 'data' },
);

/** Large image of a news card (card_image). */
export const cardImage: INodeProperties = collectionField(
	{
		displayName: 'Card Image',
		name: 'cardImage',
		default: {},
		placeholder: 'Add Card Image',
		description: 'Large image across the card (card_image)',
		displayOptions: showFor('newsImages'),
	},
	{ name: 'image' },
	[
		textField('Image URL', 'url', 'Address of the image', { placeholder: 'https://example.com/image.png' }),
		imageBinaryField,
		{
			displayName: 'Aspect Ratio',
			name: 'aspect_ratio',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			default: 0,
			description:
				"Width divided by height, from 1.3 to 2.25 (aspect_ratio). 0 leaves it out and WeCom's default (1.3) applies.",
		},
	],
);

/** Image on the left, text on the right (image_text_area). */
export const imageTextArea: INodeProperties = collectionField(
	{
		displayName: 'Image Text Area',
		name: 'imageTextArea',
		default: {},
		placeholder: 'Add Image Text Area',
		description: 'A small image on the left with a title and text on the right (image_text_area)',
		displayOptions: showFor('newsImages'),
	},
	{ name: 'area' },
	[
		textField('Image URL', 'image_url', 'Address of the image on the left (image_url)', {
			placeholder: 'https://example.com/image.png',
		}),
		imageBinaryField,
		textField('Title', 'title', 'Title on the right (title)'),
		textField('Description', 'desc', 'Text under the title (desc)'),
		{
			displayName: 'Opens',
			name: 'type',
			type: 'options',
			default: 0,
			description: 'What a tap on the area opens (type)',
			options: linkTypeOptions,
		},
		...linkTargetFields('type'),
	],
);
