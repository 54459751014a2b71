import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { MEDIA_ID_LIFETIME_MS, ROBOT_MEDIA_RULES, type RobotMediaType } from '../../../shared/media';
import { optionsCollection, retryOptions } from '../../descriptions/options';
import { readBinaryFile } from '../../helpers/binaryFile';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { nodeParameter } from '../../helpers/parameters';
import { rememberUpload, robotMediaOwner } from '../../helpers/uploadedMedia';
import { uploadRobotMedia } from '../../transport/media';
import { BINARY_FIELD_LABEL, binaryPropertyField } from '../media/binaryField';
import { mediaIdOutput } from '../media/mediaIdOutput';
import { showFor } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		options: [
			{ name: 'File', value: 'file', description: 'Any file, at most 20 MB' },
			{ name: 'Voice', value: 'voice', description: 'AMR, at most 2 MB and 60 seconds' },
		],
		default: 'file',
	},
	{
		...binaryPropertyField,
		description:
			"The file to upload with the robot's webhook key (webhook/upload_media). The media_id is valid for 3 days and only this robot can send it.",
	},
	optionsCollection(
		retryOptions({
			requestTimeoutMs: 'How long to wait for WeCom. A timed-out upload is sent again when attempts are left.',
		}),
	),
];

export const description = updateDisplayOptions(showFor('robot', 'uploadMedia'), properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = String(nodeParameter(this, 'mediaType', itemIndex, 'file'));
	if (!Object.hasOwn(ROBOT_MEDIA_RULES, type)) {
		throw new NodeOperationError(this.getNode(), `Media Type "${type}" is not file or voice`, { itemIndex });
	}
	const property = String(nodeParameter(this, 'binaryPropertyName', itemIndex, 'data'));
	const file = await readBinaryFile(
		this,
		itemIndex,
		BINARY_FIELD_LABEL,
		property,
		ROBOT_MEDIA_RULES[type as RobotMediaType],
	);
	const retry = retryPolicyFrom(readOptions<RetryOptionValues>(this, itemIndex), true);
	const startedAtMs = Date.now();
	const { response, attempts, robotId } = await uploadRobotMedia(this, itemIndex, type as RobotMediaType, file, retry);
	rememberUpload(robotMediaOwner({ id: robotId }), response.media_id, type as RobotMediaType);
	return {
		...mediaIdOutput(this, itemIndex, { response, startedAtMs, api: 'webhook/upload_media' }, MEDIA_ID_LIFETIME_MS),
		fileName: file.fileName,
		size: file.data.length,
		attempts,
	};
}
