/**
 * The default dedup key (no Dedup Key given): the same card to the same members from the same
 * app is one message; another corp or app, or a card with its own other task_id, is another;
 * the same members listed another way are the same. Scope "Whole Workflow" shares the keys of
 * every node of the workflow, so two nodes with different credentials meet in one store.
 */
import { randomBytes } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import { DEMO_CORP, sampleButtonInteraction, sampleTextNotice } from '../../sandbox';
import type { SandboxCorp } from '../../sandbox';
import { registerSecret } from '../harness';
import { CARD_NODE_TYPE, startEngineFixture } from './fixtures';
import type { EngineFixture } from './fixtures';

const CORP_B: SandboxCorp = {
	corpId: 'wwsandboxcorpb0002',
	apps: [{ agentId: 1000005, secret: randomBytes(21).toString('base64url') }],
	users: ['alice', 'bob'],
	departments: [1],
	tags: [],
};
const SECOND_APP = { agentId: 1000003, secret: randomBytes(21).toString('base64url') };

registerSecret(CORP_B.apps[0].secret);
registerSecret(SECOND_APP.secret);

const workflowScope = { deduplicate: true, dedupScope: 'workflow', maxAttempts: 1 };

describe('default dedup key', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture({ corps: [{ ...DEMO_CORP, apps: [...DEMO_CORP.apps, SECOND_APP] }, CORP_B] });
		fixture.harness.credentials.add({
			id: 'corp-b',
			name: 'Corp B',
			type: 'weComApi',
			data: fixture.credentialData({
				corpId: CORP_B.corpId,
				corpSecret: CORP_B.apps[0].secret,
				agentId: CORP_B.apps[0].agentId,
			}),
		});
		fixture.harness.credentials.add({
			id: 'second-app',
			name: 'Second app',
			type: 'weComApi',
			data: fixture.credentialData({ corpSecret: SECOND_APP.secret, agentId: SECOND_APP.agentId }),
		});
	});

	afterEach(async () => {
		await fixture.close();
	});

	const sends = () =>
		fixture.sandbox.messages().filter((message) => message.action === 'send' && message.duplicateOf === undefined);

	/** One node of the workflow, named and with its own credential. */
	const runAs = async (name: string, credentialId: string, parameters: INodeParameters) =>
		await fixture.harness.runNode({
			type: CARD_NODE_TYPE,
			name,
			parameters,
			credentials: { weComApi: { id: credentialId, name: credentialId } },
		});

	const notice = (toUser: string) => ({
		resource: 'message',
		operation: 'sendTemplateCard',
		toUser,
		cardInput: 'json',
		cardJson: JSON.stringify(sampleTextNotice()),
		options: workflowScope,
	});

	it('sends the same card to the same members once per corp and app, not once per workflow', async () => {
		const corpA = await runAs('Notify corp A', 'wecom-1', notice('alice'));
		const corpB = await runAs('Notify corp B', 'corp-b', notice('alice'));
		const secondApp = await runAs('Notify from the second app', 'second-app', notice('alice'));
		const corpAAgain = await runAs('Notify corp A again', 'wecom-1', notice('alice'));

		for (const run of [corpA, corpB, secondApp]) expect(run.items[0].json.skipped).toBeUndefined();
		expect(corpAAgain.items[0].json).toMatchObject({ skipped: true, dedupKey: corpA.items[0].json.dedupKey });
		expect(sends().map((message) => [message.corpId, message.agentid])).toEqual([
			[DEMO_CORP.corpId, DEMO_CORP.apps[0].agentId],
			[CORP_B.corpId, CORP_B.apps[0].agentId],
			[DEMO_CORP.corpId, SECOND_APP.agentId],
		]);
	});

	it('tells cards apart by their own task_id', async () => {
		const card = (taskId: string) => ({
			...notice('alice'),
			cardJson: JSON.stringify(sampleButtonInteraction(taskId)),
		});
		const first = await runAs('Ask', 'wecom-1', card('approval-1'));
		const second = await runAs('Ask', 'wecom-1', card('approval-2'));
		const again = await runAs('Ask', 'wecom-1', card('approval-1'));

		expect(first.items[0].json.skipped).toBeUndefined();
		expect(second.items[0].json.skipped).toBeUndefined();
		expect(again.items[0].json).toMatchObject({ skipped: true });
		expect(sends().map((message) => message.task_id)).toEqual(['approval-1', 'approval-2']);
	});

	it('treats the same members listed in any order, case or form as the same recipients', async () => {
		const listings = [
			'alice|bob',
			'={{ ["alice", "bob"] }}',
			'={{ ["bob", "alice"] }}',
			'Bob, ALICE',
			'={{ ["bob|alice", "alice"] }}',
		];
		const runs = [];
		for (const toUser of listings) runs.push(await runAs('Notify', 'wecom-1', notice(toUser)));

		expect(runs.map((run) => run.items[0].json.skipped)).toEqual([undefined, true, true, true, true]);
		expect(new Set(runs.map((run) => run.items[0].json.dedupKey)).size).toBe(1);
		expect(sends()).toHaveLength(1);
	});

	it('treats the same card with its fields in another order as the same card', async () => {
		const { card_action: cardAction, ...rest } = sampleTextNotice();
		const reordered = { ...notice('alice'), cardJson: JSON.stringify({ card_action: cardAction, ...rest }) };
		await runAs('Notify', 'wecom-1', notice('alice'));
		const again = await runAs('Notify', 'wecom-1', reordered);

		expect(again.items[0].json).toMatchObject({ skipped: true });
		expect(sends()).toHaveLength(1);
	});

	it('still tells other members and other cards apart', async () => {
		await runAs('Notify', 'wecom-1', notice('alice'));
		const otherMembers = await runAs('Notify', 'wecom-1', notice('alice|bob'));
		const otherCard = await runAs('Notify', 'wecom-1', {
			...notice('alice'),
			cardJson: JSON.stringify({ ...sampleTextNotice(), sub_title_text: 'Another text' }),
		});

		expect(otherMembers.items[0].json.skipped).toBeUndefined();
		expect(otherCard.items[0].json.skipped).toBeUndefined();
		expect(sends()).toHaveLength(3);
	});
});
