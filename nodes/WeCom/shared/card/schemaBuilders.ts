import { z } from 'zod';
import { ERRCODE } from '../errorCodes';
import { URL_MAX_BYTES } from './limits';
import { MSG } from './messages';
import { utf8ByteLength } from './utf8';

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

/** What a value check found: WeCom's errcode, the message, and whether nothing above it can be checked. */
export interface ValueIssue {
	errcode: number;
	message: string;
	fatal?: boolean;
}

export type ValueCheck = (value: unknown) => ValueIssue[] | undefined;

/** Adds the issues as a refinement's `report` would; true when one is fatal. */
function addIssues(ctx: z.ParseContext, issues: readonly ValueIssue[]): boolean {
	let fatal = false;
	for (const issue of issues) {
		z.addIssueToContext(ctx, {
			code: z.ZodIssueCode.custom,
			message: issue.message,
			path: undefined,
			fatal: issue.fatal,
			params: { errcode: issue.errcode },
		});
		fatal ||= issue.fatal === true;
	}
	return fatal;
}

/**
 * A value checked by a function, with the issues `z.custom().superRefine()` would report and
 * the same outcome (a fatal issue aborts, others leave the value dirty). Without zod's
 * refinement machinery: a context, closures and an inner parse for every value checked, most of
 * the time and memory a card's check took. Nothing is allocated for a value that passes.
 */
export class CheckedValue<T> extends z.ZodType<T, z.ZodTypeDef, unknown> {
	constructor(private readonly check: ValueCheck) {
		super({});
	}

	_parse(input: z.ParseInput): z.ParseReturnType<T> {
		const issues = this.check(input.data);
		if (!issues) return z.OK(input.data as T);
		return addIssues(this._getOrReturnCtx(input), issues) ? z.INVALID : z.DIRTY(input.data as T);
	}
}

function checkedValue<T>(check: ValueCheck): z.ZodType<T, z.ZodTypeDef, unknown> {
	return new CheckedValue<T>(check);
}

/** A missing or mistyped value (fatal: nothing above it can be checked), or undefined when it has the type. */
function typeIssue(value: unknown, errcode: number, expected: string, matches: boolean): ValueIssue[] | undefined {
	if (matches) return undefined;
	const message = value === undefined ? MSG.required : MSG.wrongType(expected, describeValue(value));
	return [{ errcode, message, fatal: true }];
}

interface TextRule {
	/** Errcode for a missing, empty, mistyped or too long value. */
	errcode?: number;
	maxBytes?: number;
	/** Empty strings are fine for free text, but mean "missing" for keys, ids and links. */
	allowEmpty?: boolean;
	/** A further rule for a non-empty string, e.g. task_id's characters. */
	format?: { pattern: RegExp; errcode: number; message: string };
}

export function text(rule: TextRule = {}) {
	const errcode = rule.errcode ?? ERRCODE.invalidParameter;
	return checkedValue<string>((value) => {
		if (typeof value !== 'string') return typeIssue(value, errcode, 'a string', false);
		if (value === '') return rule.allowEmpty ? undefined : [{ errcode, message: MSG.notEmpty }];
		const issues: ValueIssue[] = [];
		if (rule.maxBytes !== undefined) {
			const bytes = utf8ByteLength(value);
			if (bytes > rule.maxBytes) issues.push({ errcode, message: MSG.maxBytes(rule.maxBytes, bytes) });
		}
		const format = rule.format;
		if (format && !format.pattern.test(value)) issues.push({ errcode: format.errcode, message: format.message });
		return issues.length ? issues : undefined;
	});
}

/** Free text: any string, empty included. */
export function freeText() {
	return text({ allowEmpty: true });
}

/** A link: http(s) only (45034), at most 1024 bytes (40039). `errcode` is for missing/empty. */
export function url(errcode: number = ERRCODE.invalidParameter) {
	return checkedValue<string>((value) => {
		if (typeof value !== 'string') return typeIssue(value, errcode, 'a string', false);
		if (value === '') return [{ errcode, message: MSG.notEmpty }];
		const issues: ValueIssue[] = [];
		if (!/^https?:\/\//i.test(value)) issues.push({ errcode: ERRCODE.urlScheme, message: MSG.urlScheme });
		const bytes = utf8ByteLength(value);
		if (bytes > URL_MAX_BYTES)
			issues.push({ errcode: ERRCODE.urlTooLong, message: MSG.maxBytes(URL_MAX_BYTES, bytes) });
		return issues.length ? issues : undefined;
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
	return checkedValue<T>((value) => {
		if (typeof value !== 'number') return typeIssue(value, errcode, expected, false);
		return values.includes(value as T) ? undefined : [{ errcode, message: rule }];
	});
}

export function flag(errcode: number = ERRCODE.invalidParameter) {
	return checkedValue<boolean>((value) => typeIssue(value, errcode, 'true or false', typeof value === 'boolean'));
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Any JSON number: for a field whose out-of-range values WeCom replaces by a default. */
export function finiteNumber() {
	return checkedValue<number>((value) => typeIssue(value, ERRCODE.invalidParameter, 'a number', isFiniteNumber(value)));
}

export function numberBetween(min: number, max: number, message: string) {
	return checkedValue<number>((value) => {
		if (!isFiniteNumber(value)) return typeIssue(value, ERRCODE.invalidParameter, 'a number', false);
		return value < min || value > max ? [{ errcode: ERRCODE.invalidParameter, message }] : undefined;
	});
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A value checked by `check` before `schema` checks it, as `z.preprocess` with a check that
 * returns the value (or the replacement `check` gives): a fatal issue stops there, any other
 * leaves the result dirty whatever `schema` finds. Without the refinement machinery, as above.
 */
export class Prechecked<S extends z.ZodTypeAny> extends z.ZodType<z.output<S>, z.ZodTypeDef, unknown> {
	constructor(
		private readonly check: (value: unknown) => { issues?: ValueIssue[]; value?: unknown },
		private readonly schema: S,
	) {
		super({});
	}

	_parse(input: z.ParseInput): z.ParseReturnType<z.output<S>> {
		const { issues, value = input.data } = this.check(input.data);
		const ctx = issues ? this._getOrReturnCtx(input) : undefined;
		if (ctx && issues && addIssues(ctx, issues)) return z.INVALID;
		const result = this.schema._parse({ data: value, path: input.path, parent: ctx ?? input.parent });
		const settle = (inner: z.SyncParseReturnType<z.output<S>>): z.SyncParseReturnType<z.output<S>> => {
			if (inner.status === 'aborted') return z.INVALID;
			return inner.status === 'dirty' || issues ? z.DIRTY(inner.value) : inner;
		};
		return z.isAsync(result) ? result.then(settle) : settle(result);
	}
}

/** A nested object; unknown keys are rejected (strict) so typos do not vanish silently. */
export function block<S extends z.ZodRawShape>(shape: S, errcode: number = ERRCODE.invalidParameter) {
	return new Prechecked(
		(value) => ({ issues: typeIssue(value, errcode, MSG.mustBeObject, isPlainObject(value)) }),
		z.object(shape).strict(),
	);
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
	return new Prechecked((value) => {
		if (!Array.isArray(value)) return { issues: typeIssue(value, errcode, MSG.mustBeList, false) };
		if (value.length > rule.max) {
			return { issues: [{ errcode, message: MSG.atMost(rule.max, rule.noun) }], value: value.slice(0, rule.max) };
		}
		if (value.length < rule.min) return { issues: [{ errcode, message: MSG.atLeast(rule.min, rule.noun) }] };
		return {};
	}, z.array(item));
}

/**
 * A field the card type or variant does not take: any value is reported with `reason`. Optional,
 * so an absent field is passed over: a card type excludes about ten blocks.
 */
export function forbidden(reason: string) {
	return checkedValue<undefined>((value) =>
		value === undefined ? undefined : [{ errcode: ERRCODE.invalidParameter, message: reason }],
	).optional();
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
