import type { INodeProperties } from 'n8n-workflow';

import { ROBOT_MESSAGES_PER_MINUTE } from '../../shared/limits';
import { DEFAULT_CONCURRENCY } from '../actions/concurrency';
import { retryOptions } from './retryOptions';

function retryOption(name: string, description?: string): INodeProperties {
	const option = retryOptions.find((candidate) => candidate.name === name);
	if (!option) throw new Error(`No retry option named ${name}`);
	return description ? { ...option, description } : option;
}

/** Options of "Send via group robot": the rate-limit wait, retries and concurrency. */
export const robotOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: DEFAULT_CONCURRENCY,
			description: 'How many items are sent at the same time. 1 posts the cards to the group in item order.',
		},
		// A robot has no duplicate check: a send that may have arrived is never repeated.
		retryOption(
			'maxAttempts',
			'Attempts per card, the first included. Retried: -1 system busy, 45009 rate limit, and connections that never reached WeCom. A timeout or HTTP 5xx is not retried, as the card may already be in the group.',
		),
		{
			displayName: 'Max Wait for Rate Limit (Seconds)',
			name: 'maxRateLimitWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description: `A robot takes ${ROBOT_MESSAGES_PER_MINUTE} messages per minute. When they are used up, a card waits for a free slot up to this long; if its slot is further away, it fails without being sent.`,
		},
		retryOption('rateLimitPauseSeconds'),
		retryOption(
			'requestTimeoutMs',
			'How long to wait for WeCom. A timed-out card may still have been posted, so it is not sent again.',
		),
		retryOption('retryBaseDelayMs'),
	],
};
