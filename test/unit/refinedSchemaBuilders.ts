/*
 * The card schema's builders as they were before 191c48f (zod's z.custom().superRefine() for
 * values, z.preprocess for block and list types), kept as the reference the leaf and block types
 * of nodes/WeCom/shared/card/schemaBuilders.ts must match issue for issue
 * (test/unit/cardCheckReference.test.ts). Only `format`, task_id's rule, is added: a further
 * refinement, as commonBlocks' taskId() applied it then.
 */
import { z } from 'zod';
import { ERRCODE } from '../../nodes/WeCom/shared/errorCodes';
import { URL_MAX_BYTES } from '../../nodes/WeCom/shared/card/limits';
import { MSG } from '../../nodes/WeCom/shared/card/messages';
import { utf8ByteLength } from '../../nodes/WeCom/shared/card/utf8';

/**
 * Leaf builders. Every issue carries the errcode WeCom would answer (in `params.errcode`).
 * A value of the wrong JS type is fatal (nothing above it can be checked); every other
 * violation is not, so the rules of the enclosing blocks still run and report too.
 */

type IssuePath = Array<string | number>;

export function report(
	ctx: z.RefinementCtx,
	errcode: number,
	message: string,
	options: { path?: IssuePath; fatal?: boolean } = {},
): void {
	ctx.addIssue({
		code: z.ZodIssueCode.custom,
		message,
		path: options.path,
		fatal: options.fatal,
		params: { errcode },
	});
}

export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return 'a string';
	if (typeof value === 'number') return 'a number';
	if (typeof value === 'boolean') return 'a boolean';
	return typeof value;
}

/** Reports a missing or mistyped value; true when the value has the expected type. */
function hasType(value: unknown, ctx: z.RefinementCtx, errcode: number, expected: string, matches: boolean): boolean {
	if (matches) return true;
	const message = value === undefined ? MSG.required : MSG.wrongType(expected, describeValue(value));
	report(ctx, errcode, message, { fatal: true });
	return false;
}

interface TextRule {
	/** Errcode for a missing, empty, mistyped or too long value. */
	errcode?: number;
	maxBytes?: number;
	/** Empty strings are fine for free text, but mean "missing" for keys, ids and links. */
	allowEmpty?: boolean;
	format?: { pattern: RegExp; errcode: number; message: string };
}

export function text(rule: TextRule = {}) {
	const errcode = rule.errcode ?? ERRCODE.invalidParameter;
	const checked = z.custom<string>().superRefine((value: unknown, ctx) => {
		if (!hasType(value, ctx, errcode, 'a string', typeof value === 'string')) return;
		const str = value as string;
		if (str === '' && !rule.allowEmpty) return report(ctx, errcode, MSG.notEmpty);
		if (rule.maxBytes !== undefined) {
			const bytes = utf8ByteLength(str);
			if (bytes > rule.maxBytes) report(ctx, errcode, MSG.maxBytes(rule.maxBytes, bytes));
		}
	});
	const format = rule.format;
	if (!format) return checked;
	return checked.superRefine((value, ctx) => {
		if (value !== '' && !format.pattern.test(value)) report(ctx, format.errcode, format.message);
	});
}

/** Free text: any string, empty included. */
export function freeText() {
	return text({ allowEmpty: true });
}

/** A link: http(s) only (45034), at most 1024 bytes (40039). `errcode` is for missing/empty. */
export function url(errcode: number = ERRCODE.invalidParameter) {
	return z.custom<string>().superRefine((value: unknown, ctx) => {
		if (!hasType(value, ctx, errcode, 'a string', typeof value === 'string')) return;
		const str = value as string;
		if (str === '') return report(ctx, errcode, MSG.notEmpty);
		if (!/^https?:\/\//i.test(str)) report(ctx, ERRCODE.urlScheme, MSG.urlScheme);
		const bytes = utf8ByteLength(str);
		if (bytes > URL_MAX_BYTES) report(ctx, ERRCODE.urlTooLong, MSG.maxBytes(URL_MAX_BYTES, bytes));
	});
}

/** One of a few integers, e.g. a `type` (0 none, 1 URL, 2 mini-program). */
export function choice<const T extends number>(
	values: readonly T[],
	options: { errcode?: number; labels?: Readonly<Record<number, string>> } = {},
) {
	const errcode = options.errcode ?? ERRCODE.invalidParameter;
	const rule = MSG.oneOf(values, options.labels);
	const expected = rule.replace(/^must be /, '');
	return z.custom<T>().superRefine((value: unknown, ctx) => {
		if (!hasType(value, ctx, errcode, expected, typeof value === 'number')) return;
		if (!values.includes(value as T)) report(ctx, errcode, rule);
	});
}

export function flag(errcode: number = ERRCODE.invalidParameter) {
	return z.custom<boolean>().superRefine((value: unknown, ctx) => {
		hasType(value, ctx, errcode, 'true or false', typeof value === 'boolean');
	});
}

/** Any JSON number: for a field whose out-of-range values WeCom replaces by a default. */
export function finiteNumber() {
	return z.custom<number>().superRefine((value: unknown, ctx) => {
		hasType(value, ctx, ERRCODE.invalidParameter, 'a number', typeof value === 'number' && Number.isFinite(value));
	});
}

export function numberBetween(min: number, max: number, message: string) {
	return finiteNumber().superRefine((value, ctx) => {
		if (value < min || value > max) report(ctx, ERRCODE.invalidParameter, message);
	});
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A nested object; unknown keys are rejected (strict) so typos do not vanish silently. */
export function block<S extends z.ZodRawShape>(shape: S, errcode: number = ERRCODE.invalidParameter) {
	return z.preprocess((value, ctx) => {
		hasType(value, ctx, errcode, MSG.mustBeObject, isPlainObject(value));
		return value;
	}, z.object(shape).strict());
}

interface ListRule {
	min: number;
	max: number;
	/** Plural noun for messages: 'at most 3 jumps'. */
	noun: string;
	/** Errcode for a wrong number of items (and for a missing or mistyped list). */
	errcode?: number;
}

/**
 * A list whose size is checked before its items, so both kinds of issue are reported. Past
 * the maximum, only the first `max` items are checked: the card is refused anyway, and a huge
 * list would otherwise be validated item by item.
 */
export function list<T extends z.ZodTypeAny>(item: T, rule: ListRule) {
	const errcode = rule.errcode ?? ERRCODE.invalidParameter;
	return z.preprocess((value, ctx) => {
		if (!hasType(value, ctx, errcode, MSG.mustBeList, Array.isArray(value))) return value;
		const length = (value as unknown[]).length;
		if (length > rule.max) {
			report(ctx, errcode, MSG.atMost(rule.max, rule.noun));
			return (value as unknown[]).slice(0, rule.max);
		}
		if (length < rule.min) report(ctx, errcode, MSG.atLeast(rule.min, rule.noun));
		return value;
	}, z.array(item));
}

/**
 * A field the card type or variant does not take: any value is reported with `reason`. Optional,
 * so an absent field is passed over without running the refinement: a card type excludes about
 * ten blocks, and refining each absent one was half the cost of checking a card.
 */
export function forbidden(reason: string) {
	return z
		.custom<undefined>()
		.superRefine((value: unknown, ctx) => {
			if (value !== undefined) report(ctx, ERRCODE.invalidParameter, reason);
		})
		.optional();
}

/** Reports every repeat of a value after its first occurrence. */
export function unique(
	values: ReadonlyArray<{ value: string | undefined; path: IssuePath }>,
	ctx: z.RefinementCtx,
	errcode: number,
	noun: string,
): void {
	const seen = new Set<string>();
	for (const { value, path } of values) {
		if (value === undefined) continue;
		if (seen.has(value)) report(ctx, errcode, MSG.duplicate(noun, value), { path });
		seen.add(value);
	}
}
