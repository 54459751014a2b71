import type { IExecuteFunctions } from 'n8n-workflow';
import { isResourceMapperValue, NodeConnectionTypes } from 'n8n-workflow';

import { plainJsonPath, readPlainJson } from './plainJsonRead';

/** The parameter holds an expression somewhere: its value may differ per item. */
const PER_ITEM = Symbol('per item');

/** What an item read answers when it cannot be certain of n8n's answer: n8n must answer. */
const ASK_N8N = Symbol('ask n8n');

/** A parameter's value for one item's JSON, read without n8n, or ASK_N8N. */
type ItemRead = (json: unknown) => unknown;

/** Per execution: the same value for every item, an item expression, or plain `$json` reads. */
type Known = typeof PER_ITEM | { value: unknown } | { itemRead: ItemRead };

/** An execute context, or anything that reads parameters like one (load-options contexts have no items). */
export type ParameterReader = Pick<IExecuteFunctions, 'getNodeParameter'> &
	Partial<Pick<IExecuteFunctions, 'getInputData'>>;

/** Per execution: each parameter read (name and fallback), as its value, its item read or PER_ITEM. */
const readsOfExecution = new WeakMap<ParameterReader, Map<string, Known>>();

function holdsExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (Array.isArray(raw)) return raw.some(holdsExpression);
	if (raw !== null && typeof raw === 'object') return Object.values(raw).some(holdsExpression);
	return false;
}

/**
 * Objects are copied on every read: an item must not see what another item's code changed.
 * Parameter values are JSON (the workflow's own), so a plain copy does; structuredClone costs
 * about 10 times as much per read, and a card reads a dozen parameters per item.
 */
function copyOf<T>(value: T): T {
	if (Array.isArray(value)) return value.map(copyOf) as T;
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(value)) copy[key] = copyOf((value as Record<string, unknown>)[key]);
	return copy as T;
}

/** Primitives in plain objects and arrays: what copyOf copies without changing it. */
function isPlainTree(value: unknown): boolean {
	if (Array.isArray(value)) return value.every(isPlainTree);
	if (value === null || typeof value !== 'object') return true;
	return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlainTree);
}

/** The read's name and fallback as one key; a plain fallback without JSON.stringify (a dozen reads per item). */
function readKey(name: string, fallback: unknown): string {
	if (fallback === undefined) return name;
	if (fallback === null || typeof fallback === 'object') return `${name}\u0000${JSON.stringify(fallback)}`;
	return `${name}\u0000${typeof fallback}\u0000${String(fallback)}`;
}

/**
 * `getNodeParameter(name, itemIndex, fallback)`, asked of n8n once per execution when the
 * parameter holds no expression: then it is the same for every item, and each n8n read costs a
 * walk through its expression resolver (1,000 items × 17 parameters). A parameter with an
 * expression anywhere in it is read per item; one whose every expression is exactly `={{ $json.a.b }}`
 * (alone, or in a collection) is read from the item directly when that is certain to give n8n's
 * answer (plainJsonRead.ts), else by n8n.
 */
export function nodeParameter(ctx: ParameterReader, name: string, itemIndex: number, fallback?: unknown): unknown {
	let reads = readsOfExecution.get(ctx);
	if (!reads) readsOfExecution.set(ctx, (reads = new Map()));
	const key = readKey(name, fallback);
	const known = reads.get(key);
	if (known === PER_ITEM) return ctx.getNodeParameter(name, itemIndex, fallback);
	if (known && 'itemRead' in known) return readFromItem(ctx, name, itemIndex, fallback, known.itemRead);
	if (known) return copyOf(known.value);

	const raw = ctx.getNodeParameter(name, itemIndex, fallback, { rawExpressions: true });
	if (holdsExpression(raw)) {
		const itemRead = ctx.getInputData && !isResourceMapperRead(ctx, name, itemIndex) ? itemReadOf(raw) : undefined;
		if (!itemRead) {
			reads.set(key, PER_ITEM);
			return ctx.getNodeParameter(name, itemIndex, fallback);
		}
		// The first item too: n8n's evaluator, cold after a start, took 60 ms for it.
		reads.set(key, { itemRead });
		return readFromItem(ctx, name, itemIndex, fallback, itemRead);
	}
	const value = ctx.getNodeParameter(name, itemIndex, fallback);
	// What copyOf would not copy as it is (a resource mapper's date is a Luxon DateTime) is asked of n8n per item.
	reads.set(key, isPlainTree(value) ? { value: copyOf(value) } : PER_ITEM);
	return value;
}

/**
 * A resource mapper's value ('formFields.value'): n8n converts each column to the mapper's schema
 * type after resolving it (text to a number, a date to a Luxon DateTime) and refuses what does not
 * fit, so only n8n can answer it (n8n-core's validateValueAgainstSchema).
 */
function isResourceMapperRead(ctx: ParameterReader, name: string, itemIndex: number): boolean {
	const [mapper, field, ...rest] = name.split('.');
	if (field !== 'value' || rest.length > 0) return false;
	return isResourceMapperValue(ctx.getNodeParameter(mapper, itemIndex, null, { rawExpressions: true }));
}

/**
 * How to read a raw parameter from an item without n8n, when every expression in it is exactly a
 * plain `$json` read: n8n resolves each expression of a collection (key/value rows, jump links) on
 * its own and keeps the rest as it is, so the value is the same tree with those reads in place.
 * Undefined when any expression is something else, or a key could be a prototype setter.
 */
function itemReadOf(raw: unknown): ItemRead | undefined {
	if (typeof raw === 'string' && raw.startsWith('=')) {
		const path = plainJsonPath(raw);
		return path && ((json) => readPlainJson(json, path) ?? ASK_N8N);
	}
	if (Array.isArray(raw)) {
		const reads = raw.map(itemReadOf);
		if (!reads.every((read): read is ItemRead => read !== undefined)) return undefined;
		return (json) => {
			const values = reads.map((read) => read(json));
			return values.includes(ASK_N8N) ? ASK_N8N : values;
		};
	}
	if (raw !== null && typeof raw === 'object') {
		const entries = Object.entries(raw).map(([name, value]) => [name, itemReadOf(value)] as const);
		if (entries.some(([name, read]) => name === '__proto__' || read === undefined)) return undefined;
		return (json) => {
			const value: Record<string, unknown> = {};
			for (const [name, read] of entries) {
				const resolved = read!(json);
				if (resolved === ASK_N8N) return ASK_N8N;
				value[name] = resolved;
			}
			return value;
		};
	}
	return () => raw;
}

function readFromItem(
	ctx: ParameterReader,
	name: string,
	itemIndex: number,
	fallback: unknown,
	itemRead: ItemRead,
): unknown {
	// The main input, which `$json` reads: in an agent's tool call getInputData() defaults to the
	// model's arguments (ai_tool), while `$json` is still the agent's item (n8n 1.x and 2.x).
	const items = ctx.getInputData!(0, NodeConnectionTypes.Main);
	const value = itemRead(items[itemIndex]?.json);
	return value !== ASK_N8N ? value : ctx.getNodeParameter(name, itemIndex, fallback);
}
