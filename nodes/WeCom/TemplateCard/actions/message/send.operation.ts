import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { cardNeedsTaskId, fieldMessageForErrcode } from '../../../shared/card';
import { ERRCODE } from '../../../shared/errorCodes';
import { DUPLICATE_CHECK_DEFAULT_SECONDS, DUPLICATE_CHECK_MAX_SECONDS, RESPONSE_CODE_TTL_MS } from '../../../shared/limits';
import { cardInputFields } from '../../descriptions/cardInput';
import { recipientFields } from '../../descriptions/recipients';
import { sendOptions } from '../../descriptions/sendOptions';
import { recipientBatches, type RecipientBatch } from '../../helpers/batches';
import { claimDedupKey, defaultDedupKey, releaseDedupKey, type DedupIdentity, type DedupSettings } from '../../helpers/dedup';
import { memberSlotTooFarError, MemberSlotTooFarError, memberSendLog, weComAppOf, type MemberPacing, type WeComApp } from '../../helpers/memberPacing';
import { memberPacingFrom, readOptions, retryPolicyFrom, type MemberPacingOptionValues, type RetryOptionValues } from '../../helpers/options';
import { readCard } from '../../helpers/readCard';
import { readRecipients, splitWeComList, type SendRecipients } from '../../helpers/recipients';
import { dedupTaskId, generateTaskId, taskIdForBatch } from '../../helpers/taskId';
import { weComApiCall, type RetryPolicy, type WeComCallResult } from '../../transport';
import type { WeComApiError } from '../../transport/errors';
import { CREDENTIAL_TYPE } from '../../transport/credentials';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['sendTemplateCard'] } },
	[...recipientFields, ...cardInputFields('send'), sendOptions],
);

export interface SendOptions extends RetryOptionValues, MemberPacingOptionValues {
	deduplicate?: boolean;
	dedupKey?: string;
	dedupScope?: DedupSettings['scope'];
	dedupHistorySize?: number;
	duplicateCheckInterval?: number;
	enableIdTrans?: boolean;
	wecomDuplicateCheck?: boolean;
	retrySafely?: boolean;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = readOptions<SendOptions>(this, itemIndex);
	const retrySafely = options.retrySafely ?? true;
	const recipients = readRecipients(this, itemIndex);
	const app = weComAppOf(await this.getCredentials(CREDENTIAL_TYPE, itemIndex));
	// A unique task_id makes every send distinct, so WeCom's duplicate check can recognise a
	// resend of the same request without merging two separate sends. With dedup on, the task_id
	// comes from the dedup key instead: n8n's dedup store is not atomic (concurrent executions on
	// queue-mode workers can overwrite each other's keys), so WeCom's duplicate check and its
	// task_id uniqueness stop a second send of the same key that slips through.
	let dedup: ReturnType<typeof dedupOf> | undefined;
	const card = readCard(this, itemIndex, 'send', (raw) => {
		if (options.deduplicate) dedup = dedupOf(options, { app, recipients, card: raw });
		const taskId = dedup ? dedupTaskId(dedup.key) : generateTaskId(this.getExecutionId(), itemIndex);
		return withTaskId(raw, Boolean(dedup) || (retrySafely && !options.wecomDuplicateCheck), taskId);
	});
	const envelope = sendEnvelope(this, itemIndex, options, retrySafely || Boolean(dedup));

	if (dedup && !(await claimDedupKey(this, dedup.key, dedup.settings))) {
		return { skipped: true, reason: 'Sent by an earlier execution (same dedup key)', dedupKey: dedup.key };
	}

	const delivered: DeliveredBatch[] = [];
	const failure = await deliverCard(
		this,
		itemIndex,
		{ recipients, card, envelope, retry: retryPolicyFrom(options, retrySafely), pacing: memberPacingFrom(options) },
		delivered,
	).then(
		() => undefined,
		(error: unknown) => error as WeComApiError,
	);
	if (failure && dedup && delivered.length === 0) {
		// Only the task_id derived from the dedup key says "another execution sent this key";
		// a task_id of the user's own in use is their mistake, reported as the error it is.
		if (failure.errcode === ERRCODE.invalidTaskId && card.task_id === dedupTaskId(dedup.key)) {
			return { skipped: true, reason: 'Sent by another execution (WeCom reports its task_id in use)', dedupKey: dedup.key };
		}
		// Only a send that delivered nothing may be tried again by a later execution.
		await releaseDedupKey(this, dedup.key, dedup.settings);
	}
	if (failure) throw failure;
	return sendOutput(this, delivered, dedup?.key);
}

/** One message/send call and what WeCom answered. */
export interface DeliveredBatch {
	batch: RecipientBatch;
	taskId?: string;
	call: WeComCallResult;
	/** Members this call took over WeCom's per-member limit (see helpers/memberPacing.ts). */
	warnings: string[];
}

/** A checked card and who gets it: what the send path needs. */
export interface CardDelivery {
	recipients: SendRecipients;
	card: IDataObject;
	envelope: IDataObject;
	retry: RetryPolicy;
	pacing: MemberPacing;
}

/**
 * The send path shared with Send and Wait: one message/send per recipient batch, each with
 * its own task_id. Successful calls are pushed to `delivered` as they happen, so the caller
 * still knows what went out when a later batch fails.
 */
export async function deliverCard(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ recipients, card, envelope, retry, pacing }: CardDelivery,
	delivered: DeliveredBatch[],
): Promise<void> {
	const app = weComAppOf(await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex));
	const agentid = app.agentId;
	const batches = recipients.toAll ? [{ touser: '@all' }] : recipientBatches(recipients);
	for (const [index, batch] of batches.entries()) {
		const taskId = card.task_id === undefined ? undefined : taskIdForBatch(String(card.task_id), index);
		const body = {
			...batch,
			msgtype: 'template_card',
			agentid,
			template_card: taskId === undefined ? card : { ...card, task_id: taskId },
			...envelope,
		};
		const members = await reserveMembers(ctx, itemIndex, app, batch, pacing);
		const sending = weComApiCall.call(
			ctx,
			{ method: 'POST', path: '/cgi-bin/message/send', body },
			itemIndex,
			{ retry, explainErrcode: fieldMessageForErrcode },
		);
		// Refused by WeCom or never sent: nothing reached the members.
		sending.then(
			() => members.settled(true),
			(error: unknown) => {
				const kind = (error as Partial<WeComApiError>).failureKind;
				members.settled(kind !== 'errcode' && kind !== 'notSent');
			},
		);
		const call = await sending;
		delivered.push({ batch, taskId, call, warnings: members.warnings });
	}
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

function withTaskId(raw: unknown, always: boolean, taskId: string): unknown {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
	const card = raw as IDataObject & { card_type: string };
	if (card.task_id !== undefined || !(always || cardNeedsTaskId(card))) return card;
	return { ...card, task_id: taskId };
}

export function sendEnvelope(ctx: IExecuteFunctions, itemIndex: number, options: SendOptions, retrySafely: boolean): IDataObject {
	const interval = options.duplicateCheckInterval ?? DUPLICATE_CHECK_DEFAULT_SECONDS;
	if (!Number.isInteger(interval) || interval < 1 || interval > DUPLICATE_CHECK_MAX_SECONDS) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Duplicate Check Interval must be a whole number of seconds from 1 to ${DUPLICATE_CHECK_MAX_SECONDS} (got ${interval})`,
			{ itemIndex },
		);
	}
	const envelope: IDataObject = {};
	if (options.enableIdTrans) envelope.enable_id_trans = 1;
	if (options.wecomDuplicateCheck || retrySafely) {
		envelope.enable_duplicate_check = 1;
		envelope.duplicate_check_interval = interval;
	}
	return envelope;
}

/** `identity.card` is the card before a task_id is generated: only the user's own task_id is part of it. */
function dedupOf(options: SendOptions, identity: DedupIdentity) {
	return {
		key: options.dedupKey?.trim() || defaultDedupKey(identity),
		settings: { scope: options.dedupScope ?? 'node', historySize: options.dedupHistorySize ?? 10000 },
	};
}

const MAX_SHOWN_WARNINGS = 20;

function shownWarnings(warnings: string[]): string[] {
	if (warnings.length <= MAX_SHOWN_WARNINGS) return warnings;
	const hidden = warnings.length - MAX_SHOWN_WARNINGS;
	return [...warnings.slice(0, MAX_SHOWN_WARNINGS), `... and ${hidden} more member(s) over the limit`];
}

/** The item's output: the first call's ids, every call's invalid recipients, and a hint about them. */
export function sendOutput(ctx: IExecuteFunctions, results: DeliveredBatch[], dedupKey?: string): IDataObject {
	const merged = (field: string) => results.flatMap(({ call }) => splitWeComList(call.response[field]));
	const [first] = results;
	const responseCode = first.call.response.response_code as string | undefined;
	const output: IDataObject = {
		msgid: first.call.response.msgid,
		...(responseCode && {
			response_code: responseCode,
			response_code_expires_at: new Date(Date.now() + RESPONSE_CODE_TTL_MS).toISOString(),
		}),
		...(first.taskId && { task_id: first.taskId }),
		invaliduser: merged('invaliduser'),
		invalidparty: merged('invalidparty'),
		invalidtag: merged('invalidtag'),
		unlicenseduser: merged('unlicenseduser'),
		attempts: results.reduce((total, { call }) => total + call.attempts, 0),
		resent: results.some(({ call }) => call.resent),
		calls: results.length,
	};
	if (dedupKey) output.dedupKey = dedupKey;
	const warnings = results.flatMap((result) => result.warnings);
	if (warnings.length) {
		output.warnings = shownWarnings(warnings);
		ctx.addExecutionHints({
			message: `WeCom may drop this card for ${warnings.length} member(s) without an error: too many messages from this app to them (${warnings[0]}${warnings.length > 1 ? ', ...' : ''}). Turn on Options › Pace Per Member to wait instead.`,
			location: 'outputPane',
		});
	}
	if (results.length > 1) {
		output.batches = results.map(({ batch, taskId, call }) => ({
			msgid: call.response.msgid,
			...(call.response.response_code !== undefined && { response_code: call.response.response_code }),
			...(taskId && { task_id: taskId }),
			users: splitWeComList(batch.touser).length,
			departments: splitWeComList(batch.toparty).length,
			tags: splitWeComList(batch.totag).length,
		}));
	}
	const invalid = [...(output.invaliduser as string[]), ...(output.invalidparty as string[]), ...(output.invalidtag as string[])];
	if (invalid.length) {
		ctx.addExecutionHints({
			message: `WeCom did not deliver to ${invalid.length} recipient(s) outside the app's visible range or unknown: ${invalid.slice(0, 10).join(', ')}${invalid.length > 10 ? ', ...' : ''}`,
			location: 'outputPane',
		});
	}
	return output;
}
