import { createHash, randomBytes } from 'node:crypto';

import { TASK_ID_MAX_LENGTH, TASK_ID_PATTERN } from '../../shared/card';

/**
 * A task_id for a card that calls back: unique per send (WeCom rejects reuse within an app),
 * traceable to the execution and item, and within WeCom's charset and 128 bytes.
 */
export function generateTaskId(executionId: string, itemIndex: number): string {
	const execution = executionId.replace(/[^A-Za-z0-9_@-]/g, '').slice(0, 48) || 'run';
	const taskId = `n8n-${execution}-${itemIndex}-${randomBytes(8).toString('hex')}`;
	if (!TASK_ID_PATTERN.test(taskId)) throw new Error(`Generated task_id "${taskId}" is invalid`);
	return taskId;
}

/** Each call of a split send needs its own task_id; the first keeps the original. */
export function taskIdForBatch(taskId: string, batchIndex: number): string {
	if (batchIndex === 0) return taskId;
	const suffix = `-b${batchIndex + 1}`;
	return `${taskId.slice(0, TASK_ID_MAX_LENGTH - suffix.length)}${suffix}`;
}

/** The same dedup key always gives the same task_id, so WeCom itself refuses a second send. */
export function dedupTaskId(dedupKey: string): string {
	return `n8n-dk-${createHash('sha256').update(dedupKey).digest('hex').slice(0, 48)}`;
}
