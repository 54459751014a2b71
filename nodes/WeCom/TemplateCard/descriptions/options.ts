import type { INodeProperties } from 'n8n-workflow';

import { MEMBER_MESSAGES_PER_HOUR, MEMBER_MESSAGES_PER_MINUTE } from '../../shared/limits';

/** Options shared by several operations' Options collections, with their defaults. */

/** An operation's Options collection. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

export const DEFAULT_CONCURRENCY = 5;
export const DEFAULT_MAX_ATTEMPTS = 3;
export const MAX_ATTEMPTS_LIMIT = 10;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** A day: more than any WeCom call needs, and far from Node's longest timer (about 24.8 days). */
export const MAX_REQUEST_TIMEOUT_MS = 86_400_000;
export const DEFAULT_RETRY_BASE_DELAY_MS = 1000;
export const DEFAULT_RATE_LIMIT_PAUSE_SECONDS = 60;
export const DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 60;

export function concurrencyOption(description = 'How many items are sent at the same time'): INodeProperties {
	return {
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
		default: DEFAULT_CONCURRENCY,
		description,
	};
}

/** Retry settings, in every operation's Options; `descriptions` replaces a text where a resource differs. */
export function retryOptions(descriptions: Partial<Record<RetryOptionName, string>> = {}): INodeProperties[] {
	return retryOptionList.map((option) => {
		const description = descriptions[option.name as RetryOptionName];
		return description ? { ...option, description } : option;
	});
}

type RetryOptionName = 'maxAttempts' | 'requestTimeoutMs' | 'retryBaseDelayMs' | 'rateLimitPauseSeconds';

const retryOptionList: INodeProperties[] = [
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_ATTEMPTS_LIMIT },
		default: DEFAULT_MAX_ATTEMPTS,
		description:
			'Attempts per request, the first included. Only transient failures are retried (-1 system busy, 45009 rate limit, 45033 concurrency, HTTP 5xx, network errors).',
	},
	{
		displayName: 'Request Timeout (Ms)',
		name: 'requestTimeoutMs',
		type: 'number',
		typeOptions: { minValue: 100, maxValue: MAX_REQUEST_TIMEOUT_MS, numberPrecision: 0 },
		default: DEFAULT_REQUEST_TIMEOUT_MS,
		description:
			'How long to wait for WeCom. A timed-out send may still have been delivered; Retry Safely decides whether it is sent again.',
	},
	{
		displayName: 'Retry Base Delay (Ms)',
		name: 'retryBaseDelayMs',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_RETRY_BASE_DELAY_MS,
		description: 'Wait before the first retry; doubles on each further retry, with jitter',
	},
	{
		displayName: 'Rate Limit Pause (Seconds)',
		name: 'rateLimitPauseSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_RATE_LIMIT_PAUSE_SECONDS,
		description: 'Wait after WeCom answers 45009; WeCom blocks a caller for 60 seconds after a minute-level overflow',
	},
];

/** Send and Send and Wait: a resend that may have been delivered goes out with WeCom's duplicate check. */
export const retrySafelyOption: INodeProperties = {
	displayName: 'Retry Safely',
	name: 'retrySafely',
	type: 'boolean',
	default: true,
	description:
		"Whether a send that may have been delivered (timeout, dropped connection, HTTP 5xx) is retried. The request carries WeCom's duplicate check and a unique task_ID, so a retry is delivered at most once.",
};

/** The wait for a rate limit's free slot; `description` says which limit. */
export function maxRateLimitWaitOption(description: string): INodeProperties {
	return {
		displayName: 'Max Wait for Rate Limit (Seconds)',
		name: 'maxRateLimitWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS,
		description,
	};
}

const memberLimits = `${MEMBER_MESSAGES_PER_MINUTE} per minute and ${MEMBER_MESSAGES_PER_HOUR.toLocaleString('en-US')} per hour`;

/**
 * Options › Pace Per Member, in Send and in Send and Wait. Off by default: every send that goes
 * over a member's limit is reported in the item's output and as a hint either way, while waiting
 * would change existing workflows (a burst of alerts to one on-call member would be held back, or
 * fail after Max Wait) for a guarantee the node cannot give: it only sees its own process.
 */
export const pacePerMemberOption: INodeProperties = {
	displayName: 'Pace Per Member',
	name: 'pacePerMember',
	type: 'boolean',
	default: false,
	description: `Whether a card waits until every member in Users may receive another message from this app. WeCom delivers at most ${memberLimits} from one app to one member and drops the rest without an error. Off: such sends go out with a warning in the output. Counted per n8n process: sends from other queue-mode workers or other tools using the same app are not seen, nor members reached through Departments, Tags or All Members.`,
};

export const memberPacingOptions: INodeProperties[] = [
	{
		...maxRateLimitWaitOption(
			"When a member's limit is used up, a card waits for a free slot up to this long; if the slot is further away, the card fails without being sent",
		),
		displayOptions: { show: { pacePerMember: [true] } },
	},
	pacePerMemberOption,
];
