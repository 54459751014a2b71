/**
 * Recipients come from a form field or an expression: an array, or a string joined with
 * `|`, commas or new lines. They are trimmed and de-duplicated, order kept.
 */
export function parseRecipientList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.flat() : String(value ?? '').split(/[|,\n]/);
	const seen = new Set<string>();
	for (const part of parts) {
		const recipient = String(part ?? '').trim();
		if (recipient) seen.add(recipient);
	}
	return [...seen];
}

/** WeCom's send API takes `|`-joined lists and reports invalid ones the same way. */
export function splitWeComList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).filter(Boolean);
	return String(value ?? '')
		.split('|')
		.filter(Boolean);
}
