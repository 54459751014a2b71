import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { weComBaseUrl } from '../../shared/apiOrigin';
import { describeErrcode, ERRCODE } from '../../shared/errorCodes';
import { ATTACHMENT_MEDIA_TYPE, attachmentMediaRefs, type AppMediaType, type RobotMediaType } from '../../shared/media';
import { appCredentials } from '../transport/context';
import type { Robot } from '../transport/robot';

/**
 * The `type` of media_ids this n8n process uploaded. A media_id says nothing of its type, so
 * only these are checked before a card is sent (an upload and the card of the same execution
 * always run in one process); others are left to WeCom. Bounded: the oldest are forgotten.
 *
 * A media_id is WeCom's per corp (an app upload serves the corp's apps) or per robot (/99110), so
 * an entry names whose it is: the same id string from another corp, server or robot is another
 * media. Entries are hashes of fixed size and types the node asked for, so an answer with a huge
 * media_id or type costs no more memory than a real one.
 */
const UPLOADED_TYPES_MAX = 10_000;
const uploadedTypes = new Map<string, AppMediaType | RobotMediaType>();

/** Whose media_ids an upload or a card uses: one corp's apps on one server, or one robot. */
export type MediaOwner = { kind: 'app'; baseUrl: string; corpId: string } | { kind: 'robot'; robotId: string };

/** The owner of the app credential's uploads: its corp on its server (the secret is no part of it). */
export async function appMediaOwner(ctx: IExecuteFunctions, itemIndex: number): Promise<MediaOwner> {
	const credentials = await appCredentials(ctx, itemIndex);
	return { kind: 'app', baseUrl: weComBaseUrl(credentials), corpId: String(credentials.corpId ?? '') };
}

/** The owner of a robot's uploads: the robot (its id is a hash; the key is no part of it). */
export const robotMediaOwner = (robot: Pick<Robot, 'id'>): MediaOwner => ({ kind: 'robot', robotId: robot.id });

function entryKey(owner: MediaOwner, mediaId: string): string {
	const who = owner.kind === 'app' ? ['app', owner.baseUrl, owner.corpId] : ['robot', owner.robotId];
	return createHash('sha256')
		.update(JSON.stringify([...who, mediaId]))
		.digest('base64');
}

/** Remembers the type the node uploaded `mediaId` as (WeCom's answer), for its owner. */
export function rememberUpload(owner: MediaOwner, mediaId: unknown, type: AppMediaType | RobotMediaType): void {
	if (typeof mediaId !== 'string' || mediaId === '') return;
	const key = entryKey(owner, mediaId);
	uploadedTypes.delete(key);
	uploadedTypes.set(key, type);
	if (uploadedTypes.size > UPLOADED_TYPES_MAX) uploadedTypes.delete(uploadedTypes.keys().next().value as string);
}

/**
 * Refuses a card whose attachment row holds a media_id this process uploaded for the same owner
 * with another type than `file`: WeCom would answer 40007, so nothing is sent.
 */
export function refuseNonFileAttachments(
	ctx: IExecuteFunctions,
	itemIndex: number,
	card: IDataObject,
	owner: MediaOwner,
): void {
	for (const { path, mediaId } of attachmentMediaRefs(card)) {
		const type = uploadedTypes.get(entryKey(owner, mediaId));
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
