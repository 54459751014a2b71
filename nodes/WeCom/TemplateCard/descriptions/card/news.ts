import type { INodeProperties } from 'n8n-workflow';

import { linkTargetFields, linkTypeOptions } from '../linkFields';
import { showFor } from './layout';

/** Large image of a news card (card_image). */
export const cardImage: INodeProperties = {
	displayName: 'Card Image',
	name: 'cardImage',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Card Image',
	description: 'Large image across the card (card_image)',
	displayOptions: showFor('newsImages'),
	options: [
		{
			displayName: 'Card Image',
			name: 'image',
			values: [
				{
					displayName: 'Image URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/image.png',
					description: 'Address of the image',
				},
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
		},
	],
};

/** Image on the left, text on the right (image_text_area). */
export const imageTextArea: INodeProperties = {
	displayName: 'Image Text Area',
	name: 'imageTextArea',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Image Text Area',
	description: 'A small image on the left with a title and text on the right (image_text_area)',
	displayOptions: showFor('newsImages'),
	options: [
		{
			displayName: 'Image Text Area',
			name: 'area',
			values: [
				{
					displayName: 'Image URL',
					name: 'image_url',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/image.png',
					description: 'Address of the image on the left (image_url)',
				},
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'Title on the right (title)',
				},
				{
					displayName: 'Description',
					name: 'desc',
					type: 'string',
					default: '',
					description: 'Text under the title (desc)',
				},
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
		},
	],
};
