import type { INodeProperties } from 'n8n-workflow';

import {
	DUPLICATE_CHECK_DEFAULT_SECONDS,
	DUPLICATE_CHECK_MAX_SECONDS,
	MEMBER_MESSAGES_PER_HOUR,
	MEMBER_MESSAGES_PER_MINUTE,
} from '../../shared/limits';
import { DEFAULT_CONCURRENCY } from '../actions/concurrency';
import { retryOptions } from './retryOptions';

const memberLimits = `${MEMBER_MESSAGES_PER_MINUTE} per minute and ${MEMBER_MESSAGES_PER_HOUR.toLocaleString('en-US')} per hour`;

/**
 * Options › Pace Per Member, in Send and in Send and Wait. Off by default: every send that goes
 * over a member's limit is reported in the item's output and as a hint either way, while waiting
 * would change existing workflows (a burst of alerts to one on-call member would be held back, or
 * fail after Max Wait) for a guarantee the node cannot give: it only sees its own process.
 */
export const memberPacingOptions: INodeProperties[] = [
	{
		displayName: 'Max Wait for Rate Limit (Seconds)',
		name: 'maxRateLimitWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description:
			"When a member's limit is used up, a card waits for a free slot up to this long; if the slot is further away, the card fails without being sent",
		displayOptions: { show: { pacePerMember: [true] } },
	},
	{
		displayName: 'Pace Per Member',
		name: 'pacePerMember',
		type: 'boolean',
		default: false,
		description: `Whether a card waits until every member in Users may receive another message from this app. WeCom delivers at most ${memberLimits} from one app to one member and drops the rest without an error. Off: such sends go out with a warning in the output. Counted per n8n process: sends from other queue-mode workers or other tools using the same app are not seen, nor members reached through Departments, Tags or All Members.`,
	},
];

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
			description:
				"What makes two items the same message. Empty: the app (corp ID and agent ID), the set of recipients and the card, including a task_ID of your own.",
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
		...memberPacingOptions,
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
