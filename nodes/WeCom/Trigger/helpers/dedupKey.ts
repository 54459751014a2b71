import { createHash } from 'node:crypto';

import type { WeComCallbackEvent } from '../../shared/callback';

/**
 * What makes two deliveries the same callback. A WeCom re-send carries the same message again
 * (WeCom advises dropping them by MsgId, or by FromUserName + CreateTime for events:
 * https://developer.work.weixin.qq.com/document/path/90238); its Encrypt text may differ (a
 * fresh random prefix), the decrypted message does not. FromUserName + CreateTime is too coarse
 * for events: both approvers of a co-signed approval, or contact changes of several members,
 * are distinct events from "sys" within one second. So: MsgId for messages, and for events the
 * whole decrypted message, which differs wherever two events differ.
 */
export function dedupKeyOf(event: WeComCallbackEvent): string {
	const msgId = typeof event.msgId === 'string' ? event.msgId : '';
	const parts = msgId !== '' ? ['msg', msgId] : ['xml', event.rawXml];
	return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
