/** Signed, encrypted template-card button clicks, sealed with the project's callback crypto. */
import { randomBytes } from 'node:crypto';

import type { CallbackSecrets } from '../../../nodes/WeCom/shared/callback';
import { cdata, sealCallback } from '../../../sandbox/callbacks';
import type { SealedCallback } from '../../../sandbox/callbacks';
import { AGENT_ID, CORP_ID, benchUser } from '../payload';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function callbackSecrets(): CallbackSecrets {
	// An EncodingAESKey is 43 letters or digits (base64 of 32 bytes, without '+', '/' or padding).
	const encodingAesKey = Array.from(randomBytes(43), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
	return { token: 'BenchCallbackToken', encodingAesKey, corpId: CORP_ID };
}

/** Each click is distinct (user, time, response code), so the trigger's re-send filter passes it. */
function buttonClickXml(index: number, createTime: number): string {
	return (
		`<xml><ToUserName>${cdata(CORP_ID)}</ToUserName><FromUserName>${cdata(benchUser(index))}</FromUserName>` +
		`<CreateTime>${createTime}</CreateTime><MsgType>${cdata('event')}</MsgType>` +
		`<Event>${cdata('template_card_event')}</Event><EventKey>${cdata('approve')}</EventKey>` +
		`<TaskId>${cdata(`bench-task-${index}`)}</TaskId><CardType>${cdata('button_interaction')}</CardType>` +
		`<ResponseCode>${cdata(`bench-response-code-${index}-${randomBytes(6).toString('hex')}`)}</ResponseCode>` +
		`<AgentID>${AGENT_ID}</AgentID></xml>`
	);
}

export function buttonClicks(secrets: CallbackSecrets, count: number): SealedCallback[] {
	const now = Math.floor(Date.now() / 1000);
	return Array.from({ length: count }, (_, index) =>
		sealCallback(secrets, buttonClickXml(index, now - (index % 60)), { timestamp: now, agentId: AGENT_ID }),
	);
}
