/**
 * Drops what a form leaves behind but WeCom must not receive: empty strings, undefined,
 * empty objects and empty arrays (recursively). Numbers, booleans and 0 are kept.
 */
export function compact<T>(value: T): T | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (Array.isArray(value)) {
		const items = value.map(compact).filter((item) => item !== undefined);
		return (items.length ? items : undefined) as T | undefined;
	}
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.map(([key, item]) => [key, compact(item)] as const)
			.filter(([, item]) => item !== undefined);
		return (entries.length ? Object.fromEntries(entries) : undefined) as T | undefined;
	}
	return value;
}
