/**
 * WeCom's upload rules, read by the node (checked before anything is sent) and by the sandbox
 * (what it refuses): one source of truth.
 * - media/upload (临时素材): https://developer.work.weixin.qq.com/document/path/90253
 * - media/uploadimg (permanent image URL): https://developer.work.weixin.qq.com/document/path/90256
 * - group robot webhook/upload_media: https://developer.work.weixin.qq.com/document/path/99110
 */
import { HORIZONTAL_TYPE } from './card/enums';

const MB = 1024 * 1024;

/** Every upload: 所有文件size必须大于5个字节. */
export const MEDIA_MIN_BYTES_EXCLUSIVE = 5;

/** A media_id (app or robot) is valid for 3 days after the upload. */
export const MEDIA_ID_LIFETIME_MS = 3 * 24 * 3600 * 1000;

/** The multipart part WeCom reads the file from. */
export const MEDIA_PART_NAME = 'media';

export interface MediaRule {
	maxBytes: number;
	/** Accepted file name extensions (lower case); undefined: any file. */
	extensions?: readonly string[];
	/** How the accepted formats are named in messages. */
	formats: string;
}

/** media/upload `type`: image 10 MB JPG/PNG, voice 2 MB AMR, video 10 MB MP4, file 20 MB. */
export const APP_MEDIA_RULES = {
	image: { maxBytes: 10 * MB, extensions: ['jpg', 'jpeg', 'png'], formats: 'JPG or PNG' },
	voice: { maxBytes: 2 * MB, extensions: ['amr'], formats: 'AMR' },
	video: { maxBytes: 10 * MB, extensions: ['mp4'], formats: 'MP4' },
	file: { maxBytes: 20 * MB, formats: 'any format' },
} as const satisfies Record<string, MediaRule>;

export type AppMediaType = keyof typeof APP_MEDIA_RULES;

/** media/uploadimg: 5 B – 2 MB, JPG/PNG; the answer is a permanent URL. */
export const UPLOAD_IMAGE_RULE: MediaRule = {
	maxBytes: 2 * MB,
	extensions: ['jpg', 'jpeg', 'png'],
	formats: 'JPG or PNG',
};

/** media/uploadimg: 每个企业每天最多可上传1000张图片 (and 3000 a month). */
export const UPLOAD_IMAGES_PER_DAY = 1000;

/** webhook/upload_media `type`: file 20 MB, voice 2 MB AMR. */
export const ROBOT_MEDIA_RULES = {
	file: APP_MEDIA_RULES.file,
	voice: APP_MEDIA_RULES.voice,
} as const satisfies Record<string, MediaRule>;

export type RobotMediaType = keyof typeof ROBOT_MEDIA_RULES;

/** What is known of a file before it is sent. */
export interface MediaFile {
	fileName: string;
	size: number;
}

/** Why WeCom would refuse the file, by the rule it breaks. */
export type MediaProblem =
	| { kind: 'empty' }
	| { kind: 'tooSmall' }
	| { kind: 'tooLarge'; maxBytes: number }
	| { kind: 'format'; formats: string };

export function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The first rule the file breaks, or undefined when WeCom takes it. */
export function mediaProblem(rule: MediaRule, file: MediaFile): MediaProblem | undefined {
	if (file.size === 0) return { kind: 'empty' };
	if (file.size <= MEDIA_MIN_BYTES_EXCLUSIVE) return { kind: 'tooSmall' };
	if (file.size > rule.maxBytes) return { kind: 'tooLarge', maxBytes: rule.maxBytes };
	if (rule.extensions && !rule.extensions.includes(extensionOf(file.fileName))) {
		return { kind: 'format', formats: rule.formats };
	}
	return undefined;
}

/** A limit as WeCom states it: "2 MB". */
export function formatLimit(bytes: number): string {
	return bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`;
}

const exactBytes = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;

/** The problem in words, e.g. "is 2,097,153 bytes, larger than the 2 MB (2,097,152 bytes) WeCom accepts". */
export function describeMediaProblem(problem: MediaProblem, file: MediaFile): string {
	switch (problem.kind) {
		case 'empty':
			return 'is empty';
		case 'tooSmall':
			return `is ${file.size} bytes; WeCom needs more than ${MEDIA_MIN_BYTES_EXCLUSIVE} bytes`;
		case 'tooLarge':
			return `is ${exactBytes(file.size)}, larger than the ${formatLimit(problem.maxBytes)} (${exactBytes(problem.maxBytes)}) WeCom accepts`;
		case 'format':
			return `("${file.fileName}") is not ${problem.formats}, the format WeCom accepts here`;
	}
}

/**
 * The upload `type` a template card's attachment row (horizontal_content_list type 2, 下载附件)
 * takes. The app page (https://developer.work.weixin.qq.com/document/path/90236) names the row
 * 文件附件 with `media_id` "附件的media_id" and `value` the file's name with its extension; the
 * robot page (/99110) points the same field at the 文件上传接口. Neither names an image, voice or
 * video media_id for it, so only a `type=file` upload is sent; WeCom's answer for any other
 * media_id is 40007 不合法的media_id (https://developer.work.weixin.qq.com/document/path/90313).
 */
export const ATTACHMENT_MEDIA_TYPE = 'file';

/** An attachment row's media_id and where it stands in the card. */
export interface AttachmentMediaRef {
	/** e.g. `horizontal_content_list[1].media_id`. */
	path: string;
	mediaId: string;
}

/** The media_ids of a card's attachment rows, with their paths. */
export function attachmentMediaRefs(card: unknown): AttachmentMediaRef[] {
	const rows = (card as { horizontal_content_list?: unknown } | null)?.horizontal_content_list;
	if (!Array.isArray(rows)) return [];
	return rows.flatMap((row: unknown, index) => {
		const { type, media_id: mediaId } = (row ?? {}) as { type?: unknown; media_id?: unknown };
		return type === HORIZONTAL_TYPE.attachment && typeof mediaId === 'string'
			? [{ path: `horizontal_content_list[${index}].media_id`, mediaId }]
			: [];
	});
}
