import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ROBOT_MESSAGES_PER_MINUTE } from '../../../shared/limits';
import { maxRateLimitWaitOption, optionsCollection, retryOptions } from '../../descriptions/options';
import { maxRateLimitWaitMs, readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { withRetry } from '../../transport/retry';
import { callRobotWithinLimit, postToRobot, readRobot, withoutKey } from '../../transport/robot';
import type { Operation } from '../node.type';
import { showFor } from '../node.type';
import { callFields, readCustomCall } from './callFields';

/** A file upload is not a message: it does not count toward the robot's limit. */
const UPLOAD_PATH = '/cgi-bin/webhook/upload_media';

const properties: INodeProperties[] = [
	// A robot's API is POST only (https://developer.work.weixin.qq.com/document/path/99110).
	...callFields(
		'/cgi-bin/webhook/send',
		"A group robot API path under /cgi-bin/webhook/; the node adds the robot's key.",
	).filter((property) => property.name !== 'customMethod'),
	// In alphabetical order, as n8n lists a collection's options.
	optionsCollection(
		[
			maxRateLimitWaitOption(
				`A robot takes ${ROBOT_MESSAGES_PER_MINUTE} messages per minute, and every call but ${UPLOAD_PATH} counts. When they are used up, a call waits for a free slot up to this long; if its slot is further away, it fails without being sent.`,
			),
			...retryOptions({
				maxAttempts:
					'Attempts per call, the first included. Retried: -1 system busy, 45009 rate limit, and connections that never reached WeCom. A timeout or HTTP 5xx is not retried: the message may be in the group.',
			}),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	),
];

interface RobotCallOptions extends RetryOptionValues {
	maxRateLimitWaitSeconds?: number;
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const call = readCustomCall(this, itemIndex, '/cgi-bin/webhook/');
	const options = readOptions<RobotCallOptions>(this, itemIndex);
	const retry = retryPolicyFrom(options, false);
	const robotCall = { path: call.path, qs: call.qs, body: call.body ?? {} };
	// Any robot API but the upload may post to the group: it shares Send Template Card's limit.
	if (call.path !== UPLOAD_PATH) {
		const { response } = await callRobotWithinLimit(this, robotCall, itemIndex, {
			retry,
			maxWaitMs: maxRateLimitWaitMs(options),
		});
		return response;
	}
	const robot = await readRobot(this, itemIndex);
	try {
		const { result } = await withRetry(
			retry,
			async () => await postToRobot(this, robot, robotCall, itemIndex, { retry }),
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
