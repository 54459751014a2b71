/**
 * The node's limits outside the card, and the sandbox's per-member drop, against the figures
 * transcribed from WeCom's pages (docFrequency.ts): a wrong constant shared by the node and the
 * sandbox would otherwise pass every other test.
 */
import * as limits from '../../nodes/WeCom/shared/limits';
import {
	startSandbox,
	DEMO_AGENT_ID,
	DEMO_CORP_ID,
	DEMO_SECRET,
	RECALL_WINDOW_MS,
	sampleTextNotice,
} from '../../sandbox';
import { DOCUMENTED_LIMITS } from './docFrequency';

describe('limits outside the card, as WeCom documents them', () => {
	it.each([
		['MEMBER_MESSAGES_PER_MINUTE', limits.MEMBER_MESSAGES_PER_MINUTE, DOCUMENTED_LIMITS.memberMessagesPerMinute],
		['MEMBER_MESSAGES_PER_HOUR', limits.MEMBER_MESSAGES_PER_HOUR, DOCUMENTED_LIMITS.memberMessagesPerHour],
		['MAX_USERS_PER_SEND', limits.MAX_USERS_PER_SEND, DOCUMENTED_LIMITS.usersPerSend],
		['MAX_PARTIES_PER_SEND', limits.MAX_PARTIES_PER_SEND, DOCUMENTED_LIMITS.partiesPerSend],
		['MAX_TAGS_PER_SEND', limits.MAX_TAGS_PER_SEND, DOCUMENTED_LIMITS.tagsPerSend],
		[
			'DUPLICATE_CHECK_DEFAULT_SECONDS',
			limits.DUPLICATE_CHECK_DEFAULT_SECONDS,
			DOCUMENTED_LIMITS.duplicateCheckDefaultSeconds,
		],
		['DUPLICATE_CHECK_MAX_SECONDS', limits.DUPLICATE_CHECK_MAX_SECONDS, DOCUMENTED_LIMITS.duplicateCheckMaxSeconds],
		['ROBOT_MESSAGES_PER_MINUTE', limits.ROBOT_MESSAGES_PER_MINUTE, DOCUMENTED_LIMITS.robotMessagesPerMinute],
		['RESPONSE_CODE_TTL_MS', limits.RESPONSE_CODE_TTL_MS, DOCUMENTED_LIMITS.responseCodeTtlMs],
		['RECALL_WINDOW_MS', RECALL_WINDOW_MS, DOCUMENTED_LIMITS.recallWindowMs],
	])('%s is %s (documented: %j)', (_name, actual, documented) => {
		expect(actual).toBe(documented.value);
	});

	it('the sandbox drops, by default, app messages to one member above the documented minute limit', async () => {
		const sandbox = await startSandbox();
		try {
			const token = (await (
				await fetch(`${sandbox.url}/cgi-bin/gettoken?corpid=${DEMO_CORP_ID}&corpsecret=${DEMO_SECRET}`)
			).json()) as { access_token: string };
			const perMinute = DOCUMENTED_LIMITS.memberMessagesPerMinute.value;
			const answers: number[] = [];
			for (let index = 0; index <= perMinute; index++) {
				const response = await fetch(`${sandbox.url}/cgi-bin/message/send?access_token=${token.access_token}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({
						touser: 'alice',
						msgtype: 'template_card',
						agentid: DEMO_AGENT_ID,
						template_card: sampleTextNotice(),
					}),
				});
				answers.push(((await response.json()) as { errcode: number }).errcode);
			}
			// Every send is answered errcode 0; only the one past the limit is not delivered.
			expect(answers.every((errcode) => errcode === 0)).toBe(true);
			expect(sandbox.memberDrops().map((drop) => drop.userid)).toEqual(['alice']);
		} finally {
			await sandbox.close();
		}
	});
});
