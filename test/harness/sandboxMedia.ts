/**
 * Uploads to the sandbox, for tests that need a media_id it really issued: like WeCom, it answers
 * 40007 for a media_id it never issued, one older than 3 days or one of another uploader.
 */
import { multipartBody } from '../../nodes/WeCom/TemplateCard/transport/multipart';
import { DEMO_CORP_ID, DEMO_SECRET, callSandbox } from '../../sandbox';

/** Who uploads: an app (its access_token, media/upload) or a group robot (its key, upload_media). */
export type SandboxUploader = { accessToken: string } | { robotKey: string };

/** Posts one file as WeCom's upload APIs take it; answers WeCom's JSON, whatever its errcode. */
export async function postSandboxUpload(
	baseUrl: string,
	path: string,
	query: Record<string, string>,
	file: { fileName: string; data: Buffer; mimeType?: string },
): Promise<Record<string, unknown>> {
	const { body, contentType } = multipartBody({
		fileName: file.fileName,
		mimeType: file.mimeType ?? 'application/octet-stream',
		data: file.data,
	});
	const url = new URL(path, baseUrl);
	for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
	const answer = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
	return (await answer.json()) as Record<string, unknown>;
}

/** A file's media_id, uploaded by `uploader`; throws when the sandbox refuses the upload. */
export async function uploadSandboxFile(
	baseUrl: string,
	uploader: SandboxUploader,
	fileName = 'attachment.pdf',
): Promise<string> {
	const [path, query] =
		'accessToken' in uploader
			? ['/cgi-bin/media/upload', { access_token: uploader.accessToken, type: 'file' }]
			: ['/cgi-bin/webhook/upload_media', { key: uploader.robotKey, type: 'file' }];
	const answer = await postSandboxUpload(baseUrl, path, query, {
		fileName,
		data: Buffer.from(`%PDF-1.7 ${fileName}`),
	});
	if (answer.errcode !== 0 || typeof answer.media_id !== 'string')
		throw new Error(`sandbox upload failed: ${String(answer.errcode)} ${String(answer.errmsg)}`);
	return answer.media_id;
}

/** A JSON copy: structuredClone's objects come from another realm than jest's, which toStrictEqual tells apart. */
const jsonCopy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** A copy of `card` whose attachment rows (type 2) carry `mediaId` instead of a placeholder. */
export function withAttachmentMedia<T>(card: T, mediaId: string): T {
	const copy = jsonCopy(card) as { horizontal_content_list?: unknown };
	if (!Array.isArray(copy.horizontal_content_list)) return copy as T;
	for (const row of copy.horizontal_content_list as Array<Record<string, unknown> | null>) {
		if (row?.type === 2 && typeof row.media_id === 'string') row.media_id = mediaId;
	}
	return copy as T;
}

/** A copy of an approval's `apply_data.contents` whose File controls (table rows too) hold `fileId`. */
export function withUploadedFiles<T>(contents: T, fileId: string): T {
	const copy = jsonCopy(contents);
	const visit = (list: unknown): void => {
		if (!Array.isArray(list)) return;
		for (const content of list as Array<{ control?: unknown; value?: Record<string, unknown> } | null>) {
			const value = content?.value;
			if (!value) continue;
			if (content.control === 'Table')
				for (const row of (value.children ?? []) as Array<{ list?: unknown }>) visit(row?.list);
			if (content.control === 'File' && Array.isArray(value.files))
				value.files = value.files.map(() => ({ file_id: fileId }));
		}
	};
	visit(copy);
	return copy;
}

/** An access_token of the sandbox's demo app, for uploads a test makes itself. */
export async function demoAppToken(baseUrl: string): Promise<string> {
	const { json } = await callSandbox<{ access_token?: string }>(baseUrl, '/cgi-bin/gettoken', {
		query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
	});
	if (!json.access_token) throw new Error('sandbox gettoken failed');
	return json.access_token;
}
