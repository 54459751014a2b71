import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DUPLICATE_CHECK_DEFAULT_SECONDS, DUPLICATE_CHECK_MAX_SECONDS } from '../../shared/limits';
import {
	DEFAULT_MAX_ATTEMPTS,
	DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
	DEFAULT_RATE_LIMIT_PAUSE_SECONDS,
	DEFAULT_REQUEST_TIMEOUT_MS,
	DEFAULT_RETRY_BASE_DELAY_MS,
	MAX_ATTEMPTS_LIMIT,
	MAX_REQUEST_TIMEOUT_MS,
	pacePerMemberOption,
	retrySafelyOption,
} from '../descriptions/options';
import type { MemberPacing } from '../transport/memberPacing';
import type { SendFlags } from '../transport/messages';
import type { RetryPolicy } from '../transport/retry';
import { nodeParameter } from './parameters';

/** The Options collection of an operation, read once per item (once per execution without expressions). */
export function readOptions<T extends IDataObject>(ctx: IExecuteFunctions, itemIndex: number): T {
	return nodeParameter(ctx, 'options', itemIndex, {}) as T;
}

export interface RetryOptionValues extends IDataObject {
	maxAttempts?: number;
	retryBaseDelayMs?: number;
	rateLimitPauseSeconds?: number;
	requestTimeoutMs?: number;
}

export function retryPolicyFrom(options: RetryOptionValues, retryAmbiguous: boolean): RetryPolicy {
	return {
		maxAttempts: optionNumber(options, 'maxAttempts', 'Max Attempts', DEFAULT_MAX_ATTEMPTS, 1, MAX_ATTEMPTS_LIMIT),
		baseDelayMs: optionNumber(options, 'retryBaseDelayMs', 'Retry Base Delay (Ms)', DEFAULT_RETRY_BASE_DELAY_MS, 0),
		rateLimitPauseMs:
			optionNumber(
				options,
				'rateLimitPauseSeconds',
				'Rate Limit Pause (Seconds)',
				DEFAULT_RATE_LIMIT_PAUSE_SECONDS,
				0,
			) * 1000,
		timeoutMs: optionNumber(
			options,
			'requestTimeoutMs',
			'Request Timeout (Ms)',
			DEFAULT_REQUEST_TIMEOUT_MS,
			100,
			MAX_REQUEST_TIMEOUT_MS,
		),
		retryAmbiguous,
	};
}

/** How long a send may wait for a rate limit's free slot. */
export function maxRateLimitWaitMs(options: IDataObject): number {
	const label = 'Max Wait for Rate Limit (Seconds)';
	return optionNumber(options, 'maxRateLimitWaitSeconds', label, DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS, 0) * 1000;
}

/**
 * A number option. The editor keeps a typed value within the field's bounds, but not what an
 * expression gives: "abc" (NaN) or Infinity as Max Attempts would retry without end, so anything
 * outside the bounds fails the item with the field named (the router adds the item index).
 */
function optionNumber(options: IDataObject, name: string, label: string, fallback: number, min: number, max?: number) {
	const raw = options[name];
	if (raw === undefined || raw === null || raw === '') return fallback;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	const whole = max !== undefined;
	const valid =
		typeof value === 'number' &&
		Number.isFinite(value) &&
		value >= min &&
		(!whole || (Number.isInteger(value) && value <= max));
	if (valid) return value;
	const range = whole ? `a whole number from ${min} to ${max}` : `a number of at least ${min}`;
	throw new Error(`Options › ${label} must be ${range}, not ${JSON.stringify(raw) ?? String(raw)}`);
}

/** The options of Send that Send and Wait shares. */
export interface SendOptionValues extends RetryOptionValues {
	pacePerMember?: boolean;
	maxRateLimitWaitSeconds?: number;
	retrySafely?: boolean;
	enableIdTrans?: boolean;
	wecomDuplicateCheck?: boolean;
	duplicateCheckInterval?: number;
}

/** Options › Retry Safely, with the default the form shows. */
export function retrySafelyOf(options: SendOptionValues): boolean {
	return options.retrySafely ?? (retrySafelyOption.default as boolean);
}

/** How a card goes out: the flags sent next to it, the retry policy and member pacing. */
interface SendSettings {
	flags: SendFlags;
	retry: RetryPolicy;
	pacing: MemberPacing;
}

/**
 * `idempotent`: the send is made safe to repeat (Retry Safely or dedup), so it carries WeCom's
 * duplicate check and a failure that may have been delivered is retried.
 */
export function sendSettingsFrom(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: SendOptionValues,
	idempotent: boolean,
): SendSettings {
	const interval = options.duplicateCheckInterval ?? DUPLICATE_CHECK_DEFAULT_SECONDS;
	if (!Number.isInteger(interval) || interval < 1 || interval > DUPLICATE_CHECK_MAX_SECONDS) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Duplicate Check Interval must be a whole number of seconds from 1 to ${DUPLICATE_CHECK_MAX_SECONDS} (got ${interval})`,
			{ itemIndex },
		);
	}
	const flags: SendFlags = {};
	if (options.enableIdTrans) flags.enable_id_trans = 1;
	if (options.wecomDuplicateCheck || idempotent) {
		flags.enable_duplicate_check = 1;
		flags.duplicate_check_interval = interval;
	}
	return {
		flags,
		retry: retryPolicyFrom(options, retrySafelyOf(options)),
		pacing: {
			pace: options.pacePerMember ?? (pacePerMemberOption.default as boolean),
			maxWaitMs: maxRateLimitWaitMs(options),
		},
	};
}
