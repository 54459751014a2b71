import { HORIZONTAL_TYPE } from '../../nodes/WeCom/shared/card';
import { reject } from '../errmsg';
import type { SandboxState } from '../state';
import type { MediaOwner } from './store';

/**
 * 40007 不合法的media_id: one the sandbox never issued, one older than its 3 days, or one uploaded
 * by someone else than the caller (a group robot's media serve that robot only; an app's serve
 * its corp). https://developer.work.weixin.qq.com/document/path/90313, /99110
 */
export function requireUsableMedia(state: SandboxState, mediaIds: Iterable<string>, caller: MediaOwner): void {
	for (const mediaId of mediaIds) if (!state.media.findMedia(mediaId, caller, state.now())) reject(40007);
}

/** The media_ids of a checked card's attachment rows (horizontal_content_list type 2). */
export function attachmentMediaIds(card: Record<string, unknown>): string[] {
	const rows = Array.isArray(card.horizontal_content_list) ? (card.horizontal_content_list as unknown[]) : [];
	return rows.flatMap((row) => {
		const { type, media_id: mediaId } = (row ?? {}) as { type?: unknown; media_id?: unknown };
		return type === HORIZONTAL_TYPE.attachment && typeof mediaId === 'string' ? [mediaId] : [];
	});
}
