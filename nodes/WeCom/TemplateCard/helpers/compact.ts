/**
 * Drops what a form leaves behind but WeCom must not receive: empty strings, undefined,
 * empty objects and empty arrays (recursively). Numbers, booleans and 0 are kept.
 */
export function compact<T>(value: T): T | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (Array.isArray(value)) {
		const items: unknown[] = [];
		for (const item of value) {
			const kept = compact(item);
			if (kept !== undefined) items.push(kept);
		}
		return (items.length ? items : undefined) as T | undefined;
	}
	if (typeof value === 'object') {
		// A loop, not entries/map/filter/fromEntries: every card from the form goes through here.
		const kept: Record<string, unknown> = {};
		let any = false;
		for (const key of Object.keys(value)) {
			const item = compact((value as Record<string, unknown>)[key]);
			if (item === undefined) continue;
			// An own "__proto__" stays data, as Object.fromEntries keeps it, not the copy's prototype.
			if (key === '__proto__')
				Object.defineProperty(kept, key, { value: item, enumerable: true, writable: true, configurable: true });
			else kept[key] = item;
			any = true;
		}
		return (any ? kept : undefined) as T | undefined;
	}
	return value;
}
