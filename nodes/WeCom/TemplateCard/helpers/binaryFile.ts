import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeMediaProblem, extensionOf, formatLimit, mediaProblem, type MediaRule } from '../../shared/media';
import type { MultipartFile } from '../transport/multipart';

/** Extensions for binary data that carries a MIME type but no file name (a download, a screenshot). */
const EXTENSION_OF_MIME: Readonly<Record<string, string>> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'audio/amr': 'amr',
	'video/mp4': 'mp4',
};

function fileNameOf(propertyName: string, fileName: string | undefined, extension: string | undefined, mime: string) {
	const name = fileName?.trim() || propertyName;
	const known = extension?.trim() || EXTENSION_OF_MIME[mime.toLowerCase()];
	return extensionOf(name) === '' && known ? `${name}.${known}` : name;
}

/** The file's size as n8n stored it: its metadata when kept outside the item, else the base64's. */
async function storedSize(ctx: IExecuteFunctions, binary: IBinaryData): Promise<number> {
	if (binary.id) return (await ctx.helpers.getBinaryMetadata(binary.id)).fileSize;
	const base64 = binary.data ?? '';
	const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
	return Math.floor((base64.length * 3) / 4) - padding;
}

/**
 * The file in the item's binary property, checked against WeCom's rule for where it goes, before
 * anything is sent. Errors name the form field (`field`) and the property.
 */
export async function readBinaryFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	propertyName: string,
	rule: MediaRule,
): Promise<MultipartFile> {
	const property = propertyName.trim();
	if (!property) throw new NodeOperationError(ctx.getNode(), `${field} is empty`, { itemIndex });
	const binary = ctx.getInputData()[itemIndex]?.binary?.[property];
	if (!binary) {
		const available = Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
		throw new NodeOperationError(ctx.getNode(), `${field}: the input item has no binary property "${property}"`, {
			itemIndex,
			description: available.length
				? `Binary properties of this item: ${available.join(', ')}`
				: 'This item has no binary data. Read the file first (Read/Write Files from Disk, HTTP Request with the response as a file, ...).',
		});
	}
	const mimeType = binary.mimeType || 'application/octet-stream';
	const fileName = fileNameOf(property, binary.fileName, binary.fileExtension, mimeType);
	const refuseIfWrong = (size: number) => {
		const problem = mediaProblem(rule, { fileName, size });
		if (!problem) return;
		throw new NodeOperationError(
			ctx.getNode(),
			`${field}: the file in "${property}" ${describeMediaProblem(problem, { fileName, size })}`,
			{
				itemIndex,
				description: `Nothing was sent. WeCom accepts ${rule.formats} here, more than 5 bytes and at most ${formatLimit(rule.maxBytes)}.`,
			},
		);
	};
	// Checked before reading: in n8n's filesystem or S3 binary mode, a file of gigabytes would
	// otherwise be read into memory only to be refused.
	refuseIfWrong(await storedSize(ctx, binary));
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	refuseIfWrong(data.length);
	const file = { fileName, mimeType, data };
	return file;
}
