/**
 * An in-memory `IDataDeduplicator` that follows n8n's CLI `DeduplicationHelper`
 * (packages/cli/src/deduplication/deduplication-helper.ts, 2.41.1) over a Map instead of the
 * `processed_data` table: one "row" per workflow id + context ('n:<nodeId>' for the node
 * scope, '' for the workflow scope), MD5/base64 hashes in entries mode trimmed first-in
 * first-out to maxEntries, the largest value in the two "latest" modes.
 *
 * Its quirks are kept on purpose, since nodes run against them in production:
 * - the first call for a context returns every item as new, duplicates within it included;
 * - later calls compare against the stored set only, so a key repeated within one call is
 *   "new" twice (and stored twice);
 * - a mode different from the stored one throws.
 */
import { createHash } from 'node:crypto';

import type {
	DeduplicationItemTypes,
	DeduplicationMode,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';
import { tryToParseDateTime, UnexpectedError } from 'n8n-workflow';

interface ProcessedValue {
	mode: DeduplicationMode;
	data: DeduplicationItemTypes | DeduplicationItemTypes[];
}

/** Same class and message prefix as the CLI's DeduplicationError. */
class DeduplicationError extends UnexpectedError {
	constructor(message: string) {
		super(`Deduplication Failed: ${message}`);
	}
}

const LATEST_MODES: DeduplicationMode[] = ['latestIncrementalKey', 'latestDate'];

function contextKey(scope: DeduplicationScope, contextData: ICheckProcessedContextData): string {
	if (scope === 'node') {
		if (!contextData.node) {
			throw new DeduplicationError("No node information has been provided and so cannot use scope 'node'");
		}
		return `n:${contextData.node.id}`;
	}
	return '';
}

function hashValue(value: DeduplicationItemTypes): string {
	return createHash('md5').update(value.toString()).digest('base64');
}

function compareValues(mode: DeduplicationMode, a: DeduplicationItemTypes, b: DeduplicationItemTypes): number {
	if (mode === 'latestIncrementalKey') {
		const first = Number(a);
		const second = Number(b);
		if (Number.isNaN(first) || Number.isNaN(second)) {
			throw new DeduplicationError('Invalid value. Only numbers are supported in mode "latestIncrementalKey"');
		}
		return first === second ? 0 : first > second ? 1 : -1;
	}
	if (mode === 'latestDate') {
		try {
			const first = tryToParseDateTime(a);
			const second = tryToParseDateTime(b);
			return first === second ? 0 : first > second ? 1 : -1;
		} catch {
			throw new DeduplicationError('Invalid value. Only valid dates are supported in mode "latestDate"');
		}
	}
	throw new DeduplicationError("Invalid mode. Only 'latestIncrementalKey' and 'latestDate' are supported.");
}

export class InMemoryDeduplicator implements IDataDeduplicator {
	/** Keyed by `<workflowId>|<context>`; survives across executions of one test file. */
	private readonly rows = new Map<string, ProcessedValue>();

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		const key = this.rowKey(scope, contextData);
		const stored = this.rows.get(key);
		if (stored && stored.mode !== options.mode) {
			throw new DeduplicationError(
				'Deduplication data was originally saved with an incompatible setting of the ‘Keep Items Where’ parameter. Try ’Clean Database’ operation to reset.',
			);
		}
		return LATEST_MODES.includes(options.mode)
			? this.recordLatest(key, items, options, stored)
			: this.recordEntries(key, items, options, stored);
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<void> {
		if (LATEST_MODES.includes(options.mode)) {
			throw new DeduplicationError('Removing processed data is not possible in mode "latest"');
		}
		const stored = this.rows.get(this.rowKey(scope, contextData));
		if (!stored || !Array.isArray(stored.data)) return;
		for (const hash of items.map(hashValue)) {
			const index = stored.data.indexOf(hash);
			if (index !== -1) stored.data.splice(index, 1);
		}
	}

	async clearAllProcessedItems(scope: DeduplicationScope, contextData: ICheckProcessedContextData): Promise<void> {
		this.rows.delete(this.rowKey(scope, contextData));
	}

	async getProcessedDataCount(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<number> {
		const stored = this.rows.get(this.rowKey(scope, contextData));
		return options.mode === 'entries' && stored && Array.isArray(stored.data) ? stored.data.length : 0;
	}

	/** Number of stored rows (workflow/context pairs), for assertions. */
	get size(): number {
		return this.rows.size;
	}

	/** Forgets everything (n8n has no such call; tests may want a clean slate). */
	reset(): void {
		this.rows.clear();
	}

	private rowKey(scope: DeduplicationScope, contextData: ICheckProcessedContextData): string {
		const context = contextKey(scope, contextData);
		if (!contextData.workflow.id) throw new DeduplicationError('The workflow has no id');
		return `${contextData.workflow.id}|${context}`;
	}

	private recordEntries(
		key: string,
		items: DeduplicationItemTypes[],
		options: ICheckProcessedOptions,
		stored: ProcessedValue | undefined,
	): IDeduplicationOutput {
		const hashes = items.map(hashValue);
		if (!stored) {
			if (options.maxEntries) hashes.splice(0, hashes.length - options.maxEntries);
			this.rows.set(key, { mode: options.mode, data: hashes });
			return { new: items, processed: [] };
		}
		const result: IDeduplicationOutput = { new: [], processed: [] };
		if (!Array.isArray(stored.data)) return result;
		const data = stored.data;
		const known = new Set(data);
		hashes.forEach((hash, index) => {
			if (known.has(hash)) {
				result.processed.push(items[index]);
			} else {
				result.new.push(items[index]);
				data.push(hash);
			}
		});
		if (options.maxEntries) data.splice(0, data.length - options.maxEntries);
		return result;
	}

	private recordLatest(
		key: string,
		items: DeduplicationItemTypes[],
		options: ICheckProcessedOptions,
		stored: ProcessedValue | undefined,
	): IDeduplicationOutput {
		const sorted = items.slice().sort((a, b) => compareValues(options.mode, a, b));
		if (!stored) {
			this.rows.set(key, { mode: options.mode, data: sorted.pop()! });
			return { new: items, processed: [] };
		}
		const result: IDeduplicationOutput = { new: [], processed: [] };
		if (Array.isArray(stored.data)) return result;
		const previous = stored.data;
		let largest = previous;
		for (const item of sorted) {
			if (compareValues(options.mode, item, previous) === 1) {
				result.new.push(item);
				if (compareValues(options.mode, item, largest) === 1) largest = item;
			} else {
				result.processed.push(item);
			}
		}
		stored.data = largest;
		return result;
	}
}
