import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldMessageForErrcode } from '../../../shared/card';
import { cardInputFields } from '../../descriptions/cardInput';
import { robotOptions } from '../../descriptions/robotOptions';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { readCard } from '../../helpers/readCard';
import { sendToRobot } from '../../transport/robot';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['robot'], operation: ['sendTemplateCard'] } },
	[...cardInputFields('robot'), robotOptions],
);

interface RobotOptions extends RetryOptionValues {
	maxRateLimitWaitSeconds?: number;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = readOptions<RobotOptions>(this, itemIndex);
	const card = readCard(this, itemIndex, 'robot');
	const { attempts, waitedMs } = await sendToRobot.call(
		this,
		{ msgtype: 'template_card', template_card: card },
		itemIndex,
		{
			// A robot has no duplicate check: only failures that surely posted nothing are retried.
			retry: retryPolicyFrom(options, false),
			maxWaitMs: Math.max(0, (options.maxRateLimitWaitSeconds ?? 60) * 1000),
			explainErrcode: fieldMessageForErrcode,
		},
	);
	return { errcode: 0, sent: true, card_type: card.card_type, attempts, waitedMs };
}
