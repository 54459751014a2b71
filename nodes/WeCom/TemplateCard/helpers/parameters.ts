import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { plainJsonPath, readPlainJson } from './plainJsonRead';
import type { JsonPath } from './plainJsonRead';

/** The parameter holds an expression somewhere: its value may differ per item. */
const PER_ITEM = Symbol('per item');

/** Per execution: the same value for every item, an item expression, or a plain `$json` read. */
type Known = typeof PER_ITEM | { value: unknown } | { jsonPath: JsonPath };

/** An execute context, or anything that reads parameters like one (load-options contexts have no items). */
export type ParameterReader = Pick<IExecuteFunctions, 'getNodeParameter'> &
	Partial<Pick<IExecuteFunctions, 'getInputData'>>;

/** Per execution: each parameter read (name and fallback), as its value or as PER_ITEM. */
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
 * expression anywhere in it is read per item; one that is exactly `={{ $json.a.b }}` is read from
 * the item directly when that is certain to give n8n's answer (plainJsonRead.ts), else by n8n.
 */
export function nodeParameter(ctx: ParameterReader, name: string, itemIndex: number, fallback?: unknown): unknown {
	let reads = readsOfExecution.get(ctx);
	if (!reads) readsOfExecution.set(ctx, (reads = new Map()));
	const key = readKey(name, fallback);
	const known = reads.get(key);
	if (known === PER_ITEM) return ctx.getNodeParameter(name, itemIndex, fallback);
	if (known && 'jsonPath' in known) return itemJsonRead(ctx, name, itemIndex, fallback, known.jsonPath);
	if (known) return copyOf(known.value);

	const raw = ctx.getNodeParameter(name, itemIndex, fallback, { rawExpressions: true });
	if (holdsExpression(raw)) {
		const jsonPath = ctx.getInputData ? plainJsonPath(raw) : undefined;
		if (!jsonPath) {
			reads.set(key, PER_ITEM);
			return ctx.getNodeParameter(name, itemIndex, fallback);
		}
		// The first item too: n8n's evaluator, cold after a start, took 60 ms for it.
		reads.set(key, { jsonPath });
		return itemJsonRead(ctx, name, itemIndex, fallback, jsonPath);
	}
	const value = ctx.getNodeParameter(name, itemIndex, fallback);
	reads.set(key, { value: copyOf(value) });
	return value;
}

function itemJsonRead(
	ctx: ParameterReader,
	name: string,
	itemIndex: number,
	fallback: unknown,
	jsonPath: JsonPath,
): unknown {
	// The main input, which `$json` reads: in an agent's tool call getInputData() defaults to the
	// model's arguments (ai_tool), while `$json` is still the agent's item (n8n 1.x and 2.x).
	const items = ctx.getInputData!(0, NodeConnectionTypes.Main);
	const value = readPlainJson(items[itemIndex]?.json, jsonPath);
	return value !== undefined ? value : ctx.getNodeParameter(name, itemIndex, fallback);
}
