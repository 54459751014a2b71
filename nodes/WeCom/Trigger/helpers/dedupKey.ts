import { createHash } from 'node:crypto';

import type { WeComCallbackEvent } from '../../shared/callback';

/**
 * What makes two deliveries the same callback. WeCom re-sends a callback it got no answer to
 * within 5 s, three times at most, and advises dropping re-sends by MsgId, or by FromUserName +
 * CreateTime for events (https://developer.work.weixin.qq.com/document/path/90238): a re-send is
 * the same message again. Whether it reuses the Encrypt text is not documented, so the key comes
 * from the decrypted message, never the ciphertext. FromUserName + CreateTime is too coarse:
 * both approvers of a co-signed approval, or contact changes of several members, are distinct
 * events from "sys" within one second. So: MsgId for messages, and for events the whole
 * decrypted message, which differs wherever two events differ.
 */
export function dedupKeyOf(event: WeComCallbackEvent): string {
	const msgId = typeof event.msgId === 'string' ? event.msgId : '';
	const parts = msgId !== '' ? ['msg', msgId] : ['xml', event.rawXml];
	return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
