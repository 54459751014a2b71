/**
 * GET /cgi-bin/media/get?access_token=&media_id= (获取临时素材,
 * https://developer.work.weixin.qq.com/document/path/90254): the file's bytes with its
 * Content-Type and `Content-disposition: attachment; filename="…"`; a JSON errcode otherwise
 * (40007 for a media_id never issued, past its 3 days, or not the corp's).
 */
import type { ServerResponse } from 'node:http';

import { reject, wecomOk, type WecomBody } from '../errmsg';
import { authenticate, type WecomRoute } from '../routes/common';

/** An answer that is a file, not JSON: kept under a symbol so it never reaches a JSON body. */
const FILE = Symbol('file');

interface FileAnswer {
	data: Buffer;
	contentType: string;
	fileName: string;
}

export const mediaGet: WecomRoute = (req, state) => {
	const context = authenticate(req, state);
	const mediaId = req.query.get('media_id') ?? '';
	const stored = state.media.download(mediaId, context.corp.corp.corpId, state.now());
	if (!stored) reject(40007);
	const file: FileAnswer = { data: stored.data, contentType: stored.contentType, fileName: stored.fileName };
	return Object.assign(wecomOk(), { [FILE]: file });
};

/** Sends the file of a media/get answer; false for any other answer. */
export function sendFileAnswer(res: ServerResponse, answer: WecomBody): boolean {
	const file = (answer as { [FILE]?: FileAnswer })[FILE];
	if (!file) return false;
	// One header line of ASCII: quotes, backslashes and line breaks dropped, other characters
	// percent-encoded as UTF-8 (how WeCom writes a non-ASCII name is not documented), "%" too, so
	// that decoding gives the name back.
	const name = file.fileName
		.replace(/["\\\r\n]/g, '')
		.replace(/[^\x20-\x24\x26-\x7e]+/gu, (text) => encodeURIComponent(text));
	res.writeHead(200, {
		'Content-Type': /^[\x20-\x7e]+$/.test(file.contentType) ? file.contentType : 'application/octet-stream',
		'Content-Length': file.data.length,
		'Content-disposition': `attachment; filename="${name}"`,
	});
	res.end(file.data);
	return true;
}
