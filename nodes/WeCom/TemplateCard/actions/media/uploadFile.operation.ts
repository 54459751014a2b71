import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { APP_MEDIA_RULES, MEDIA_ID_LIFETIME_MS, type AppMediaType } from '../../../shared/media';
import { optionsCollection, retryOptions } from '../../descriptions/options';
import { readBinaryFile } from '../../helpers/binaryFile';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { nodeParameter } from '../../helpers/parameters';
import { appMediaOwner, rememberUpload } from '../../helpers/uploadedMedia';
import { uploadAppMedia } from '../../transport/media';
import { showFor } from '../node.type';
import { BINARY_FIELD_LABEL, binaryPropertyField } from './binaryField';
import { mediaIdOutput } from './mediaIdOutput';

const properties: INodeProperties[] = [
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: [
			{ name: 'File', value: 'file', description: 'Any file, at most 20 MB (e.g. a card attachment)' },
			{ name: 'Image', value: 'image', description: 'JPG or PNG, at most 10 MB' },
			{ name: 'Video', value: 'video', description: 'MP4, at most 10 MB' },
			{ name: 'Voice', value: 'voice', description: 'AMR, at most 2 MB and 60 seconds' },
		],
		default: 'file',
	},
	{
		...binaryPropertyField,
		description:
			'The file to upload (media/upload). WeCom answers a media_id valid for 3 days, e.g. for a key/value row of type attachment.',
	},
	optionsCollection(
		retryOptions({
			requestTimeoutMs: 'How long to wait for WeCom. A timed-out upload is sent again when attempts are left.',
		}),
	),
];

export const description = updateDisplayOptions(showFor('media', 'uploadFile'), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = String(nodeParameter(this, 'mediaType', itemIndex, 'file'));
	if (!Object.hasOwn(APP_MEDIA_RULES, type)) {
		throw new NodeOperationError(this.getNode(), `Media Type "${type}" is not image, voice, video or file`, {
			itemIndex,
		});
	}
	const rule = APP_MEDIA_RULES[type as AppMediaType];
	const property = String(nodeParameter(this, 'binaryPropertyName', itemIndex, 'data'));
	const file = await readBinaryFile(this, itemIndex, BINARY_FIELD_LABEL, property, rule);
	// An upload repeated after a timeout only leaves an unused media_id behind.
	const retry = retryPolicyFrom(readOptions<RetryOptionValues>(this, itemIndex), true);
	const startedAtMs = Date.now();
	const { response, attempts } = await uploadAppMedia(this, itemIndex, type as AppMediaType, file, retry);
	rememberUpload(await appMediaOwner(this, itemIndex), response.media_id, type as AppMediaType);
	return {
		...mediaIdOutput(this, itemIndex, { response, startedAtMs, api: 'media/upload' }, MEDIA_ID_LIFETIME_MS),
		fileName: file.fileName,
		size: file.data.length,
		attempts,
	};
}
