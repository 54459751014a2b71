import { acceptCard } from '../cardSchema';
import { duplicateIntervalMs, duplicateKey } from '../duplicateCheck';
import { reject, wecomOk } from '../errmsg';
import { isPlainObject } from '../http';
import { requireAttachmentMedia } from '../media/usable';
import { newMsgid, newResponseCode } from '../ids';
import { resolveSendRecipients } from '../recipients';
import type { ResolvedRecipients } from '../recipients';
import type { AppContext, SandboxState } from '../state';
import { authenticate, jsonBody, nonEmptyString, requireOwnAgentId, requirePost } from './common';
import type { WecomRoute } from './common';

/** The checked content of a send: a text or a template card. */
type SendContent =
	| { msgtype: 'text'; text: { content: string }; callsBack: false }
	| {
			msgtype: 'template_card';
			card: Record<string, unknown>;
			taskId?: string;
			callsBack: boolean;
	  };

function checkContent(body: Record<string, unknown>, context: AppContext, state: SandboxState): SendContent {
	if (body.msgtype === 'text') {
		const text = body.text;
		if (!isPlainObject(text) || !nonEmptyString(text.content)) reject(44004);
		return { msgtype: 'text', text: { content: text.content }, callsBack: false };
	}
	if (body.msgtype !== 'template_card') reject(40008);
	const { card, callsBack } = acceptCard(body.template_card, 'send');
	requireAttachmentMedia(state, card, { corpId: context.corp.corp.corpId });
	if (callsBack && !context.app.callbackUrl) reject(43012);
	const taskId = typeof card.task_id === 'string' ? card.task_id : undefined;
	return { msgtype: 'template_card', card, taskId, callsBack };
}

/**
 * WeCom's send answer. invaliduser is always present ('' when none), invalidparty/invalidtag only
 * when non-empty: the doc says fields may be absent or empty, so clients must cope with both.
 */
function sendAnswer(recipients: ResolvedRecipients, msgid: string, responseCode?: string): Record<string, unknown> {
	return {
		invaliduser: recipients.invaliduser.join('|'),
		...(recipients.invalidparty.length ? { invalidparty: recipients.invalidparty.join('|') } : {}),
		...(recipients.invalidtag.length ? { invalidtag: recipients.invalidtag.join('|') } : {}),
		msgid,
		...(responseCode ? { response_code: responseCode } : {}),
	};
}

/** Answers an identical send within its interval with the original answer, delivering nothing. */
function answerDuplicate(state: SandboxState, key: string | undefined): Record<string, unknown> | undefined {
	const original = key === undefined ? undefined : state.duplicates.get(key);
	const first = original && state.entry(original.entryId);
	if (!original || !first || state.now() >= original.expiresAt) return undefined;
	const { id: _firstId, ...copy } = first;
	state.record({
		...copy,
		droppedFor: undefined, // nothing is delivered again, so nothing is dropped either
		acceptedAt: state.now(),
		duplicateOf: original.entryId,
		recalled: false,
	});
	state.countDuplicate();
	return original.answer;
}

/**
 * Members named in touser that the per-member limit keeps this message from (lower-cased).
 * Members reached through toparty, totag or @all are not counted: the sandbox does not model
 * department and tag membership, and @all would count every member of the corp.
 */
function membersDropped(
	state: SandboxState,
	recipients: ResolvedRecipients,
	send: { corpId: string; agentId: number; msgid: string; at: number },
): string[] {
	const invalid = new Set(recipients.invaliduser);
	const members = new Set(recipients.touser.map((u) => u.toLowerCase()));
	members.delete('@all');
	return [...members].filter((userid) => !invalid.has(userid) && !state.memberLimiter.deliver({ ...send, userid }));
}

/** POST /cgi-bin/message/send?access_token= */
export const messageSend: WecomRoute = (req, state) => {
	requirePost(req);
	const context = authenticate(req, state);
	const body = jsonBody(req);
	const agentid = requireOwnAgentId(body.agentid, context);
	const corpId = context.corp.corp.corpId;
	const dupKey = duplicateKey(body, corpId, agentid);
	const duplicateAnswer = answerDuplicate(state, dupKey);
	if (duplicateAnswer) return wecomOk(duplicateAnswer);

	const recipients = resolveSendRecipients(body, context.corp);
	const content = checkContent(body, context, state);
	// task_id is unique per app. WeCom does not document the errcode for a reused one; 42014
	// ("task_id of the task card is invalid") is the closest documented meaning.
	const taskKey =
		content.msgtype === 'template_card' && content.taskId ? `${corpId}|${agentid}|${content.taskId}` : undefined;
	if (taskKey && state.taskIds.has(taskKey)) reject(42014);

	const now = state.now();
	const msgid = newMsgid();
	const responseCode = content.callsBack ? newResponseCode() : undefined;
	const droppedFor = membersDropped(state, recipients, { corpId, agentId: agentid, msgid, at: now });
	const entry = state.record({
		kind: 'app',
		action: 'send',
		msgtype: content.msgtype,
		corpId,
		agentid,
		touser: recipients.touser,
		toparty: recipients.toparty,
		totag: recipients.totag,
		...(content.msgtype === 'text' ? { text: content.text } : { template_card: content.card, task_id: content.taskId }),
		msgid,
		response_code: responseCode,
		acceptedAt: now,
		enableIdTrans: body.enable_id_trans === 1,
		...(droppedFor.length ? { droppedFor } : {}),
		recalled: false,
	});
	state.sent.set(msgid, { entry, perUser: new Map() });
	if (taskKey) state.taskIds.add(taskKey);
	if (responseCode)
		state.responseCodes.set(responseCode, {
			msgid,
			corpId,
			agentId: agentid,
			issuedAt: now,
			used: false,
		});
	const answer = sendAnswer(recipients, msgid, responseCode);
	if (dupKey)
		state.duplicates.set(dupKey, {
			entryId: entry.id,
			expiresAt: now + duplicateIntervalMs(body),
			answer,
		});
	return wecomOk(answer);
};
