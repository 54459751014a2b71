import type { IExecuteFunctions } from 'n8n-workflow';

/** The parameter holds an expression somewhere: its value may differ per item. */
const PER_ITEM = Symbol('per item');

type Known = typeof PER_ITEM | { value: unknown };

/** An execute context, or anything that reads parameters like one. */
export type ParameterReader = Pick<IExecuteFunctions, 'getNodeParameter'>;

/** Per execution: each parameter read (name and fallback), as its value or as PER_ITEM. */
const readsOfExecution = new WeakMap<ParameterReader, Map<string, Known>>();

function holdsExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (Array.isArray(raw)) return raw.some(holdsExpression);
	if (raw !== null && typeof raw === 'object') return Object.values(raw).some(holdsExpression);
	return false;
}

/** Objects are copied on every read: an item must not see what another item's code changed. */
function copyOf<T>(value: T): T {
	return value !== null && typeof value === 'object' ? structuredClone(value) : value;
}

/**
 * `getNodeParameter(name, itemIndex, fallback)`, asked of n8n once per execution when the
 * parameter holds no expression: then it is the same for every item, and each n8n read costs a
 * walk through its expression resolver (1,000 items × 17 parameters). A parameter with an
 * expression anywhere in it is read per item, exactly as before.
 */
export function nodeParameter(ctx: ParameterReader, name: string, itemIndex: number, fallback?: unknown): unknown {
	let reads = readsOfExecution.get(ctx);
	if (!reads) readsOfExecution.set(ctx, (reads = new Map()));
	const key = fallback === undefined ? name : `${name}\u0000${JSON.stringify(fallback)}`;
	const known = reads.get(key);
	if (known === PER_ITEM) return ctx.getNodeParameter(name, itemIndex, fallback);
	if (known) return copyOf(known.value);

	const raw = ctx.getNodeParameter(name, itemIndex, fallback, { rawExpressions: true });
	if (holdsExpression(raw)) {
		reads.set(key, PER_ITEM);
		return ctx.getNodeParameter(name, itemIndex, fallback);
	}
	const value = ctx.getNodeParameter(name, itemIndex, fallback);
	reads.set(key, { value: copyOf(value) });
	return value;
}
