import { createHash } from 'node:crypto';
import type { IExecuteFunctions, ICheckProcessedOptions } from 'n8n-workflow';

import type { WeComApp } from '../transport/context';
import type { Recipients } from '../transport/recipients';

export type DedupScope = 'node' | 'workflow';

interface DedupSettings {
	scope: DedupScope;
	historySize: number;
}

const options = (settings: DedupSettings): ICheckProcessedOptions => ({
	mode: 'entries',
	maxEntries: settings.historySize,
});

/** What makes two sends the same message when the user gives no key of their own. */
interface DedupIdentity {
	/** From the credential: the same card to another corp or app is another message. */
	app: WeComApp;
	recipients: Recipients;
	/** As the user gave it: a task_id of their own tells cards apart, a generated one is not in it yet. */
	card: unknown;
}

/**
 * The default key: a hash, so the stored key reveals neither recipients nor card. The
 * recipients are a set (order and spelling of the same members do not matter) and the card's
 * keys are sorted, so the same message always gives the same key.
 */
export function defaultDedupKey({ app, recipients, card }: DedupIdentity): string {
	const sortedSet = (ids: string[]) => [...new Set(ids)].sort();
	const identity = {
		corpId: app.corpId,
		agentId: app.agentId,
		toAll: recipients.toAll,
		users: sortedSet(recipients.users.map((user) => user.toLowerCase())),
		parties: sortedSet(recipients.parties),
		tags: sortedSet(recipients.tags),
		card,
	};
	return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}

/** JSON with object keys in sorted order; the card's depth is bounded before it gets here. */
function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, field]) => field !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
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
