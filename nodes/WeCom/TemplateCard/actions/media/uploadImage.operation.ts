import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { UPLOAD_IMAGE_RULE } from '../../../shared/media';
import { optionsCollection, retryOptions } from '../../descriptions/options';
import { readBinaryFile } from '../../helpers/binaryFile';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { nodeParameter } from '../../helpers/parameters';
import { uploadImage } from '../../transport/media';
import { showFor } from '../node.type';
import { answerText } from '../../helpers/answerText';
import { BINARY_FIELD_LABEL, binaryPropertyField } from './binaryField';

const properties: INodeProperties[] = [
	{
		...binaryPropertyField,
		description:
			'A JPG or PNG image, more than 5 bytes and at most 2 MB. WeCom answers a permanent URL (media/uploadimg), usable as a card image.',
	},
	optionsCollection(
		retryOptions({
			requestTimeoutMs: 'How long to wait for WeCom. A timed-out upload is sent again when attempts are left.',
		}),
	),
];

export const description = updateDisplayOptions(showFor('media', 'uploadImage'), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const property = String(nodeParameter(this, 'binaryPropertyName', itemIndex, 'data'));
	const file = await readBinaryFile(this, itemIndex, BINARY_FIELD_LABEL, property, UPLOAD_IMAGE_RULE);
	// An upload repeated after a timeout only costs one more image of the daily quota.
	const retry = retryPolicyFrom(readOptions<RetryOptionValues>(this, itemIndex), true);
	const { response, attempts } = await uploadImage(this, itemIndex, file, retry);
	const url = answerText(this, itemIndex, response, 'url', 'media/uploadimg');
	return { url, fileName: file.fileName, size: file.data.length, attempts };
}
