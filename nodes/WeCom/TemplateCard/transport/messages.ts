import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fieldMessageForErrcode, TASK_ID_MAX_LENGTH } from '../../shared/card';
import { ERRCODE } from '../../shared/errorCodes';
import { readWeComApp, type WeComApiContext, type WeComApp } from './context';
import type { WeComApiError } from './errors';
import { weComApiCall, type WeComCallResult } from './index';
import { memberSendLog, memberSlotTooFarError, MemberSlotTooFarError, type MemberPacing } from './memberPacing';
import { recipientBatches, splitWeComList, type RecipientBatch, type Recipients } from './recipients';
import type { RetryPolicy } from './retry';

/*
 * WeCom's calls on app messages: message/send (https://developer.work.weixin.qq.com/document/path/90236),
 * message/update_template_card (https://developer.work.weixin.qq.com/document/path/94888) and
 * message/recall (https://developer.work.weixin.qq.com/document/path/94867).
 */

/** Fields sent next to `template_card` in message/send: they are not part of the card. */
export interface SendFlags {
	enable_id_trans?: 1;
	enable_duplicate_check?: 1;
	duplicate_check_interval?: number;
}

interface CardSend {
	app: WeComApp;
	recipients: Recipients;
	/** Checked against the card schema; its task_id, if any, is the first call's. */
	card: IDataObject;
	flags: SendFlags;
	retry: RetryPolicy;
	pacing: MemberPacing;
}

/** One message/send call and what WeCom answered. */
export interface SentBatch {
	batch: RecipientBatch;
	taskId?: string;
	call: WeComCallResult;
	/** Members this call took over WeCom's per-member limit (see ./memberPacing.ts). */
	warnings: string[];
}

/** The calls WeCom accepted, in order, and the failure that stopped the rest (if one did). */
interface CardSendOutcome {
	sent: SentBatch[];
	failure?: WeComApiError | NodeOperationError;
}

/**
 * Sends a card: one message/send per recipient batch (more than one call's worth of
 * recipients), each with its own task_id, each counted against its members' limits. Stops at
 * the first call that fails, and says what went out before it.
 */
export async function sendCard(ctx: IExecuteFunctions, itemIndex: number, send: CardSend): Promise<CardSendOutcome> {
	const sent: SentBatch[] = [];
	for (const [index, batch] of recipientBatches(send.recipients).entries()) {
		const failure = await sendBatch(ctx, itemIndex, send, batch, index).then(
			(batchSent) => void sent.push(batchSent),
			(error: unknown) => error as WeComApiError | NodeOperationError,
		);
		if (failure) return { sent, failure };
	}
	return { sent };
}

/** WeCom refused the send because its task_id was used by an earlier send of this app. */
export function isTaskIdInUse(error: unknown): boolean {
	return (error as Partial<WeComApiError>)?.errcode === ERRCODE.invalidTaskId;
}

async function sendBatch(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ app, card, flags, retry, pacing }: CardSend,
	batch: RecipientBatch,
	index: number,
): Promise<SentBatch> {
	const taskId = card.task_id === undefined ? undefined : taskIdForBatch(String(card.task_id), index);
	const body = {
		...batch,
		msgtype: 'template_card',
		agentid: app.agentId,
		template_card: taskId === undefined ? card : { ...card, task_id: taskId },
		...flags,
	};
	const members = await reserveMembers(ctx, itemIndex, app, batch, pacing);
	const sending = weComApiCall.call(ctx, { method: 'POST', path: '/cgi-bin/message/send', body }, itemIndex, {
		retry,
		explainErrcode: fieldMessageForErrcode,
	});
	// Refused by WeCom or never sent: nothing reached the members.
	sending.then(
		() => members.settled(true),
		(error: unknown) => {
			const kind = (error as Partial<WeComApiError>).failureKind;
			members.settled(kind !== 'errcode' && kind !== 'notSent');
		},
	);
	const call = await sending;
	return { batch, taskId, call, warnings: members.warnings };
}

/** Each call of a split send needs its own task_id; the first keeps the original. */
function taskIdForBatch(taskId: string, batchIndex: number): string {
	if (batchIndex === 0) return taskId;
	const suffix = `-b${batchIndex + 1}`;
	return `${taskId.slice(0, TASK_ID_MAX_LENGTH - suffix.length)}${suffix}`;
}

/** Counts the call against each listed member (members reached via @all, departments or tags are unknown). */
async function reserveMembers(
	ctx: IExecuteFunctions,
	itemIndex: number,
	app: WeComApp,
	batch: RecipientBatch,
	pacing: MemberPacing,
) {
	const members = batch.touser === '@all' ? [] : splitWeComList(batch.touser);
	return await memberSendLog.reserve(app, members, pacing).catch((error: unknown) => {
		if (error instanceof MemberSlotTooFarError) throw memberSlotTooFarError(ctx.getNode(), error, itemIndex);
		throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	});
}

/** Whose card changes: everyone who received it, or listed users, departments and tags. */
export type UpdateTarget = { everyone: true } | { userids: string[]; partyids: number[]; tagids: number[] };

/** What changes: the clicked button greyed out with a text, or the whole card replaced. */
export type CardChange = { replaceButtonWith: string } | { card: IDataObject; enableIdTrans: boolean };

interface CardUpdate {
	responseCode: string;
	target: UpdateTarget;
	change: CardChange;
	retry: RetryPolicy;
}

/**
 * Changes a sent card with its response_code. A response_code serves one update, so a resend
 * after a possibly-delivered attempt would fail with 60140: only failures that certainly changed
 * nothing are retried, whatever the policy says.
 */
export async function updateCard(
	ctx: WeComApiContext,
	itemIndex: number,
	{ responseCode, target, change, retry }: CardUpdate,
): Promise<WeComCallResult> {
	const app = await readWeComApp(ctx, itemIndex);
	const body: IDataObject = {
		...('everyone' in target ? { atall: 1 } : nonEmptyLists(target)),
		agentid: app.agentId,
		response_code: responseCode,
		...('replaceButtonWith' in change
			? { button: { replace_name: change.replaceButtonWith } }
			: { template_card: change.card, ...(change.enableIdTrans && { enable_id_trans: 1 }) }),
	};
	return await weComApiCall.call(
		ctx,
		{ method: 'POST', path: '/cgi-bin/message/update_template_card', body },
		itemIndex,
		{
			retry: { ...retry, retryAmbiguous: false },
			explainErrcode: fieldMessageForErrcode,
		},
	);
}

function nonEmptyLists({ userids, partyids, tagids }: { userids: string[]; partyids: number[]; tagids: number[] }) {
	return {
		...(userids.length && { userids }),
		...(partyids.length && { partyids }),
		...(tagids.length && { tagids }),
	};
}

/** Withdraws a message sent within the last 24 hours; a second recall fails, so no resend after a possible delivery. */
export async function recallMessage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	msgid: string,
	retry: RetryPolicy,
): Promise<WeComCallResult> {
	return await weComApiCall.call(ctx, { method: 'POST', path: '/cgi-bin/message/recall', body: { msgid } }, itemIndex, {
		retry: { ...retry, retryAmbiguous: false },
	});
}
