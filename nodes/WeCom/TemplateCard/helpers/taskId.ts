import { createHash, randomUUID } from 'node:crypto';

import { TASK_ID_CHARACTERS, TASK_ID_PATTERN } from '../../shared/card';

const NOT_TASK_ID_CHARACTER = new RegExp(`[^${TASK_ID_CHARACTERS}]`, 'g');

/**
 * A task_id for a card that calls back: unique per send (WeCom rejects reuse within an app),
 * traceable to the execution and item, and within WeCom's charset and 128 bytes.
 */
export function generateTaskId(executionId: string, itemIndex: number): string {
	const execution = executionId.replace(NOT_TASK_ID_CHARACTER, '').slice(0, 48) || 'run';
	// A v4 UUID's 122 random bits as 32 hex digits: randomUUID draws from a cached pool, randomBytes
	// asks the OS on every call. At most 4 + 48 + 1 + 7 + 1 + 32 = 93 of WeCom's 128 bytes.
	const taskId = `n8n-${execution}-${itemIndex}-${randomUUID().replace(/-/g, '')}`;
	if (!TASK_ID_PATTERN.test(taskId)) throw new Error(`Generated task_id "${taskId}" is invalid`);
	return taskId;
}

/** The same dedup key always gives the same task_id, so WeCom itself refuses a second send. */
export function dedupTaskId(dedupKey: string): string {
	return `n8n-dk-${createHash('sha256').update(dedupKey).digest('hex').slice(0, 48)}`;
}
