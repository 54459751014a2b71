/**
 * Updating a sent card with its response_code (both modes) and recalling a message, through
 * the engine against the sandbox, including WeCom's single-use and time limits.
 */
import type { INodeParameters } from 'n8n-workflow';

import { sampleButtonInteraction, sampleVoteInteraction } from '../../sandbox';
import { startEngineFixture, textNoticeParameters } from './fixtures';
import type { EngineFixture } from './fixtures';

const HOUR = 3600 * 1000;

const sendJson = (card: unknown, toUser = 'alice|bob'): INodeParameters => ({
	resource: 'message',
	operation: 'sendTemplateCard',
	toUser,
	cardInput: 'json',
	cardJson: JSON.stringify(card),
});

const update = (responseCode: string, extra: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'updateTemplateCard',
	responseCode,
	...extra,
});

describe('update template card', () => {
	let fixture: EngineFixture;
	let responseCode: string;

	beforeEach(async () => {
		fixture = await startEngineFixture();
		const sent = await fixture.runCardNode(sendJson(sampleButtonInteraction('expense-7')));
		responseCode = String(sent.items[0].json.response_code);
	});

	afterEach(async () => {
		await fixture.close();
	});

	it('greys out the button for one user', async () => {
		const run = await fixture.runCardNode(
			update(responseCode, { updateMode: 'button', replaceName: 'Approved', updateTarget: 'some', userIds: 'alice' }),
		);

		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ updated: true, mode: 'button', invaliduser: [] });
		expect(fixture.sandbox.cardsFor('alice')[0].replaceName).toBe('Approved');
		expect(fixture.sandbox.cardsFor('bob')[0].replaceName).toBeUndefined();
	});

	it('replaces the whole card for everyone, from the form', async () => {
		const run = await fixture.runCardNode(
			update(responseCode, {
				updateMode: 'card',
				updateTarget: 'all',
				cardInput: 'form',
				cardType: 'text_notice',
				title: 'Expense approved',
				subTitleText: 'Approved by alice',
				cardActionType: 1,
				cardActionUrl: 'https://example.com/expenses/7',
			}),
		);

		expect(run.error).toBeUndefined();
		for (const user of ['alice', 'bob']) {
			expect(fixture.sandbox.cardsFor(user)[0].template_card).toEqual({
				card_type: 'text_notice',
				main_title: { title: 'Expense approved' },
				sub_title_text: 'Approved by alice',
				card_action: { type: 1, url: 'https://example.com/expenses/7' },
			});
		}
	});

	it('replaces the card from JSON with replace_text and disabled inputs', async () => {
		const { task_id: _sendOnly, ...vote } = sampleVoteInteraction('unused');
		const card = { ...vote, replace_text: 'Voted', checkbox: { ...(vote.checkbox as object), disable: true } };

		const run = await fixture.runCardNode(
			update(responseCode, {
				updateMode: 'card',
				updateTarget: 'all',
				cardInput: 'json',
				cardJson: JSON.stringify(card),
			}),
		);

		expect(run.error).toBeUndefined();
		expect(fixture.sandbox.cardsFor('alice')[0].template_card).toEqual(card);
	});

	it.each([
		[{ partyIds: 'sales|2.5' }, /Departments contains "sales", which is not an ID/],
		[{ tagIds: '3|x' }, /Tags contains "x", which is not an ID/],
		[{ userIds: 'alice|@ALL' }, /Users contains "@ALL", which would send to every member/],
		[{ userIds: '={{ [{ userid: "alice" }] }}' }, /^Users contains an object/],
		[{ partyIds: '={{ { id: 2 } }}' }, /^Departments contains an object/],
	])('refuses update targets WeCom would misread (%j) before any request', async (targets, message) => {
		const run = await fixture.runCardNode(
			update(responseCode, { updateMode: 'button', replaceName: 'Approved', updateTarget: 'some', ...targets }),
		);

		expect(run.error?.message).toMatch(message);
		expect(fixture.sandbox.stats().calls['/cgi-bin/message/update_template_card']).toBeUndefined();
	});

	it('rejects a task_id in an update card before any request', async () => {
		const run = await fixture.runCardNode(
			update(responseCode, {
				updateMode: 'card',
				updateTarget: 'all',
				cardInput: 'json',
				cardJson: JSON.stringify(sampleButtonInteraction('not-allowed-here')),
			}),
		);

		expect(run.error?.message).toMatch(/^Invalid card: template_card\.task_id: /);
		expect(fixture.sandbox.stats().calls['/cgi-bin/message/update_template_card']).toBeUndefined();
	});

	it('explains 60140 when the response_code was already used', async () => {
		const parameters = update(responseCode, { updateMode: 'button', replaceName: 'Done', updateTarget: 'all' });
		await fixture.runCardNode(parameters);

		const again = await fixture.runCardNode(parameters);

		expect(again.error?.message).toBe('WeCom error 60140: Invalid response_code');
		expect((again.error as { description?: string }).description).toMatch(/used once, within 72 hours/);
	});

	it('explains 60140 when the response_code is older than 72 hours', async () => {
		fixture.sandbox.advanceClock(72 * HOUR + 1000);

		const run = await fixture.runCardNode(
			update(responseCode, { updateMode: 'button', replaceName: 'Done', updateTarget: 'all' }),
		);

		expect(run.error?.message).toBe('WeCom error 60140: Invalid response_code');
	});

	it('checks who to update before the new card, as before the consolidation', async () => {
		const run = await fixture.runCardNode(
			update(responseCode, {
				updateMode: 'card',
				updateTarget: 'some',
				cardInput: 'json',
				cardJson: JSON.stringify({ card_type: 'text_notice' }),
			}),
		);

		expect(run.error?.message).toBe('No users, departments or tags to update: fill one in, or update for everyone');
		expect(fixture.sandbox.stats().calls['/cgi-bin/message/update_template_card']).toBeUndefined();
	});

	it('refuses a response code expression that resolves to nothing, before any request', async () => {
		const run = await fixture.runCardNode(
			update('={{ $json.responseCode ?? "" }}', { updateMode: 'button', replaceName: 'Done', updateTarget: 'all' }),
		);

		expect(run.error?.message).toBe('Response Code is empty');
		expect(fixture.sandbox.stats().calls['/cgi-bin/message/update_template_card']).toBeUndefined();
	});
});

describe('recall', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});

	afterEach(async () => {
		await fixture.close();
	});

	const recall = (msgid: string): INodeParameters => ({ resource: 'message', operation: 'recall', msgid });

	it('recalls a message sent within 24 hours', async () => {
		const sent = await fixture.runCardNode(textNoticeParameters('alice'));
		const msgid = String(sent.items[0].json.msgid);

		const run = await fixture.runCardNode(recall(msgid));

		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ recalled: true, msgid });
		expect(fixture.sandbox.cardsFor('alice')[0].recalled).toBe(true);
	});

	it('explains 42052 after 24 hours', async () => {
		const sent = await fixture.runCardNode(textNoticeParameters('alice'));
		fixture.sandbox.advanceClock(24 * HOUR + 1000);

		const run = await fixture.runCardNode(recall(String(sent.items[0].json.msgid)));

		expect(run.error?.message).toBe('WeCom error 42052: msgid expired');
		expect((run.error as { description?: string }).description).toMatch(/within 24 hours/);
	});
});
