import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { CallbackRejection, MAX_CALLBACK_BODY_BYTES } from '../../shared/callback';

/**
 * Answers with plain Node calls (writeHead/end): they exist on n8n's Express response and on a
 * bare ServerResponse alike, and leave nothing for n8n to add to the body.
 */
export function answer(ctx: IWebhookFunctions, status: number, body = ''): void {
	const res = ctx.getResponseObject();
	if (res.headersSent) return;
	res.writeHead(status, {
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': Buffer.byteLength(body, 'utf8'),
		'Cache-Control': 'no-store',
	});
	res.end(body);
}

interface PostedPayload {
	/** The raw body, when n8n kept it (it does for every webhook request). */
	body?: string;
	/** Otherwise the Encrypt text from n8n's own XML parse. */
	encrypted?: string;
}

/** What a POST carries, read from the raw body (capped) or, failing that, n8n's parsed body. */
export async function postedPayload(ctx: IWebhookFunctions): Promise<PostedPayload> {
	const req = ctx.getRequestObject();
	if (req.rawBody === undefined && typeof req.readRawBody === 'function') await req.readRawBody();
	const raw: unknown = req.rawBody;
	if (Buffer.isBuffer(raw) || typeof raw === 'string') {
		if (Buffer.byteLength(raw) > MAX_CALLBACK_BODY_BYTES) throw new CallbackRejection('tooLarge', 'body too large');
		return { body: raw.toString() };
	}
	// n8n parses */xml bodies with lower-cased tags into { xml: { encrypt } }.
	const parsed = ctx.getBodyData() as IDataObject | undefined;
	const xml = parsed?.xml as IDataObject | undefined;
	return { encrypted: typeof xml?.encrypt === 'string' ? xml.encrypt : undefined };
}
