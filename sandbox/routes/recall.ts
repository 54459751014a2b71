import { reject, wecomOk } from '../errmsg';
import { authenticate, jsonBody, nonEmptyString, requirePost } from './common';
import type { WecomRoute } from './common';

/**
 * Messages can be recalled for 24 hours, 42052 afterwards
 * (https://developer.work.weixin.qq.com/document/path/94867).
 */
export const RECALL_WINDOW_MS = 24 * 3600 * 1000;

/**
 * POST /cgi-bin/message/recall?access_token=
 * 40058 ("invalid parameter") for a missing or unknown msgid and for another app's message,
 * which WeCom documents as a 40058 cause; also for a second recall of the same message
 * (undocumented: the message is no longer there to recall).
 */
export const recall: WecomRoute = (req, state) => {
	requirePost(req);
	const context = authenticate(req, state);
	const body = jsonBody(req);
	const msgid = body.msgid;
	if (!nonEmptyString(msgid)) reject(40058);
	const sent = state.sent.get(msgid);
	if (!sent || sent.entry.corpId !== context.corp.corp.corpId || sent.entry.agentid !== context.app.agentId)
		reject(40058);
	const now = state.now();
	if (now - sent.entry.acceptedAt >= RECALL_WINDOW_MS) reject(42052);
	if (sent.entry.recalled) reject(40058);
	sent.entry.recalled = true;
	sent.entry.recalledAt = now;
	state.record({
		kind: 'app',
		action: 'recall',
		msgtype: 'recall',
		corpId: sent.entry.corpId,
		agentid: sent.entry.agentid,
		touser: [...sent.entry.touser],
		toparty: [...sent.entry.toparty],
		totag: [...sent.entry.totag],
		msgid,
		acceptedAt: now,
		recalled: false,
	});
	return wecomOk();
};
