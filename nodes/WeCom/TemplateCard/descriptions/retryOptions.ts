import type { INodeProperties } from 'n8n-workflow';

/** Retry settings, shared by every operation's Options collection. */
export const retryOptions: INodeProperties[] = [
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 3,
		description:
			'Attempts per request, the first included. Only transient failures are retried (-1 system busy, 45009 rate limit, 45033 concurrency, HTTP 5xx, network errors).',
	},
	{
		displayName: 'Request Timeout (Ms)',
		name: 'requestTimeoutMs',
		type: 'number',
		typeOptions: { minValue: 100 },
		default: 10000,
		description:
			'How long to wait for WeCom. A timed-out send may still have been delivered; Retry Safely decides whether it is sent again.',
	},
	{
		displayName: 'Retry Base Delay (Ms)',
		name: 'retryBaseDelayMs',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1000,
		description: 'Wait before the first retry; doubles on each further retry, with jitter',
	},
	{
		displayName: 'Rate Limit Pause (Seconds)',
		name: 'rateLimitPauseSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description: 'Wait after WeCom answers 45009; WeCom blocks a caller for 60 seconds after a minute-level overflow',
	},
];
