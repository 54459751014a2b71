import { randomBytes } from 'node:crypto';

import type { UploadedMedia } from '../types';
import { MEDIA_ID_LIFETIME_MS, UPLOAD_IMAGES_PER_DAY } from '../../nodes/WeCom/shared/media';

/** Who may use a media_id: an app upload is corp-wide, a robot upload only that robot's. */
export type MediaOwner = { corpId: string } | { robotKey: string };

export interface StoredMedia {
	mediaId: string;
	type: string;
	fileName: string;
	contentType: string;
	data: Buffer;
	createdAt: number;
	owner: MediaOwner;
}

export interface StoredImage {
	fileName: string;
	contentType: string;
	data: Buffer;
}

const DAY_MS = 24 * 3600 * 1000;

/** Uploaded media (valid 3 days) and uploaded images (permanent), as WeCom keeps them. */
export class MediaStore {
	private readonly media = new Map<string, StoredMedia>();
	private readonly images = new Map<string, StoredImage>();
	/** Images uploaded per corp and day ('corpId|day'). */
	private readonly imagesPerDay = new Map<string, number>();
	/**
	 * Files of submitted approvals: applyevent converts them to long-term storage on submit (
	 * https://developer.work.weixin.qq.com/document/path/91853) and getapprovaldetail's file_ids are
	 * fetched with media/get (/91983), so their 3 days no longer apply.
	 */
	private readonly approvalFiles = new Set<string>();

	addMedia(entry: Omit<StoredMedia, 'mediaId'>): StoredMedia {
		const stored = { ...entry, mediaId: `sandbox-media-${randomBytes(18).toString('base64url')}` };
		this.media.set(stored.mediaId, stored);
		return stored;
	}

	/** The media while its 3 days last, for the owner it was uploaded by. */
	findMedia(mediaId: string, owner: MediaOwner, now: number): StoredMedia | undefined {
		const stored = this.media.get(mediaId);
		if (!stored || now - stored.createdAt >= MEDIA_ID_LIFETIME_MS) return undefined;
		const sameOwner =
			'corpId' in owner
				? 'corpId' in stored.owner && stored.owner.corpId === owner.corpId
				: 'robotKey' in stored.owner && stored.owner.robotKey === owner.robotKey;
		return sameOwner ? stored : undefined;
	}

	/** An upload while its 3 days last, whoever owns it. */
	uploaded(mediaId: string, now: number): UploadedMedia | undefined {
		const stored = this.media.get(mediaId);
		if (!stored || now - stored.createdAt >= MEDIA_ID_LIFETIME_MS) return undefined;
		const { type, fileName, createdAt, owner } = stored;
		return { type, fileName, size: stored.data.length, createdAt, owner: { ...owner } };
	}

	/**
	 * Keeps for good the uploads among `mediaIds` attached to an approval submitted now in `corpId`:
	 * only that corp's own, and only while their 3 days last (an expired or foreign media_id was
	 * never converted, so it must not outlive its days through this approval).
	 */
	keepForApproval(mediaIds: Iterable<string>, corpId: string, now: number): void {
		for (const mediaId of mediaIds) {
			if (this.findMedia(mediaId, { corpId }, now)) this.approvalFiles.add(mediaId);
		}
	}

	/**
	 * What media/get serves a corp's apps: its uploads while their 3 days last (media_ids are shared
	 * corp-wide, https://developer.work.weixin.qq.com/document/path/90254), its approvals' files for good.
	 */
	download(mediaId: string, corpId: string, now: number): StoredMedia | undefined {
		const stored = this.media.get(mediaId);
		if (!stored || !('corpId' in stored.owner) || stored.owner.corpId !== corpId) return undefined;
		return this.approvalFiles.has(mediaId) ? stored : this.findMedia(mediaId, { corpId }, now);
	}

	/** Counts the image against the corp's daily quota; false when the quota is used up. */
	admitImage(corpId: string, now: number): boolean {
		const key = `${corpId}|${Math.floor(now / DAY_MS)}`;
		const count = this.imagesPerDay.get(key) ?? 0;
		if (count >= UPLOAD_IMAGES_PER_DAY) return false;
		this.imagesPerDay.set(key, count + 1);
		return true;
	}

	addImage(image: StoredImage): string {
		const id = `${randomBytes(12).toString('hex')}.${image.contentType === 'image/png' ? 'png' : 'jpg'}`;
		this.images.set(id, image);
		return id;
	}

	image(id: string): StoredImage | undefined {
		return this.images.get(id);
	}

	clear(): void {
		this.media.clear();
		this.images.clear();
		this.imagesPerDay.clear();
		this.approvalFiles.clear();
	}
}
