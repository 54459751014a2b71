import { refuse } from './errors';

/**
 * A small XML parser for WeCom's callback messages, on purpose stricter than XML: no DOCTYPE, no
 * entity declarations, no processing instructions (an XML declaration at the very start is
 * allowed), no mixed content. Only the five predefined entities and character references are
 * expanded, so nothing can make it fetch, expand or recurse.
 */
export interface XmlElement {
	name: string;
	/** Concatenated text and CDATA; '' when the element has child elements. */
	text: string;
	children: XmlElement[];
}

interface XmlLimits {
	maxDepth: number;
	maxElements: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxDepth: 32, maxElements: 5000 };

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_.:-]/;
const WHITESPACE = /[ \t\r\n]/;
/** XML 1.0 allows no control characters but tab, LF and CR, nor U+FFFE and U+FFFF. */
function hasForbiddenChar(src: string): boolean {
	for (let i = 0; i < src.length; i++) {
		const code = src.charCodeAt(i);
		if ((code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || code === 0xfffe || code === 0xffff) {
			return true;
		}
	}
	return false;
}
const XML_DECLARATION = /^<\?xml(?:\s+[A-Za-z]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*\s*\?>/;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function badXml(message: string): never {
	return refuse('badXml', message);
}

function decodeCharRef(body: string): string {
	const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
	const allowed =
		code === 0x9 ||
		code === 0xa ||
		code === 0xd ||
		(code >= 0x20 && code <= 0xd7ff) ||
		(code >= 0xe000 && code <= 0xfffd) ||
		(code >= 0x10000 && code <= 0x10ffff);
	if (!allowed) badXml('character reference to a forbidden character');
	return String.fromCodePoint(code);
}

/** Expands &lt; &gt; &amp; &quot; &apos; and &#..; only; any other entity is refused. */
function decodeEntities(raw: string): string {
	return raw.replace(/&([^;&]{0,12});?/g, (match, body: string) => {
		if (!match.endsWith(';')) badXml('unterminated entity reference');
		if (/^#(?:[0-9]{1,7}|x[0-9A-Fa-f]{1,6})$/.test(body)) return decodeCharRef(body);
		const predefined = PREDEFINED[body];
		if (predefined === undefined) badXml(`undefined entity &${body};`);
		return predefined;
	});
}

class Parser {
	private pos = 0;
	private elements = 0;

	constructor(
		private readonly src: string,
		private readonly limits: XmlLimits,
	) {}

	document(): XmlElement {
		if (hasForbiddenChar(this.src)) badXml('forbidden control character');
		const declaration = XML_DECLARATION.exec(this.src);
		if (declaration) this.pos = declaration[0].length;
		this.skipMisc();
		if (this.src[this.pos] !== '<') badXml('no root element');
		const root = this.element(1);
		this.skipMisc();
		if (this.pos !== this.src.length) badXml('content after the root element');
		return root;
	}

	/** Whitespace and comments between top-level constructs; declarations and PIs are refused. */
	private skipMisc(): void {
		for (;;) {
			this.skipWhitespace();
			if (this.src.startsWith('<!--', this.pos)) this.comment();
			else if (this.src.startsWith('<!', this.pos)) badXml('DOCTYPE and other declarations are not accepted');
			else if (this.src.startsWith('<?', this.pos)) badXml('processing instructions are not accepted');
			else return;
		}
	}

	private comment(): void {
		const end = this.src.indexOf('-->', this.pos + 4);
		if (end === -1) badXml('unterminated comment');
		if (this.src.slice(this.pos + 4, end).includes('--')) badXml('"--" inside a comment');
		this.pos = end + 3;
	}

	private name(): string {
		const start = this.pos;
		if (!NAME_START.test(this.src[this.pos] ?? '')) badXml(`expected a name at offset ${start}`);
		while (NAME_CHAR.test(this.src[this.pos] ?? '')) this.pos++;
		return this.src.slice(start, this.pos);
	}

	private skipWhitespace(): boolean {
		const start = this.pos;
		while (WHITESPACE.test(this.src[this.pos] ?? '')) this.pos++;
		return this.pos > start;
	}

	/** Attributes are read (so they cannot hide markup) and dropped: WeCom sends none. */
	private attributes(): boolean {
		const seen = new Set<string>();
		for (;;) {
			const spaced = this.skipWhitespace();
			if (this.src.startsWith('/>', this.pos)) {
				this.pos += 2;
				return true;
			}
			if (this.src[this.pos] === '>') {
				this.pos++;
				return false;
			}
			if (!spaced) badXml('malformed start tag');
			const attribute = this.name();
			if (seen.has(attribute)) badXml(`duplicate attribute ${attribute}`);
			seen.add(attribute);
			this.skipWhitespace();
			if (this.src[this.pos] !== '=') badXml('attribute without a value');
			this.pos++;
			this.skipWhitespace();
			const quote = this.src[this.pos];
			if (quote !== '"' && quote !== "'") badXml('unquoted attribute value');
			const end = this.src.indexOf(quote, this.pos + 1);
			if (end === -1) badXml('unterminated attribute value');
			const value = this.src.slice(this.pos + 1, end);
			if (value.includes('<')) badXml('"<" in an attribute value');
			decodeEntities(value);
			this.pos = end + 1;
		}
	}

	private element(depth: number): XmlElement {
		if (depth > this.limits.maxDepth) badXml('elements nested too deeply');
		if (++this.elements > this.limits.maxElements) badXml('too many elements');
		this.pos++; // '<'
		const name = this.name();
		if (name === '__proto__') badXml('reserved element name');
		const element: XmlElement = { name, text: '', children: [] };
		if (this.attributes()) return element;
		const parts: string[] = [];
		let hasText = false;
		for (;;) {
			if (this.pos >= this.src.length) badXml(`unclosed element <${name}>`);
			if (this.src.startsWith('</', this.pos)) {
				this.pos += 2;
				if (this.name() !== name) badXml(`mismatched end tag for <${name}>`);
				this.skipWhitespace();
				if (this.src[this.pos] !== '>') badXml('malformed end tag');
				this.pos++;
				break;
			}
			if (this.src.startsWith('<![CDATA[', this.pos)) {
				const end = this.src.indexOf(']]>', this.pos + 9);
				if (end === -1) badXml('unterminated CDATA section');
				parts.push(this.src.slice(this.pos + 9, end));
				hasText = true;
				this.pos = end + 3;
			} else if (this.src.startsWith('<!--', this.pos)) {
				this.comment();
			} else if (this.src.startsWith('<!', this.pos)) {
				badXml('DOCTYPE, ENTITY and other declarations are not accepted');
			} else if (this.src.startsWith('<?', this.pos)) {
				badXml('processing instructions are not accepted');
			} else if (this.src[this.pos] === '<') {
				element.children.push(this.element(depth + 1));
			} else {
				const end = this.src.indexOf('<', this.pos);
				const raw = this.src.slice(this.pos, end === -1 ? this.src.length : end);
				if (raw.includes(']]>')) badXml('"]]>" outside a CDATA section');
				this.pos += raw.length;
				if (raw.trim() !== '') hasText = true;
				parts.push(decodeEntities(raw));
			}
		}
		if (element.children.length > 0) {
			if (hasText) badXml(`mixed text and elements in <${name}>`);
		} else {
			element.text = parts.join('');
		}
		return element;
	}
}

/** Parses a whole document; refuses (CallbackRejection 'badXml') anything outside the subset. */
export function parseXml(src: string, limits: Partial<XmlLimits> = {}): XmlElement {
	return new Parser(src, { ...DEFAULT_LIMITS, ...limits }).document();
}

export type XmlValue = string | number | XmlObject | XmlValue[];
export interface XmlObject {
	[name: string]: XmlValue;
}

export interface XmlShape {
	/** Elements that are lists even when they appear once. */
	arrays: ReadonlySet<string>;
	/** Leaf elements whose text is a number (kept as text if it is not a safe number). */
	numbers: ReadonlySet<string>;
}

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

function leafValue(element: XmlElement, shape: XmlShape): string | number {
	if (!shape.numbers.has(element.name)) return element.text;
	const text = element.text.trim();
	if (!NUMBER.test(text)) return element.text;
	const value = Number(text);
	return Number.isInteger(value) && !Number.isSafeInteger(value) ? element.text : value;
}

/** Element → plain value: leaves become text (or numbers), repeated or listed names arrays. */
export function xmlToValue(element: XmlElement, shape: XmlShape): string | number | XmlObject {
	if (element.children.length === 0) return leafValue(element, shape);
	const result: XmlObject = {};
	for (const child of element.children) {
		const value = xmlToValue(child, shape);
		// hasOwn: names like 'constructor' must not find Object.prototype's members.
		const existing = Object.hasOwn(result, child.name) ? result[child.name] : undefined;
		// xmlToValue never returns an array, so an array here is a list this loop started.
		if (existing === undefined) result[child.name] = shape.arrays.has(child.name) ? [value] : value;
		else if (Array.isArray(existing)) existing.push(value);
		else result[child.name] = [existing, value];
	}
	return result;
}
