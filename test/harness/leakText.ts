/**
 * Turns anything a test can see (items, errors, log metadata) into plain JSON-safe data for
 * the leak scan. Errors keep every own property, enumerable or not (message, stack,
 * description, context, errorResponse, ...), because n8n shows or stores most of them.
 * Nested Error causes are cut to name/message/code/status/stack, like n8n's own
 * `ExecutionBaseError.toJSON` bounds them: a raw axios cause carries the whole request config,
 * which n8n never persists, and walking it would only report false hits.
 */

const MAX_DEPTH = 12;

function isBufferLike(value: object): value is Buffer {
	return Buffer.isBuffer(value);
}

function errorCauseProjection(error: Error): Record<string, unknown> {
	const extra = error as Error & { code?: unknown; status?: unknown };
	return {
		name: error.name,
		message: error.message,
		code: extra.code,
		status: extra.status,
		stack: error.stack,
	};
}

function toPlain(value: unknown, depth: number, seen: WeakSet<object>, isCause = false): unknown {
	if (value === null || value === undefined) return value;
	switch (typeof value) {
		case 'string':
		case 'number':
		case 'boolean':
			return value;
		case 'bigint':
			return value.toString();
		case 'symbol':
			return value.toString();
		case 'function':
			return undefined;
	}
	const object = value as object;
	if (seen.has(object)) return '[Circular]';
	if (depth > MAX_DEPTH) return '[MaxDepth]';
	seen.add(object);
	try {
		if (isBufferLike(object)) return object.toString('latin1');
		if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
		if (object instanceof Error && isCause) return toPlain(errorCauseProjection(object), depth + 1, seen);
		if (object instanceof Map) return toPlain([...object.entries()], depth + 1, seen);
		if (object instanceof Set) return toPlain([...object.values()], depth + 1, seen);
		if (Array.isArray(object)) return object.map((entry) => toPlain(entry, depth + 1, seen));

		const keys = object instanceof Error ? Object.getOwnPropertyNames(object) : Object.keys(object);
		const result: Record<string, unknown> = {};
		for (const key of keys) {
			let entry: unknown;
			try {
				entry = (object as Record<string, unknown>)[key];
			} catch {
				continue; // throwing getters are not data anyone sees
			}
			result[key] = toPlain(entry, depth + 1, seen, object instanceof Error && key === 'cause');
		}
		// `cause` is non-enumerable on native errors: getOwnPropertyNames above already has it.
		return result;
	} finally {
		seen.delete(object);
	}
}

/** JSON text of `value` for the leak scan (never throws). */
export function toLeakText(value: unknown): string {
	try {
		return JSON.stringify(toPlain(value, 0, new WeakSet())) ?? 'undefined';
	} catch (error) {
		return `[unserializable: ${(error as Error).message}]`;
	}
}
