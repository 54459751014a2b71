import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { cardNeedsTaskId } from '../../../shared/card';
import { DUPLICATE_CHECK_DEFAULT_SECONDS, DUPLICATE_CHECK_MAX_SECONDS } from '../../../shared/limits';
import { cardInputFields } from '../../descriptions/cardInput';
import {
	concurrencyOption,
	memberPacingOptions,
	optionsCollection,
	retryOptions,
	retrySafelyOption,
} from '../../descriptions/options';
import { recipientFields } from '../../descriptions/recipients';
import { claimDedupKey, defaultDedupKey, releaseDedupKey, type DedupScope } from '../../helpers/dedup';
import { readOptions, retrySafelyOf, sendSettingsFrom, type SendOptionValues } from '../../helpers/options';
import { uploadCardMedia } from '../../helpers/cardMedia';
import { checkedCard, readCardInput } from '../../helpers/readCard';
import { appMediaOwner, refuseNonFileAttachments } from '../../helpers/uploadedMedia';
import { recipientEmailTypeOption, resolveRecipients } from '../../helpers/recipientLookup';
import { readRecipients } from '../../helpers/recipients';
import { sendOutput } from '../../helpers/sendOutput';
import { dedupTaskId, generateTaskId } from '../../helpers/taskId';
import { readWeComApp } from '../../transport/context';
import { isTaskIdInUse, sendCard } from '../../transport/messages';
import { showFor } from '../node.type';

const dedupOnly = { show: { deduplicate: [true] } };
const DEFAULT_DEDUP_HISTORY_SIZE = 10000;
const DEFAULT_DEDUP_SCOPE: DedupScope = 'node';

const properties: INodeProperties[] = [
	...recipientFields,
	...cardInputFields('send'),
	optionsCollection([
		concurrencyOption(),
		{
			displayName: 'Dedup History Size',
			name: 'dedupHistorySize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_DEDUP_HISTORY_SIZE,
			description: 'How many keys are remembered; the oldest are forgotten first',
			displayOptions: dedupOnly,
		},
		{
			displayName: 'Dedup Key',
			name: 'dedupKey',
			type: 'string',
			default: '',
			placeholder: '={{ $json.alertId }}',
			description:
				'What makes two items the same message. Empty: the app (corp ID and agent ID), the set of recipients and the card, including a task_ID of your own.',
			displayOptions: dedupOnly,
		},
		{
			displayName: 'Dedup Scope',
			name: 'dedupScope',
			type: 'options',
			default: DEFAULT_DEDUP_SCOPE,
			options: [
				{ name: 'This Node', value: 'node' },
				{ name: 'Whole Workflow', value: 'workflow' },
			],
			displayOptions: dedupOnly,
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
		recipientEmailTypeOption,
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
		...retryOptions(),
		retrySafelyOption,
	]),
];

export const description = updateDisplayOptions(showFor('message', 'sendTemplateCard'), properties);

interface SendOptions extends SendOptionValues {
	deduplicate?: boolean;
	dedupKey?: string;
	dedupScope?: DedupScope;
	dedupHistorySize?: number;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = readOptions<SendOptions>(this, itemIndex);
	const recipients = readRecipients(this, itemIndex);
	const app = await readWeComApp(this, itemIndex);
	const input = readCardInput(this, itemIndex, 'send');
	// The key is made from the card as the user gave it: only their own task_id is part of it.
	const dedup = options.deduplicate
		? {
				key: options.dedupKey?.trim() || defaultDedupKey({ app, recipients, card: input.card }),
				settings: {
					scope: options.dedupScope ?? DEFAULT_DEDUP_SCOPE,
					historySize: options.dedupHistorySize ?? DEFAULT_DEDUP_HISTORY_SIZE,
				},
			}
		: undefined;
	// A unique task_id makes every send distinct, so WeCom's duplicate check can recognise a
	// resend of the same request without merging two separate sends. With dedup on, the task_id
	// comes from the dedup key instead: n8n's dedup store is not atomic (concurrent executions on
	// queue-mode workers can overwrite each other's keys), so WeCom's duplicate check and its
	// task_id uniqueness stop a second send of the same key that slips through.
	const taskId = dedup ? dedupTaskId(dedup.key) : generateTaskId(this.getExecutionId(), itemIndex);
	const retrySafely = retrySafelyOf(options);
	const alwaysTaskId = Boolean(dedup) || (retrySafely && !options.wecomDuplicateCheck);
	const checked = checkedCard(
		this,
		itemIndex,
		{ ...input, card: withTaskId(input.card, alwaysTaskId, taskId) },
		'send',
	);
	refuseNonFileAttachments(this, itemIndex, checked, await appMediaOwner(this, itemIndex));
	const settings = sendSettingsFrom(this, itemIndex, options, retrySafely || Boolean(dedup));
	const card = input.fromForm ? await uploadCardMedia(this, itemIndex, checked, 'send', settings.retry) : checked;

	// After every check of the node's own fields: a lookup is a call to WeCom.
	const { recipients: addressed, unresolved } = await resolveRecipients(this, itemIndex, recipients);

	if (dedup && !(await claimDedupKey(this, dedup.key, dedup.settings))) {
		return { skipped: true, reason: 'Sent by an earlier execution (same dedup key)', dedupKey: dedup.key };
	}
	const { sent, failure } = await sendCard(this, itemIndex, {
		app,
		recipients: addressed,
		card,
		...settings,
	});
	// Only a send that delivered nothing may be tried again by a later execution.
	if (failure && dedup && sent.length === 0) {
		// Only the task_id derived from the dedup key says "another execution sent this key";
		// a task_id of the user's own in use is their mistake, reported as the error it is.
		if (isTaskIdInUse(failure) && card.task_id === dedupTaskId(dedup.key)) {
			return {
				skipped: true,
				reason: 'Sent by another execution (WeCom reports its task_id in use)',
				dedupKey: dedup.key,
			};
		}
		await releaseDedupKey(this, dedup.key, dedup.settings);
	}
	if (failure) throw failure;
	return sendOutput(this, sent, dedup?.key, unresolved);
}

/** Cards that call back need a task_id; a safe retry needs one on every card. */
function withTaskId(raw: unknown, always: boolean, taskId: string): unknown {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
	const card = raw as IDataObject & { card_type: string };
	if (card.task_id !== undefined || !(always || cardNeedsTaskId(card))) return card;
	return { ...card, task_id: taskId };
}
