import { ATTACHMENT_MEDIA_TYPE, attachmentMediaRefs } from '../../nodes/WeCom/shared/media';
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

/**
 * A checked card's attachment rows (horizontal_content_list type 2): usable media_ids, each of a
 * `type=file` upload (an image, voice or video media_id: 40007 too).
 */
export function requireAttachmentMedia(state: SandboxState, card: Record<string, unknown>, caller: MediaOwner): void {
	for (const { mediaId } of attachmentMediaRefs(card)) {
		const stored = state.media.findMedia(mediaId, caller, state.now());
		if (!stored || stored.type !== ATTACHMENT_MEDIA_TYPE) reject(40007);
	}
}
