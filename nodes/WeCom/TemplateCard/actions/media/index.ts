import type { INodeProperties } from 'n8n-workflow';

import type { Operations } from '../node.type';
import * as uploadFile from './uploadFile.operation';
import * as uploadImage from './uploadImage.operation';

export const operations: Operations<'media'> = { uploadImage, uploadFile };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Upload File',
				value: 'uploadFile',
				action: 'Upload a file as temporary media',
				description: 'Upload a file, image, voice or video from a binary field; get a media_id valid for 3 days',
			},
			{
				name: 'Upload Image',
				value: 'uploadImage',
				action: 'Upload an image for a permanent URL',
				description: 'Upload a JPG or PNG from a binary field; get a permanent image URL for cards',
			},
		],
		default: 'uploadImage',
	},
	...uploadImage.description,
	...uploadFile.description,
];
