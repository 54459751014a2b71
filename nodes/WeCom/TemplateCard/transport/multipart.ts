/*
 * A multipart/form-data body with one file part, built by hand (the package has no runtime
 * dependencies). WeCom reads the file from the part named `media`, with filename, filelength and
 * Content-Type (https://developer.work.weixin.qq.com/document/path/90253).
 */
import { randomBytes } from 'node:crypto';

import { MEDIA_PART_NAME } from '../../shared/media';

export interface MultipartFile {
	fileName: string;
	mimeType: string;
	data: Buffer;
}

export interface MultipartBody {
	body: Buffer;
	contentType: string;
}

/** A quoted header parameter: quotes, backslashes and line breaks would end it early. */
function quoted(value: string): string {
	return `"${value.replace(/[\r\n"\\]/g, '_')}"`;
}

export function multipartBody(file: MultipartFile): MultipartBody {
	const boundary = `----n8nWeComBoundary${randomBytes(12).toString('hex')}`;
	const head =
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name=${quoted(MEDIA_PART_NAME)}; filename=${quoted(file.fileName)}; filelength=${file.data.length}\r\n` +
		`Content-Type: ${file.mimeType.replace(/[\r\n]/g, '') || 'application/octet-stream'}\r\n\r\n`;
	return {
		body: Buffer.concat([Buffer.from(head, 'utf8'), file.data, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}
