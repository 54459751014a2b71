/**
 * Lenient readers for stored cards. The page must render whatever a caller sent (odd types
 * included) without throwing, so every field is read defensively.
 */

export type Fields = Record<string, unknown>;

export function obj(value: unknown): Fields | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

export function list(value: unknown): Fields[] {
	return Array.isArray(value) ? value.map(obj).filter((item): item is Fields => !!item) : [];
}

/** Strings and numbers as text; anything else as absent. */
export function str(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

export function int(value: unknown, fallback = 0): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) ? number : fallback;
}

export function bool(value: unknown): boolean {
	return value === true || value === 1 || value === 'true';
}

/** Deterministic (UTC) so screenshots and tests do not depend on the machine's time zone. */
export function formatTime(ms: number | undefined): string {
	if (ms === undefined || !Number.isFinite(ms)) return '';
	return new Date(ms)
		.toISOString()
		.replace('T', ' ')
		.replace(/\.\d+Z$/, ' UTC');
}
