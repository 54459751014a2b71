import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { parseRobotWebhook, type RobotWebhook } from '../../shared/apiOrigin';
import { ERRCODE } from '../../shared/errorCodes';
import { ROBOT_MESSAGES_PER_MINUTE } from '../../shared/limits';
import { DEADLINE_SLACK_MS, deadlineError, withinDeadline } from './deadline';
import { weComErrcodeError, weComTransportError, type WeComApiError } from './errors';
import { withoutKnownSecrets } from './redact';
import { withRetry, type RetryPolicy } from './retry';
import { robotRateLimiter, SlotTooFarError } from './robotRateLimit';

const ROBOT_CREDENTIAL_TYPE = 'weComWebhookApi';

const ROBOT_SEND_PATH = '/cgi-bin/webhook/send';

interface RobotSendOptions {
	/** The robot as the caller already read it (else read here). */
	robot?: Robot;
	/** Use with `retryAmbiguous: false`: a robot has no duplicate check, a resend may post twice. */
	retry: RetryPolicy;
	/** How long one message may wait for a free slot of the 20-per-minute limit. */
	maxWaitMs: number;
	/** A field-level explanation for errcodes the caller knows better (card rules). */
	explainErrcode?: (errcode: number) => string | undefined;
}

interface RobotSendResult {
	attempts: number;
	/** Time spent waiting for the rate limit, over all attempts. */
	waitedMs: number;
}

export interface Robot extends RobotWebhook {
	/** Names the robot in memory without holding its key. */
	id: string;
	credentials: ICredentialDataDecryptedObject;
}

/**
 * The only place that talks to the group robot endpoint. Keeps to the robot's 20 messages a
 * minute by waiting for a free slot, retries what the policy allows, and turns a non-zero
 * errcode into an error that explains it. The key never reaches an error or the output.
 */
export async function sendToRobot(
	this: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
	options: RobotSendOptions,
): Promise<RobotSendResult> {
	const { attempts, waitedMs } = await callRobotWithinLimit(this, { path: ROBOT_SEND_PATH, body }, itemIndex, options);
	return { attempts, waitedMs };
}

/**
 * Any robot call that may post a message (Send Template Card, Custom API Call): it takes a slot
 * of the robot's 20 a minute, shared by every execution of this process, before it is sent.
 */
export async function callRobotWithinLimit(
	ctx: IExecuteFunctions,
	call: RobotCall,
	itemIndex: number,
	options: RobotSendOptions,
): Promise<RobotSendResult & { response: IDataObject }> {
	const robot = options.robot ?? (await readRobot(ctx, itemIndex));
	let waitedMs = 0;
	try {
		const { result, attempts } = await withRetry(options.retry, async () => {
			const slot = await robotRateLimiter.take(robot.id, options.maxWaitMs);
			waitedMs += slot.waitedMs;
			try {
				return await postToRobot(ctx, robot, call, itemIndex, options);
			} finally {
				slot.settled();
			}
		});
		return { response: result, attempts, waitedMs };
	} catch (error) {
		if (error instanceof SlotTooFarError) throw slotTooFarError(ctx.getNode(), error, itemIndex);
		throw withoutKey(error, robot.key);
	}
}

export async function readRobot(ctx: IExecuteFunctions, itemIndex: number): Promise<Robot> {
	const credentials = await ctx.getCredentials(ROBOT_CREDENTIAL_TYPE, itemIndex);
	let webhook: RobotWebhook;
	try {
		webhook = parseRobotWebhook(credentials.webhookSecret);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, { itemIndex });
	}
	// The base URL is part of the id: the same key on another server is another robot.
	const id = createHash('sha256').update(`${webhook.baseUrl}\n${webhook.key}`).digest('hex');
	return { ...webhook, id, credentials };
}

/** One call to the robot's webhook API; the key goes in the query (the credential adds it). */
export interface RobotCall {
	/** Under the webhook's origin, e.g. `/cgi-bin/webhook/send`. */
	path: string;
	body: IDataObject | Buffer;
	qs?: IDataObject;
	headers?: IDataObject;
}

/** Sends one call and returns WeCom's answer when its errcode is 0; else throws an error that explains it. */
export async function postToRobot(
	ctx: IExecuteFunctions,
	robot: Robot,
	call: RobotCall,
	itemIndex: number,
	options: Pick<RobotSendOptions, 'retry' | 'explainErrcode'>,
): Promise<IDataObject> {
	const reference = ctx.getNode().credentials?.[ROBOT_CREDENTIAL_TYPE];
	let response: unknown;
	try {
		const request = ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			ROBOT_CREDENTIAL_TYPE,
			{
				method: 'POST',
				url: `${robot.baseUrl}${call.path}`,
				body: call.body,
				qs: call.qs,
				headers: call.headers,
				json: true,
				timeout: options.retry.timeoutMs,
				// The key is in the URL: a redirect would hand it to another host.
				disableFollowRedirect: true,
			},
			{
				// Exactly the values the key and the limiter slot were taken from.
				credentialsDecrypted: {
					id: reference?.id ?? '',
					name: reference?.name ?? '',
					type: ROBOT_CREDENTIAL_TYPE,
					data: robot.credentials,
				},
			},
		);
		const deadlineMs = options.retry.timeoutMs + DEADLINE_SLACK_MS;
		response = await withinDeadline(request, deadlineMs, () => deadlineError(deadlineMs));
	} catch (error) {
		const failure = weComTransportError(ctx.getNode(), error, itemIndex, [robot.key]);
		if (!failure.httpCode) failure.description = "Check that n8n can reach the robot's webhook address.";
		throw failure;
	}

	const answer = (response ?? {}) as { errcode?: unknown; errmsg?: unknown };
	if (typeof answer.errcode !== 'number') throw unexpectedAnswer(ctx.getNode(), itemIndex);
	// Goes to the output whole in Custom API Call: an answer echoing the request loses the key.
	if (answer.errcode === 0) return withoutKnownSecrets(answer as IDataObject, [robot.key]);
	// WeCom blocks the robot for a while: every item waiting for it should hold back too.
	if (answer.errcode === ERRCODE.apiFrequencyExceeded) robotRateLimiter.pause(robot.id, options.retry.rateLimitPauseMs);
	throw weComErrcodeError(
		ctx.getNode(),
		{ errcode: answer.errcode, errmsg: String(answer.errmsg ?? '') },
		itemIndex,
		options.explainErrcode?.(answer.errcode),
		// The key may be echoed bare; the error keeps errmsg in its errorResponse too.
		[robot.key],
	);
}

/** A proxy or gateway answered instead of WeCom; the message may or may not have been posted. */
function unexpectedAnswer(node: INode, itemIndex: number): WeComApiError {
	const error = new NodeApiError(node, {} as JsonObject, {
		message: 'The group robot endpoint did not answer with WeCom\'s {"errcode": ...} JSON',
		description: "Check the credential's webhook address; it should be the one WeCom shows for the robot.",
		itemIndex,
	}) as WeComApiError;
	error.failureKind = 'ambiguous';
	return error;
}

function slotTooFarError(node: INode, error: SlotTooFarError, itemIndex: number): NodeOperationError {
	const seconds = (ms: number) => Math.ceil(ms / 1000);
	const failure = new NodeOperationError(
		node,
		`Not sent: the group robot's limit of ${ROBOT_MESSAGES_PER_MINUTE} messages per minute is used up, and the next free slot is ${seconds(error.waitMs)} s away, longer than Max Wait for Rate Limit (${seconds(error.maxWaitMs)} s)`,
		{
			description:
				'WeCom would answer errcode 45009 (API call frequency exceeded) and block the robot for a minute. Raise "Max Wait for Rate Limit (Seconds)", send fewer messages at once, or spread them over several robots.',
			itemIndex,
		},
	);
	return Object.assign(failure, { errcode: ERRCODE.apiFrequencyExceeded });
}

/** Last line of defence: the bare key could only appear if something echoed it verbatim. */
export function withoutKey(error: unknown, key: string): unknown {
	const failure = error as { message?: unknown; description?: unknown };
	if (!(error instanceof Error)) return error;
	for (const field of ['message', 'description'] as const) {
		if (typeof failure[field] === 'string') failure[field] = (failure[field] as string).split(key).join('***');
	}
	return error;
}
