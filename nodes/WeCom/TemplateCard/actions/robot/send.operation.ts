import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldMessageForErrcode } from '../../../shared/card';
import { ROBOT_MESSAGES_PER_MINUTE } from '../../../shared/limits';
import { cardInputFields } from '../../descriptions/cardInput';
import { concurrencyOption, maxRateLimitWaitOption, optionsCollection, retryOptions } from '../../descriptions/options';
import { maxRateLimitWaitMs, readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { uploadCardMedia } from '../../helpers/cardMedia';
import { checkedCard, readCardInput } from '../../helpers/readCard';
import { refuseNonFileAttachments, robotMediaOwner } from '../../helpers/uploadedMedia';
import { readRobot, sendToRobot } from '../../transport/robot';
import { showFor } from '../node.type';

const properties: INodeProperties[] = [
	...cardInputFields('robot'),
	// In alphabetical order, as n8n lists a collection's options.
	optionsCollection(
		[
			concurrencyOption('How many items are sent at the same time. 1 posts the cards to the group in item order.'),
			maxRateLimitWaitOption(
				`A robot takes ${ROBOT_MESSAGES_PER_MINUTE} messages per minute. When they are used up, a card waits for a free slot up to this long; if its slot is further away, it fails without being sent.`,
			),
			// A robot has no duplicate check: a send that may have arrived is never repeated.
			...retryOptions({
				maxAttempts:
					'Attempts per card, the first included. Retried: -1 system busy, 45009 rate limit, and connections that never reached WeCom. A timeout or HTTP 5xx is not retried, as the card may already be in the group.',
				requestTimeoutMs:
					'How long to wait for WeCom. A timed-out card may still have been posted, so it is not sent again.',
			}),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	),
];

export const description = updateDisplayOptions(showFor('robot', 'sendTemplateCard'), properties);

interface RobotOptions extends RetryOptionValues {
	maxRateLimitWaitSeconds?: number;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = readOptions<RobotOptions>(this, itemIndex);
	// A robot has no duplicate check: only failures that surely posted nothing are retried.
	const retry = retryPolicyFrom(options, false);
	const input = readCardInput(this, itemIndex, 'robot');
	const checked = checkedCard(this, itemIndex, input, 'robot');
	// Read after the card's own checks, so a wrong card is reported before a credential problem.
	const robot = await readRobot(this, itemIndex);
	refuseNonFileAttachments(this, itemIndex, checked, robotMediaOwner(robot));
	const card = input.fromForm ? await uploadCardMedia(this, itemIndex, checked, 'robot', retry) : checked;
	const { attempts, waitedMs } = await sendToRobot.call(
		this,
		{ msgtype: 'template_card', template_card: card },
		itemIndex,
		{
			robot,
			retry,
			maxWaitMs: maxRateLimitWaitMs(options),
			explainErrcode: fieldMessageForErrcode,
		},
	);
	return { errcode: 0, sent: true, card_type: card.card_type, attempts, waitedMs };
}
