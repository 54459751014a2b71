import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { answerText } from '../../helpers/answerText';

/**
 * media_id, type and created_at as WeCom answers them (created_at: a string of seconds), and
 * when the media_id stops working. A created_at that is no usable time (not a number, beyond what
 * a date can hold) is output as answered, and the expiry is counted from when the upload started:
 * never later than the real one. A created_at after the answer arrived (impossible, or WeCom's
 * clock ahead of this one) counts from now, for the same reason.
 */
export function mediaIdOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	upload: { response: IDataObject; startedAtMs: number; api: string },
	lifetimeMs: number,
): IDataObject {
	const { response, startedAtMs, api } = upload;
	const createdAtMs = ['string', 'number'].includes(typeof response.created_at)
		? Number(response.created_at) * 1000
		: NaN;
	const expiresAt = new Date((createdAtMs > 0 ? Math.min(createdAtMs, Date.now()) : startedAtMs) + lifetimeMs);
	return {
		media_id: answerText(ctx, itemIndex, response, 'media_id', api),
		type: response.type,
		created_at: response.created_at,
		expires_at: (Number.isNaN(expiresAt.getTime()) ? new Date(startedAtMs + lifetimeMs) : expiresAt).toISOString(),
	};
}
