import { acceptCard } from '../cardSchema';
import { reject, wecomOk } from '../errmsg';
import { isPlainObject } from '../http';
import { requireAttachmentMedia } from '../media/usable';
import { recipientCapErrcode } from '../recipients';
import { RESPONSE_CODE_TTL_MS } from '../../nodes/WeCom/shared/limits';
import type { AppContext, SandboxState, SentMessage } from '../state';
import { authenticate, jsonBody, nonEmptyString, requireOwnAgentId, requirePost } from './common';
import type { WecomRoute } from './common';

/** A response_code is good for one successful update within 72 hours. */
export { RESPONSE_CODE_TTL_MS };

/** Only these originals have a button to grey out (button mode). */
const BUTTON_CARDS = new Set(['button_interaction', 'vote_interaction', 'multiple_interaction']);

type Change = { mode: 'button'; replaceName: string } | { mode: 'template_card'; card: Record<string, unknown> };

/** Exactly one of button.replace_name / template_card; anything else is an invalid parameter. */
function readChange(body: Record<string, unknown>, original: SentMessage): Change {
	const hasButton = body.button !== undefined;
	const hasCard = body.template_card !== undefined;
	if (hasButton === hasCard) reject(40058);
	if (hasCard) return { mode: 'template_card', card: acceptCard(body.template_card, 'update').card };
	const button = body.button;
	if (!isPlainObject(button) || !nonEmptyString(button.replace_name)) reject(40058);
	const originalType = (original.entry.template_card as { card_type?: string } | undefined)?.card_type;
	if (!originalType || !BUTTON_CARDS.has(originalType)) reject(40058);
	return { mode: 'button', replaceName: button.replace_name };
}

function idList<T>(value: unknown, isItem: (item: unknown) => item is T): T[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value) || !value.every(isItem)) reject(40058);
	return value;
}
const isString = (item: unknown): item is string => typeof item === 'string';
const isInteger = (item: unknown): item is number => typeof item === 'number' && Number.isInteger(item);

interface Targets {
	atall: boolean;
	users: string[];
	invaliduser: string[];
	partyids: number[];
	tagids: number[];
}

/**
 * Who gets the new card. A user is valid if the corp knows them and the original reached them:
 * by userid, by @all, or possibly through a department/tag (membership is not modelled, so a
 * message sent to departments or tags accepts any known user).
 */
function readTargets(body: Record<string, unknown>, original: SentMessage, context: AppContext): Targets {
	const userids = idList(body.userids, isString);
	const partyids = idList(body.partyids, isInteger);
	const tagids = idList(body.tagids, isInteger);
	const atall = body.atall === 1;
	// "Update target empty" (82101) is the documented code for an update that names no one.
	if (!atall && userids.length + partyids.length + tagids.length === 0) reject(82101);
	const overCap = recipientCapErrcode(userids.length, partyids.length, tagids.length);
	if (overCap !== undefined) reject(overCap);

	const sent = original.entry;
	const toAll = sent.touser.includes('@all');
	const viaGroups = sent.toparty.length + sent.totag.length > 0;
	const reached = new Set(sent.touser.map((u) => u.toLowerCase()));
	const isReached = (u: string): boolean => context.corp.users.has(u) && (toAll || viaGroups || reached.has(u));
	const lowered = userids.map((u) => u.toLowerCase());
	const users = lowered.filter(isReached);
	const validParties = partyids.filter((p) => toAll || sent.toparty.includes(String(p)));
	const validTags = tagids.filter((t) => toAll || sent.totag.includes(String(t)));
	// Naming only people and groups the card never reached is treated like a send whose
	// recipients are all invalid (81013); WeCom does not document this case.
	if (!atall && users.length + validParties.length + validTags.length === 0) reject(81013);
	return {
		atall,
		users,
		invaliduser: lowered.filter((u) => !isReached(u)),
		partyids: validParties,
		tagids: validTags,
	};
}

function applyChange(original: SentMessage, change: Change, targets: Targets, now: number): void {
	const patch =
		change.mode === 'button'
			? { replaceName: change.replaceName, updatedAt: now }
			: { template_card: change.card, replaceName: undefined, updatedAt: now };
	if (targets.atall) {
		original.everyone = { ...original.everyone, ...patch };
		for (const [user, current] of original.perUser) original.perUser.set(user, { ...current, ...patch });
		return;
	}
	for (const user of targets.users) {
		const current = original.perUser.get(user) ?? original.everyone;
		original.perUser.set(user, { ...current, ...patch });
	}
}

/**
 * POST /cgi-bin/message/update_template_card?access_token=
 * response_code: unknown, used or older than 72 h → 60140. A code from another app → 42015
 * (WeCom's meaning "the updating app is not the sending app"; the doc only says "likely").
 */
export const updateTemplateCard: WecomRoute = (req, state: SandboxState) => {
	requirePost(req);
	const context = authenticate(req, state);
	const body = jsonBody(req);
	const agentid = requireOwnAgentId(body.agentid, context);
	const code = body.response_code;
	if (!nonEmptyString(code)) reject(40058);
	const issued = state.responseCodes.get(code);
	if (!issued) reject(60140);
	if (issued.corpId !== context.corp.corp.corpId || issued.agentId !== agentid) reject(42015);
	const now = state.now();
	if (issued.used || now - issued.issuedAt >= RESPONSE_CODE_TTL_MS) reject(60140);
	const original = state.sent.get(issued.msgid);
	if (!original) reject(60140);

	const change = readChange(body, original);
	if (change.mode === 'template_card') requireAttachmentMedia(state, change.card, { corpId: context.corp.corp.corpId });
	const targets = readTargets(body, original, context);
	issued.used = true;
	applyChange(original, change, targets, now);
	state.record({
		kind: 'app',
		action: 'update',
		msgtype: change.mode,
		corpId: context.corp.corp.corpId,
		agentid,
		touser: targets.atall ? ['@all'] : targets.users,
		toparty: targets.partyids.map(String),
		totag: targets.tagids.map(String),
		...(change.mode === 'template_card' ? { template_card: change.card } : {}),
		msgid: issued.msgid,
		response_code: code,
		acceptedAt: now,
		recalled: false,
		update: {
			mode: change.mode,
			...(change.mode === 'button' ? { replace_name: change.replaceName } : {}),
			atall: targets.atall,
			users: targets.users,
			partyids: targets.partyids,
			tagids: targets.tagids,
			invaliduser: targets.invaliduser,
		},
	});
	return wecomOk({ invaliduser: targets.invaliduser });
};
