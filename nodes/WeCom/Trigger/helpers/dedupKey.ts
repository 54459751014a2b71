import { createHash } from 'node:crypto';

import type { WeComCallbackEvent } from '../../shared/callback';

function field(event: WeComCallbackEvent, name: string): string {
	const value = event[name];
	return value === null || value === undefined ? '' : String(value);
}

/**
 * What makes two deliveries the same callback: MsgId for messages; for events, as WeCom
 * documents, FromUserName + CreateTime, narrowed by what the event is about. ResponseCode is
 * left out on purpose: were WeCom to mint a new one for a re-send, the re-send would slip through.
 */
export function dedupKeyOf(event: WeComCallbackEvent): string {
	const msgId = field(event, 'msgId');
	const parts =
		msgId !== ''
			? ['msg', msgId]
			: event.fromUser !== '' && event.createTime !== null
				? [
						'event',
						event.fromUser,
						String(event.createTime),
						event.event,
						...['taskId', 'eventKey', 'spNo', 'spStatus', 'statusChangeEvent'].map((name) => field(event, name)),
					]
				: ['raw', event.rawXml];
	return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
