/**
 * WeCom's upload APIs:
 * - POST /cgi-bin/media/upload?access_token=&type= (https://developer.work.weixin.qq.com/document/path/90253)
 * - POST /cgi-bin/media/uploadimg?access_token= (https://developer.work.weixin.qq.com/document/path/90256)
 * - POST /cgi-bin/webhook/upload_media?key=&type= (https://developer.work.weixin.qq.com/document/path/99110)
 * Errcodes as WeCom's global list names them (https://developer.work.weixin.qq.com/document/path/90313).
 */
import type { ServerResponse } from 'node:http';

import {
	APP_MEDIA_RULES,
	MEDIA_PART_NAME,
	ROBOT_MEDIA_RULES,
	UPLOAD_IMAGE_RULE,
	mediaProblem,
	type MediaProblem,
	type MediaRule,
} from '../../nodes/WeCom/shared/media';
import { reject, wecomOk } from '../errmsg';
import { MAX_BODY_BYTES, sendJson } from '../http';
import { authenticate, requirePost } from '../routes/common';
import type { WecomRequest, WecomRoute } from '../routes/common';
import type { SandboxState } from '../state';
import { parseMultipart, type FormPart } from './multipart';
import type { MediaOwner } from './store';

/** Where uploaded images are served (uploadimg answers a permanent URL). */
const UPLOADED_IMAGE_PREFIX = '/sandbox-media/image/';

/** Room for the largest upload WeCom takes (20 MB) and its multipart framing. */
const UPLOAD_BODY_MAX_BYTES = Math.max(...Object.values(APP_MEDIA_RULES).map((rule) => rule.maxBytes)) + 64 * 1024;

const UPLOAD_PATHS = new Set(['/cgi-bin/media/upload', '/cgi-bin/media/uploadimg', '/cgi-bin/webhook/upload_media']);

export function maxBodyBytes(path: string): number {
	return UPLOAD_PATHS.has(path) ? UPLOAD_BODY_MAX_BYTES : MAX_BODY_BYTES;
}

/** 40004 不合法的媒体文件类型, 40006 不合法的文件大小, 45001 多媒体文件大小超过限制, 44001 多媒体文件为空. */
const UPLOAD_ERRCODES: Record<MediaProblem['kind'], number> = {
	empty: 44001,
	tooSmall: 40006,
	tooLarge: 45001,
	format: 40004,
};

/** The `media` part, checked against the rule; throws WeCom's errcode for a bad one. */
function uploadedFile(req: WecomRequest, rule: MediaRule, formatErrcode = UPLOAD_ERRCODES.format): FormPart {
	if (req.body.tooLarge) reject(UPLOAD_ERRCODES.tooLarge);
	const part = parseMultipart(req.body.contentType, req.body.bytes)?.find((p) => p.name === MEDIA_PART_NAME);
	if (!part || part.fileName === undefined) reject(UPLOAD_ERRCODES.empty);
	const problem = mediaProblem(rule, { fileName: part.fileName, size: part.data.length });
	if (problem) reject(problem.kind === 'format' ? formatErrcode : UPLOAD_ERRCODES[problem.kind]);
	return part;
}

/** 40005 不合法的type参数. */
function mediaType<T extends string>(req: WecomRequest, rules: Record<T, MediaRule>): T {
	const type = req.query.get('type') ?? '';
	if (!Object.hasOwn(rules, type)) reject(40005);
	return type as T;
}

/** 301017: voice uploads are AMR only. */
const formatErrcodeFor = (type: string) => (type === 'voice' ? 301017 : UPLOAD_ERRCODES.format);

/** Keeps the upload for its owner and answers its media_id (created_at: a string of seconds). */
function storeMedia(state: SandboxState, type: string, part: FormPart, owner: MediaOwner) {
	const stored = state.media.addMedia({
		type,
		fileName: part.fileName ?? '',
		contentType: part.contentType ?? 'application/octet-stream',
		data: Buffer.from(part.data),
		createdAt: state.now(),
		owner,
	});
	return wecomOk({
		type: stored.type,
		media_id: stored.mediaId,
		created_at: String(Math.floor(stored.createdAt / 1000)),
	});
}

const mediaUpload: WecomRoute = (req, state) => {
	requirePost(req);
	const context = authenticate(req, state);
	const type = mediaType(req, APP_MEDIA_RULES);
	const part = uploadedFile(req, APP_MEDIA_RULES[type], formatErrcodeFor(type));
	return storeMedia(state, type, part, { corpId: context.corp.corp.corpId });
};

/** Invalid size on uploadimg: 40009 上传图片大小不是有效值. */
const mediaUploadImg: WecomRoute = (req, state) => {
	requirePost(req);
	const context = authenticate(req, state);
	let part: FormPart;
	try {
		part = uploadedFile(req, UPLOAD_IMAGE_RULE);
	} catch (error) {
		const errcode = (error as { errcode?: number }).errcode;
		if (errcode === UPLOAD_ERRCODES.tooSmall || errcode === UPLOAD_ERRCODES.tooLarge) reject(40009);
		throw error;
	}
	if (!state.media.admitImage(context.corp.corp.corpId, state.now())) reject(45009);
	const id = state.media.addImage({
		fileName: part.fileName ?? '',
		contentType: part.contentType === 'image/png' ? 'image/png' : 'image/jpeg',
		data: Buffer.from(part.data),
	});
	return wecomOk({ url: `http://${req.host ?? '127.0.0.1'}${UPLOADED_IMAGE_PREFIX}${id}` });
};

/** The robot's own upload; its media_id serves that robot only. */
const robotUploadMedia: WecomRoute = (req, state) => {
	requirePost(req);
	const key = req.query.get('key');
	if (!key || !state.robots.has(key)) reject(93000);
	const type = mediaType(req, ROBOT_MEDIA_RULES);
	const part = uploadedFile(req, ROBOT_MEDIA_RULES[type], formatErrcodeFor(type));
	return storeMedia(state, type, part, { robotKey: key });
};

export const MEDIA_ROUTES: ReadonlyArray<[string, WecomRoute]> = [
	['/cgi-bin/media/upload', mediaUpload],
	['/cgi-bin/media/uploadimg', mediaUploadImg],
	['/cgi-bin/webhook/upload_media', robotUploadMedia],
];

export function isUploadedImagePath(path: string): boolean {
	return path.startsWith(UPLOADED_IMAGE_PREFIX);
}

export function serveUploadedImage(path: string, state: SandboxState, res: ServerResponse): void {
	const image = state.media.image(path.slice(UPLOADED_IMAGE_PREFIX.length));
	if (!image) return sendJson(res, 404, { error: 'no such image' });
	res.writeHead(200, { 'Content-Type': image.contentType, 'Content-Length': image.data.length });
	res.end(image.data);
}
