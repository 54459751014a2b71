import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { APP_MEDIA_RULES, ROBOT_MEDIA_RULES, UPLOAD_IMAGE_RULE } from '../../shared/media';
import type { CardVariant } from '../descriptions/card/layout';
import { uploadAppMedia, uploadImage, uploadRobotMedia } from '../transport/media';
import type { MultipartFile } from '../transport/multipart';
import type { RetryPolicy } from '../transport/retry';
import { answerText } from './answerText';
import { readBinaryFile } from './binaryFile';
import { binaryFieldOfFile, binaryFieldOfImage } from './cardForm/binaryMedia';

/** A card field whose value comes from an input binary field. */
interface BinaryTarget {
	/** The form's label, for errors. */
	field: string;
	property: string;
	kind: 'image' | 'file';
	holder: IDataObject;
	key: string;
}

function binaryTargets(card: IDataObject): BinaryTarget[] {
	const targets: BinaryTarget[] = [];
	const image = (holder: unknown, key: string, field: string) => {
		const property = binaryFieldOfImage((holder as IDataObject | undefined)?.[key]);
		if (property !== undefined) targets.push({ field, property, kind: 'image', holder: holder as IDataObject, key });
	};
	image(card.card_image, 'url', 'Card Image › Image From Binary Field');
	image(card.image_text_area, 'image_url', 'Image Text Area › Image From Binary Field');
	const rows = Array.isArray(card.horizontal_content_list) ? (card.horizontal_content_list as IDataObject[]) : [];
	rows.forEach((row, index) => {
		const property = binaryFieldOfFile(row.media_id);
		if (property !== undefined) {
			const field = `Key/Value Rows[${index + 1}] › File From Binary Field`;
			targets.push({ field, property, kind: 'file', holder: row, key: 'media_id' });
		}
	});
	return targets;
}

/**
 * Uploads the files a card from the form takes from binary fields and puts WeCom's answer in
 * their place: images through media/uploadimg (a permanent URL), attachments through media/upload
 * or, on a group robot card, the robot's own upload (a robot may only send its own media_id).
 * Every file is checked first: a file WeCom would refuse stops the item before any upload.
 */
export async function uploadCardMedia(
	ctx: IExecuteFunctions,
	itemIndex: number,
	card: IDataObject,
	variant: CardVariant,
	retry: RetryPolicy,
): Promise<IDataObject> {
	const targets = binaryTargets(card);
	if (!targets.length) return card;
	const files = new Map<string, MultipartFile>();
	for (const target of targets) {
		if (target.kind === 'image' && variant === 'robot') {
			throw new NodeOperationError(ctx.getNode(), `${target.field}: a group robot cannot upload images`, {
				itemIndex,
				description:
					"WeCom's image upload (media/uploadimg) needs an app's access token. Upload the image with Media › Upload Image (WeCom API credential) and use its URL.",
			});
		}
		const id = `${target.kind}\n${target.property}`;
		if (files.has(id)) continue;
		const rule =
			target.kind === 'image' ? UPLOAD_IMAGE_RULE : variant === 'robot' ? ROBOT_MEDIA_RULES.file : APP_MEDIA_RULES.file;
		files.set(id, await readBinaryFile(ctx, itemIndex, target.field, target.property, rule));
	}
	// An upload repeated after a timeout only leaves an unused copy behind.
	const uploadRetry = { ...retry, retryAmbiguous: true };
	const uploaded = new Map<string, IDataObject[string]>();
	for (const [id, file] of files) {
		// A card is never sent with an image or attachment the upload did not give.
		if (id.startsWith('image\n')) {
			const { response } = await uploadImage(ctx, itemIndex, file, uploadRetry);
			uploaded.set(id, answerText(ctx, itemIndex, response, 'url', 'media/uploadimg'));
		} else if (variant === 'robot') {
			const { response } = await uploadRobotMedia(ctx, itemIndex, 'file', file, uploadRetry);
			uploaded.set(id, answerText(ctx, itemIndex, response, 'media_id', 'webhook/upload_media'));
		} else {
			const { response } = await uploadAppMedia(ctx, itemIndex, 'file', file, uploadRetry);
			uploaded.set(id, answerText(ctx, itemIndex, response, 'media_id', 'media/upload'));
		}
	}
	for (const target of targets) target.holder[target.key] = uploaded.get(`${target.kind}\n${target.property}`);
	return card;
}
