/** Plain-text table and number formatting for the printed report. */

export function formatTable(headers: string[], rows: string[][], leftColumns = 1): string {
	const widths = headers.map((header, column) =>
		Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
	);
	const line = (cells: string[]) =>
		cells
			.map((cell, column) => (column < leftColumns ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
			.join('  ')
			.trimEnd();
	const rule = widths.map((width) => '-'.repeat(width)).join('  ');
	return [line(headers), rule, ...rows.map(line)].join('\n');
}

export const int = (value: number): string =>
	Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-';
export const fixed = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : '-');
export const seconds = (ms: number): string => fixed(ms / 1000, 2);
export const megabytes = (bytes: number): string => fixed(bytes / 2 ** 20, 0);

export function duration(ms: number): string {
	const total = Math.round(ms / 1000);
	const minutes = Math.floor(total / 60);
	return minutes ? `${minutes} min ${total % 60} s` : `${(ms / 1000).toFixed(1)} s`;
}

export const verdict = (met: boolean | undefined): string =>
	met === undefined ? 'not measured' : met ? 'met' : 'NOT met';

/** Counts by key, largest first: '/cgi-bin/message/send 5, /cgi-bin/gettoken 1'. */
export function countsText(counts: Record<string, number>): string {
	const entries = Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
	return entries.length ? entries.map(([key, count]) => `${key} ${count.toLocaleString('en-US')}`).join(', ') : 'none';
}
