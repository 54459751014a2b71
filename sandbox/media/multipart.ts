/** A multipart/form-data body (RFC 7578), as WeCom's upload APIs read it. */

export interface FormPart {
	name: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

function boundaryOf(contentType: string | undefined): string | undefined {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
	return match ? (match[1] ?? match[2]) : undefined;
}

function headerValue(headers: string, name: string): string | undefined {
	for (const line of headers.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) return line.slice(colon + 1).trim();
	}
	return undefined;
}

function dispositionParam(disposition: string, param: string): string | undefined {
	const match = new RegExp(`(?:^|;)\\s*${param}="([^"]*)"`, 'i').exec(disposition);
	return match?.[1];
}

/** The parts of the body, or undefined when it is not multipart/form-data with a boundary. */
export function parseMultipart(contentType: string | undefined, body: Buffer): FormPart[] | undefined {
	if (!/^multipart\/form-data/i.test(contentType ?? '')) return undefined;
	const boundary = boundaryOf(contentType);
	if (!boundary) return undefined;
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: FormPart[] = [];
	let start = body.indexOf(delimiter);
	while (start >= 0) {
		const afterDelimiter = start + delimiter.length;
		// The closing delimiter is followed by "--".
		if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
		const headersEnd = body.indexOf('\r\n\r\n', afterDelimiter);
		if (headersEnd < 0) break;
		const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headersEnd + 4);
		if (next < 0) break;
		const headers = body.subarray(afterDelimiter + 2, headersEnd).toString('utf8');
		const disposition = headerValue(headers, 'content-disposition') ?? '';
		parts.push({
			name: dispositionParam(disposition, 'name') ?? '',
			fileName: dispositionParam(disposition, 'filename'),
			contentType: headerValue(headers, 'content-type'),
			data: body.subarray(headersEnd + 4, next),
		});
		start = next + 2;
	}
	return parts;
}
