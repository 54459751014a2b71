/**
 * Escaping for the sandbox page. Cards carry arbitrary text, so every interpolated value is
 * escaped unless it is already SafeHtml (built by `markup` itself): nothing can opt out by accident.
 */

export class SafeHtml {
	constructor(readonly value: string) {}

	toString(): string {
		return this.value;
	}
}

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
	'`': '&#96;',
};

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"'`]/g, (char) => ENTITIES[char]);
}

function fragment(value: unknown): string {
	if (value === undefined || value === null || value === false) return '';
	if (value instanceof SafeHtml) return value.value;
	if (Array.isArray(value)) return value.map(fragment).join('');
	return escapeHtml(String(value));
}

/**
 * Tagged template: literal parts are trusted markup, interpolations are escaped (arrays joined).
 * Deliberately not named `html`: Prettier would reformat such templates and change the output.
 */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
	let out = strings[0];
	values.forEach((value, index) => {
		out += fragment(value) + strings[index + 1];
	});
	return new SafeHtml(out);
}

/** Trusted markup from this package's own constants (styles, script), never from a card. */
export function trusted(text: string): SafeHtml {
	return new SafeHtml(text);
}
