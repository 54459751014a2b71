import type { IDataObject } from 'n8n-workflow';

/**
 * media_id, type and created_at as WeCom answers them (created_at: a string of seconds), and
 * when the media_id stops working.
 */
export function mediaIdOutput(response: IDataObject, lifetimeMs: number): IDataObject {
	const createdAtMs = Number(response.created_at) * 1000;
	const known = Number.isFinite(createdAtMs) && createdAtMs > 0;
	return {
		media_id: response.media_id,
		type: response.type,
		created_at: response.created_at,
		expires_at: known ? new Date(createdAtMs + lifetimeMs).toISOString() : undefined,
	};
}
