/**
 * The fast path for the most common item expression, `={{ $json.a.b }}`: n8n's evaluator builds a
 * data proxy, a Luxon clock and (in n8n 2.x) a round trip into its isolate for every item, about
 * 0.5 ms each. A parameter that is exactly one plain read of the item's own JSON can be read
 * directly, and is, only when the answer is certain to be what n8n would return: a string, a
 * boolean or a finite number found through own keys of plain objects and array indexes. Anything
 * else (a missing key, an object, null, a getter, a prototype key) is left to n8n, which then
 * throws or answers exactly as before. test/engine/plainJsonRead.test.ts proves the equality over a
 * corpus against n8n's engine, pinned data included.
 */
import { isSafeObjectProperty } from 'n8n-workflow';

/**
 * `$json` followed by `.name`, `[0]`, `["key"]` or `['key']` steps, and nothing else. No index with a
 * leading zero (`[010]` is octal to JavaScript), no brace in a quoted key (n8n cuts the text at `}}`),
 * no line break in one (a syntax error in a string literal).
 */
const PLAIN_READ =
	/^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[(?:0|[1-9]\d*)\]|\["[^"\\{}\n\r\u2028\u2029]*"\]|\['[^'\\{}\n\r\u2028\u2029]*'\])+)\s*\}\}$/;
/** n8n refuses any expression with this in it, even `$json.constructorId` (n8n-workflow's Expression). */
const CONSTRUCTOR_ACCESS = /\.\s*constructor/;
const STEP =
	/\.([A-Za-z_$][\w$]*)|\[(0|[1-9]\d*)\]|\["([^"\\{}\n\r\u2028\u2029]*)"\]|\['([^'\\{}\n\r\u2028\u2029]*)'\]/g;

export type JsonPath = ReadonlyArray<string | number>;

/** The steps of a plain `$json` read, or undefined when the parameter is anything else. */
export function plainJsonPath(raw: unknown): JsonPath | undefined {
	if (typeof raw !== 'string') return undefined;
	const match = PLAIN_READ.exec(raw);
	if (!match || CONSTRUCTOR_ACCESS.test(raw)) return undefined;
	const steps: Array<string | number> = [];
	for (const [, name, index, doubleQuoted, singleQuoted] of match[1].matchAll(STEP)) {
		const step = index !== undefined ? Number(index) : (name ?? doubleQuoted ?? singleQuoted);
		// n8n's sanitizer refuses some names; Object.prototype's are where a shortcut could differ.
		if (typeof step === 'string' && (!isSafeObjectProperty(step) || step in Object.prototype)) return undefined;
		steps.push(step);
	}
	return steps;
}

export type Primitive = string | number | boolean;

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object') return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

/** Own data properties only: a getter or a proxy could answer differently in n8n's isolate. */
function ownValue(holder: object, key: string | number): { found: boolean; value?: unknown } {
	const property = Object.getOwnPropertyDescriptor(holder, key);
	if (!property || !('value' in property)) return { found: false };
	return { found: true, value: property.value };
}

/** The primitive at `path` in `json`, or undefined when n8n must answer. */
export function readPlainJson(json: unknown, path: JsonPath): Primitive | undefined {
	let value: unknown = json;
	for (const step of path) {
		const walkable = typeof step === 'number' ? Array.isArray(value) && step < value.length : isPlainObject(value);
		if (!walkable) return undefined;
		const own = ownValue(value as object, step);
		if (!own.found) return undefined;
		value = own.value;
	}
	if (typeof value === 'string' || typeof value === 'boolean') return value;
	// -0 is left to n8n: whether its isolate keeps the sign is not worth a guess.
	if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)) return value;
	return undefined;
}
