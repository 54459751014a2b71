/**
 * Writes XML the way WeCom does: text in CDATA, numbers bare, lists as repeated siblings.
 * Used by the sandbox to play WeCom.
 */
type XmlInput = string | number | XmlInputObject | XmlInput[] | undefined;
export interface XmlInputObject {
	[name: string]: XmlInput;
}

const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A CDATA section cannot contain "]]>": split it across two sections, as XML requires. */
export function cdata(text: string): string {
	return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

function element(name: string, value: XmlInput): string {
	if (!ELEMENT_NAME.test(name)) throw new Error(`Invalid XML element name: ${name}`);
	if (value === undefined) return '';
	if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`${name}: not a finite number`);
		return `<${name}>${value}</${name}>`;
	}
	if (typeof value === 'string') return `<${name}>${cdata(value)}</${name}>`;
	const children = Object.entries(value)
		.map(([childName, child]) => element(childName, child))
		.join('');
	return `<${name}>${children}</${name}>`;
}

export function toXml(rootName: string, value: XmlInputObject): string {
	return element(rootName, value);
}
