import type { INodeProperties } from 'n8n-workflow';

import { DUPLICATE_CHECK_DEFAULT_SECONDS, DUPLICATE_CHECK_MAX_SECONDS } from '../../shared/limits';
import { DEFAULT_CONCURRENCY } from '../actions/concurrency';
import { retryOptions } from './retryOptions';

export const sendOptions: INodeProperties = {
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
			description: 'How many items are sent at the same time',
		},
		{
			displayName: 'Dedup History Size',
			name: 'dedupHistorySize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10000,
			description: 'How many keys are remembered; the oldest are forgotten first',
			displayOptions: { show: { deduplicate: [true] } },
		},
		{
			displayName: 'Dedup Key',
			name: 'dedupKey',
			type: 'string',
			default: '',
			placeholder: '={{ $json.alertId }}',
			description: 'What makes two items the same message. Empty: the recipients and the card.',
			displayOptions: { show: { deduplicate: [true] } },
		},
		{
			displayName: 'Dedup Scope',
			name: 'dedupScope',
			type: 'options',
			default: 'node',
			options: [
				{ name: 'This Node', value: 'node' },
				{ name: 'Whole Workflow', value: 'workflow' },
			],
			displayOptions: { show: { deduplicate: [true] } },
		},
		{
			displayName: 'Deduplicate Across Executions',
			name: 'deduplicate',
			type: 'boolean',
			default: false,
			description:
				"Whether to skip items whose dedup key was already sent by an earlier execution. Keys are kept in n8n's database; because that store is not atomic across queue-mode workers, the card also carries a task_ID derived from the key, so WeCom refuses a second send of the same key.",
		},
		{
			displayName: 'Duplicate Check Interval (Seconds)',
			name: 'duplicateCheckInterval',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: DUPLICATE_CHECK_MAX_SECONDS },
			default: DUPLICATE_CHECK_DEFAULT_SECONDS,
			description: `Window of WeCom's duplicate check (duplicate_check_interval), 1 to ${DUPLICATE_CHECK_MAX_SECONDS} seconds`,
		},
		{
			displayName: 'Enable ID Translation',
			name: 'enableIdTrans',
			type: 'boolean',
			default: false,
			description: 'Whether WeCom replaces $userName=ID$ style placeholders (enable_id_trans)',
		},
		{
			displayName: 'Merge Identical Messages (WeCom Duplicate Check)',
			name: 'wecomDuplicateCheck',
			type: 'boolean',
			default: false,
			description:
				'Whether WeCom should drop a request identical to one sent within the interval. Turn on to merge repeated notices; callback cards always differ (unique task_id).',
		},
		...retryOptions,
		{
			displayName: 'Retry Safely',
			name: 'retrySafely',
			type: 'boolean',
			default: true,
			description:
				"Whether a send that may have been delivered (timeout, dropped connection, HTTP 5xx) is retried. The request carries WeCom's duplicate check and a unique task_ID, so a retry is delivered at most once.",
		},
	],
};
