import type { IncomingMessage, ServerResponse } from 'node:http';

/** Far above any real card; a bigger body is answered 45002 (content too large). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The caller's IPv4 address as WeCom quotes it ('from ip: 127.0.0.1'), not '::ffff:127.0.0.1'. */
export function callerIp(req: IncomingMessage): string {
	const address = req.socket.remoteAddress ?? '';
	return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

export interface RequestBody {
	text: string;
	/** The body as received (uploads are binary); empty when tooLarge. */
	bytes: Buffer;
	tooLarge: boolean;
	contentType?: string;
}

export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<RequestBody> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= maxBytes) chunks.push(chunk);
		});
		req.on('end', () => {
			const tooLarge = size > maxBytes;
			const bytes = tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks);
			resolve({ text: bytes.toString('utf8'), bytes, tooLarge, contentType: req.headers['content-type'] });
		});
		req.on('error', reject);
	});
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false };

export function parseJson(text: string): ParsedJson {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=UTF-8',
		'Content-Length': Buffer.byteLength(payload),
		...headers,
	});
	res.end(payload);
}

/** What a gateway in front of WeCom answers when it is in trouble: HTML, not JSON. */
export function sendGatewayError(res: ServerResponse, status: number): void {
	const payload = `<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center></body></html>`;
	res.writeHead(status, {
		'Content-Type': 'text/html',
		'Content-Length': Buffer.byteLength(payload),
	});
	res.end(payload);
}
