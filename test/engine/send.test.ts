/**
 * Sending template cards through the engine: JSON and form input, recipients and batching,
 * WeCom's duplicate check and n8n's cross-execution dedup.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	sampleButtonInteraction,
	sampleMultipleInteraction,
	sampleNewsNotice,
	sampleTextNotice,
	sampleTextNoticeWithMenu,
	sampleVoteInteraction,
} from '../../sandbox';
import { startEngineFixture, textNoticeParameters } from './fixtures';
import type { EngineFixture } from './fixtures';

const jsonSend = (card: unknown, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendTemplateCard',
	toUser: 'alice',
	cardInput: 'json',
	cardJson: JSON.stringify(card),
	...extra,
});

const sends = (fixture: EngineFixture) =>
	fixture.sandbox.messages().filter((message) => message.action === 'send' && message.duplicateOf === undefined);

describe('send template card', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});

	afterEach(async () => {
		await fixture.close();
	});

	it.each([
		['text_notice', sampleTextNotice(), false],
		['text_notice with action_menu', sampleTextNoticeWithMenu('menu-task-1'), true],
		['news_notice', sampleNewsNotice(), false],
		['button_interaction', sampleButtonInteraction('button-task-1'), true],
		['vote_interaction', sampleVoteInteraction('vote-task-1'), true],
		['multiple_interaction', sampleMultipleInteraction('multi-task-1'), true],
	])('delivers a %s card pasted as JSON exactly as given', async (_type, card, callsBack) => {
		const run = await fixture.runCardNode(jsonSend(card));

		expect(run.error).toBeUndefined();
		const [delivered] = sends(fixture);
		const { task_id: deliveredTaskId, ...deliveredCard } = delivered.template_card as IDataObject;
		const { task_id: givenTaskId, ...givenCard } = card as IDataObject;
		expect(deliveredCard).toEqual(givenCard);
		expect(deliveredTaskId).toBe(givenTaskId ?? run.items[0].json.task_id);
		expect(delivered.touser).toEqual(['alice']);

		const output = run.items[0].json;
		expect(output.msgid).toBe(delivered.msgid);
		expect(output.task_id).toBe(deliveredTaskId);
		expect(output.attempts).toBe(1);
		if (callsBack) {
			expect(output.response_code).toBe(delivered.response_code);
			const expiresIn = Date.parse(String(output.response_code_expires_at)) - Date.now();
			expect(expiresIn).toBeGreaterThan(71 * 3600 * 1000);
			expect(expiresIn).toBeLessThanOrEqual(72 * 3600 * 1000);
		} else {
			expect(output.response_code).toBeUndefined();
		}
	});

	it('accepts the card from an expression and generates a valid, unique task_id when needed', async () => {
		const card = sampleButtonInteraction('x');
		delete card.task_id;
		const run = await fixture.runCardNode(jsonSend(undefined, { cardJson: '={{ $json.card }}' }), [
			{ json: { card } },
			{ json: { card } },
		]);

		expect(run.error).toBeUndefined();
		const taskIds = run.items.map((item) => String(item.json.task_id));
		expect(new Set(taskIds).size).toBe(2);
		for (const taskId of taskIds) expect(taskId).toMatch(/^[A-Za-z0-9_@-]{1,128}$/);
		// Both items are in flight at once (Concurrency 5): their order of arrival is not defined.
		expect(
			sends(fixture)
				.map((message) => message.task_id)
				.sort(),
		).toEqual([...taskIds].sort());
	});

	it('builds a text_notice from the form', async () => {
		const run = await fixture.runCardNode({
			...textNoticeParameters('alice'),
			titleDescription: 'production',
			horizontalContentList: { items: [{ type: 0, keyname: 'Version', value: '1.4.2' }] },
			jumpList: { items: [{ type: 1, title: 'Changelog', url: 'https://example.com/changelog' }] },
		});

		expect(run.error).toBeUndefined();
		const card = sends(fixture)[0].template_card as IDataObject;
		expect(card).toMatchObject({
			card_type: 'text_notice',
			main_title: { title: 'Deploy finished', desc: 'production' },
			horizontal_content_list: [{ type: 0, keyname: 'Version', value: '1.4.2' }],
			jump_list: [{ type: 1, title: 'Changelog', url: 'https://example.com/changelog' }],
			card_action: { type: 1, url: 'https://example.com/deploys/42' },
		});
	});

	it('rejects an invalid card before any request, naming the field', async () => {
		const jumps = [1, 2, 3, 4].map((n) => ({ type: 1, title: `Link ${n}`, url: `https://example.com/${n}` }));
		const run = await fixture.runCardNode(jsonSend({ ...sampleTextNotice(), jump_list: jumps }));

		expect(run.error?.message).toBe('Invalid card: template_card.jump_list: at most 3 jumps');
		expect(fixture.sandbox.stats().calls['/cgi-bin/message/send']).toBeUndefined();
	});

	it('takes recipients as an array or a |-joined string, trimmed and de-duplicated', async () => {
		const run = await fixture.runCardNode(
			{
				...textNoticeParameters('={{ $json.users }}'),
				toParty: ' 2 | 3 |2',
				toTag: '={{ [7, 7, 8] }}',
			},
			[{ json: { users: [' alice', 'bob ', 'alice', ''] } }],
		);

		expect(run.error).toBeUndefined();
		const [delivered] = sends(fixture);
		expect(delivered.touser).toEqual(['alice', 'bob']);
		expect(delivered.toparty).toEqual(['2', '3']);
		expect(delivered.totag).toEqual(['7', '8']);
	});

	it('sends to @all', async () => {
		const run = await fixture.runCardNode({ ...textNoticeParameters(''), toAll: true });

		expect(run.error).toBeUndefined();
		expect(sends(fixture)[0].touser).toEqual(['@all']);
	});

	it('refuses an item without recipients before any request', async () => {
		const run = await fixture.runCardNode(textNoticeParameters(''));

		expect(run.error?.message).toMatch(/No recipients/);
		expect(fixture.sandbox.stats().calls['/cgi-bin/message/send']).toBeUndefined();
	});

	it('splits 2,500 users into 3 calls and merges the results into one item', async () => {
		const users = Array.from({ length: 2500 }, (_, n) => `user${String(n + 1).padStart(4, '0')}`);
		const card = sampleButtonInteraction('approval-2500');
		const run = await fixture.runCardNode(jsonSend(card, { toUser: users.join('|') }));

		expect(run.error).toBeUndefined();
		const calls = sends(fixture);
		expect(calls.map((call) => call.touser.length)).toEqual([1000, 1000, 500]);
		expect(calls.flatMap((call) => call.touser)).toEqual(users);
		expect(calls.map((call) => call.task_id)).toEqual(['approval-2500', 'approval-2500-b2', 'approval-2500-b3']);

		expect(run.items).toHaveLength(1);
		const output = run.items[0].json;
		expect(output.calls).toBe(3);
		expect(output.msgid).toBe(calls[0].msgid);
		expect((output.batches as IDataObject[]).map((batch) => batch.msgid)).toEqual(calls.map((call) => call.msgid));
	});

	it('reports invalid recipients as arrays and as a hint, and fails when all are invalid (81013)', async () => {
		const partial = await fixture.runCardNode({ ...textNoticeParameters('alice|ghost1|Ghost2'), toParty: '1|9999' });

		expect(partial.error).toBeUndefined();
		expect(partial.items[0].json.invaliduser).toEqual(['ghost1', 'ghost2']);
		expect(partial.items[0].json.invalidparty).toEqual(['9999']);
		const hints = JSON.stringify(partial.raw.data.resultData.runData);
		expect(hints).toMatch(/did not deliver to 3 recipient/);

		const none = await fixture.runCardNode(textNoticeParameters('ghost1|ghost2'));
		expect(none.error?.message).toMatch(/WeCom error 81013: All recipients are invalid/);
	});

	it('lets WeCom merge identical notices when asked (duplicate check)', async () => {
		const parameters = {
			...textNoticeParameters('carol'),
			options: { wecomDuplicateCheck: true, duplicateCheckInterval: 600 },
		};
		const first = await fixture.runCardNode(parameters);
		const second = await fixture.runCardNode(parameters);

		expect(second.items[0].json.msgid).toBe(first.items[0].json.msgid);
		expect(sends(fixture)).toHaveLength(1);
		expect(fixture.sandbox.stats().duplicateSuppressed).toBe(1);
		const body = fixture.sandbox.messages()[0];
		expect(body.task_id).toBeUndefined();
	});

	it('passes enable_id_trans when asked', async () => {
		const run = await fixture.runCardNode({
			...textNoticeParameters('alice', 'Approved by $userName=alice$'),
			options: { enableIdTrans: true },
		});

		expect(run.error).toBeUndefined();
		expect(fixture.sandbox.messages()[0].template_card).toMatchObject({
			main_title: { title: 'Approved by $userName=alice$' },
		});
		expect(fixture.sandbox.messages()[0].enableIdTrans).toBe(true);
	});

	it('never merges two separate sends of the same notice by default', async () => {
		await fixture.runCardNode(textNoticeParameters('carol'));
		await fixture.runCardNode(textNoticeParameters('carol'));

		expect(sends(fixture)).toHaveLength(2);
	});

	it('refuses a duplicate check interval outside 1 to 14400 seconds', async () => {
		const run = await fixture.runCardNode({
			...textNoticeParameters('carol'),
			options: { duplicateCheckInterval: 20000 },
		});

		expect(run.error?.message).toMatch(/from 1 to 14400/);
		expect(fixture.sandbox.stats().calls['/cgi-bin/message/send']).toBeUndefined();
	});

	describe('deduplication across executions', () => {
		const dedupOptions = { deduplicate: true, maxAttempts: 1 };

		it('skips an item already sent by an earlier execution', async () => {
			const parameters = { ...textNoticeParameters('alice'), options: dedupOptions };
			const first = await fixture.runCardNode(parameters);
			const second = await fixture.runCardNode(parameters);

			expect(first.items[0].json.msgid).toBeDefined();
			expect(second.items[0].json).toMatchObject({ skipped: true, dedupKey: first.items[0].json.dedupKey });
			expect(sends(fixture)).toHaveLength(1);
		});

		it('uses the key expression', async () => {
			const parameters = {
				...textNoticeParameters('alice'),
				title: '={{ "Alert " + $json.alertId }}',
				options: { ...dedupOptions, dedupKey: '={{ $json.alertId }}' },
			};
			const run = await fixture.runCardNode(parameters, [{ json: { alertId: 'a1' } }, { json: { alertId: 'a2' } }]);
			const again = await fixture.runCardNode(parameters, [{ json: { alertId: 'a2' } }, { json: { alertId: 'a3' } }]);

			expect(run.items.map((item) => item.json.skipped)).toEqual([undefined, undefined]);
			expect(again.items.map((item) => item.json.skipped)).toEqual([true, undefined]);
			expect(sends(fixture)).toHaveLength(3);
		});

		it("still sends once when n8n's dedup store lost the key (concurrent queue-mode writes)", async () => {
			const parameters = { ...textNoticeParameters('alice'), options: dedupOptions };
			const first = await fixture.runCardNode(parameters);
			fixture.harness.dedup.reset();
			const sameWindow = await fixture.runCardNode(parameters);
			fixture.harness.dedup.reset();
			fixture.sandbox.advanceClock(2 * 3600 * 1000);
			const later = await fixture.runCardNode(parameters);

			expect(sends(fixture)).toHaveLength(1);
			expect(sameWindow.items[0].json.msgid).toBe(first.items[0].json.msgid);
			expect(later.items[0].json).toMatchObject({ skipped: true, dedupKey: first.items[0].json.dedupKey });
			expect(String(first.items[0].json.task_id)).toMatch(/^n8n-dk-[0-9a-f]{48}$/);
		});

		it("reports a task_id of the user's own already in use as an error, not as sent by another execution", async () => {
			const card = (title: string) => ({
				...textNoticeParameters('alice', title),
				cardInput: 'json',
				cardJson: JSON.stringify({ ...sampleTextNotice(), task_id: 'my-own-task-1', main_title: { title } }),
				options: dedupOptions,
			});
			await fixture.runCardNode(card('First card'));

			const second = await fixture.runCardNode(card('Another card'), undefined, true);

			expect(second.items[0].json.skipped).toBeUndefined();
			expect(second.items[0].json.errcode).toBe(42014);
		});

		it('keeps the key when a later call of a split send fails: the first call was delivered', async () => {
			const users = Array.from({ length: 1200 }, (_, n) => `user${String(n + 1).padStart(4, '0')}`).join('|');
			const parameters = { ...textNoticeParameters(users), options: dedupOptions };
			fixture.sandbox.faults.add({
				kind: 'errcode',
				errcode: 60011,
				path: '/cgi-bin/message/send',
				every: 2,
				times: 1,
			});

			const failed = await fixture.runCardNode(parameters, undefined, true);
			const again = await fixture.runCardNode(parameters);

			expect(failed.items[0].json.errcode).toBe(60011);
			expect(again.items[0].json).toMatchObject({
				skipped: true,
				reason: 'Sent by an earlier execution (same dedup key)',
			});
			expect(sends(fixture).map((call) => call.touser.length)).toEqual([1000]);
		});

		it('un-records the key when the send fails, so a later execution sends it', async () => {
			const parameters = { ...textNoticeParameters('alice'), options: dedupOptions };
			fixture.sandbox.faults.add({ kind: 'errcode', errcode: 60011, path: '/cgi-bin/message/send', times: 1 });

			const failed = await fixture.runCardNode(parameters, undefined, true);
			const retried = await fixture.runCardNode(parameters);

			expect(failed.items[0].json.errcode).toBe(60011);
			expect(retried.items[0].json.msgid).toBeDefined();
			expect(sends(fixture)).toHaveLength(1);
		});
	});
});
