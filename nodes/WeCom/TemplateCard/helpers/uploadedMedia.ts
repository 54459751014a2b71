import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeErrcode, ERRCODE } from '../../shared/errorCodes';
import { ATTACHMENT_MEDIA_TYPE, attachmentMediaRefs } from '../../shared/media';

/**
 * The `type` of media_ids this n8n process uploaded. A media_id says nothing of its type, so
 * only these are checked before a card is sent (an upload and the card of the same execution
 * always run in one process); others are left to WeCom. Bounded: the oldest are forgotten.
 */
const UPLOADED_TYPES_MAX = 10_000;
const uploadedTypes = new Map<string, string>();

export function rememberUpload(response: IDataObject): void {
	const { media_id: mediaId, type } = response;
	if (typeof mediaId !== 'string' || typeof type !== 'string') return;
	uploadedTypes.delete(mediaId);
	uploadedTypes.set(mediaId, type);
	if (uploadedTypes.size > UPLOADED_TYPES_MAX) uploadedTypes.delete(uploadedTypes.keys().next().value as string);
}

/**
 * Refuses a card whose attachment row holds a media_id this process uploaded with another type
 * than `file`: WeCom would answer 40007, so nothing is sent.
 */
export function refuseNonFileAttachments(ctx: IExecuteFunctions, itemIndex: number, card: IDataObject): void {
	for (const { path, mediaId } of attachmentMediaRefs(card)) {
		const type = uploadedTypes.get(mediaId);
		if (type === undefined || type === ATTACHMENT_MEDIA_TYPE) continue;
		const { meaning } = describeErrcode(ERRCODE.invalidMediaId);
		const error = new NodeOperationError(
			ctx.getNode(),
			`template_card.${path}: the media_id of an upload of type ${type}; an attachment row takes a file (WeCom errcode ${ERRCODE.invalidMediaId}: ${meaning})`,
			{
				itemIndex,
				description: `Nothing was sent. Upload it with type file (Media › Upload File, Media Type: File; a group robot: Upload Media, Media Type: File) and use that media_id.`,
			},
		);
		Object.assign(error, { errcode: ERRCODE.invalidMediaId });
		error.context.errcode = ERRCODE.invalidMediaId;
		throw error;
	}
}
