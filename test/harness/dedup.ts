/**
 * n8n-core's `DataDeduplicationService` is a singleton that may be `init()`-ed only once per
 * module registry (once per jest test file), so one in-memory deduplicator serves every
 * harness of the file and keeps its history across runs. Tests that need a clean slate use
 * another workflowId or call `reset()`.
 */
import { DataDeduplicationService } from 'n8n-core';

import { InMemoryDeduplicator } from './inMemoryDeduplicator';

let deduplicator: InMemoryDeduplicator | undefined;

function isInitialized(): boolean {
	try {
		DataDeduplicationService.getInstance();
		return true;
	} catch {
		return false;
	}
}

export function sharedDeduplicator(): InMemoryDeduplicator {
	if (!deduplicator) {
		if (isInitialized()) {
			throw new Error('DataDeduplicationService was initialized outside the harness; use sharedDeduplicator()');
		}
		const created = new InMemoryDeduplicator();
		// init() is async in signature only: its body sets the instance before returning.
		void DataDeduplicationService.init(created);
		deduplicator = created;
	}
	return deduplicator;
}
