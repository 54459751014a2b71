import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, retryOptions } from '../../descriptions/options';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { withRetry } from '../../transport/retry';
import { postToRobot, readRobot, withoutKey } from '../../transport/robot';
import type { Operation } from '../node.type';
import { showFor } from '../node.type';
import { callFields, readCustomCall } from './callFields';

const properties: INodeProperties[] = [
	// A robot's API is POST only (https://developer.work.weixin.qq.com/document/path/99110).
	...callFields(
		'/cgi-bin/webhook/send',
		"A group robot API path under /cgi-bin/webhook/; the node adds the robot's key.",
	).filter((property) => property.name !== 'customMethod'),
	optionsCollection(
		retryOptions({
			maxAttempts:
				'Attempts per call, the first included. Retried: -1 system busy, 45009 rate limit, and connections that never reached WeCom. A timeout or HTTP 5xx is not retried: the message may be in the group.',
		}),
	),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const call = readCustomCall(this, itemIndex, '/cgi-bin/webhook/');
	const retry = retryPolicyFrom(readOptions<RetryOptionValues>(this, itemIndex), false);
	const robot = await readRobot(this, itemIndex);
	try {
		const { result } = await withRetry(
			retry,
			async () =>
				await postToRobot(this, robot, { path: call.path, qs: call.qs, body: call.body ?? {} }, itemIndex, { retry }),
		);
		return result;
	} catch (error) {
		throw withoutKey(error, robot.key);
	}
}

export const robotCustomApiCall: Operation = {
	description: updateDisplayOptions(showFor('robot', 'customApiCall'), properties),
	execute,
};
