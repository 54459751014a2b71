import { createHash } from 'node:crypto';
import type { IExecuteFunctions, ICheckProcessedOptions } from 'n8n-workflow';

export type DedupScope = 'node' | 'workflow';

export interface DedupSettings {
	scope: DedupScope;
	historySize: number;
}

const options = (settings: DedupSettings): ICheckProcessedOptions => ({
	mode: 'entries',
	maxEntries: settings.historySize,
});

/** The default key: what makes two sends the same message (who gets it, and the card). */
export function defaultDedupKey(parts: unknown): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Records the key in n8n's dedup store (the database, shared by queue-mode workers) and
 * tells whether it was new. Recorded before sending, so a concurrent execution skips it.
 */
export async function claimDedupKey(ctx: IExecuteFunctions, key: string, settings: DedupSettings): Promise<boolean> {
	const result = await ctx.helpers.checkProcessedAndRecord([key], settings.scope, options(settings));
	return result.new.length > 0;
}

/** Un-records a key whose send failed, so a later execution can try again. */
export async function releaseDedupKey(ctx: IExecuteFunctions, key: string, settings: DedupSettings): Promise<void> {
	await ctx.helpers.removeProcessed([key], settings.scope, options(settings));
}
