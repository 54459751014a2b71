/**
 * What a user sees about a card built in the form, through n8n's engine: an invalid card names
 * the form's field next to WeCom's path (JSON cards name the path only), and a text longer than
 * WeCom recommends goes out with one hint per field in the output pane, however many items.
 */
import type { IDataObject, INodeParameters, NodeExecutionHint } from 'n8n-workflow';

import { sampleTextNotice, sampleVoteInteraction } from '../../sandbox';
import type { NodeRun } from '../harness';
import { emptyItems, startEngineFixture, textNoticeParameters, type EngineFixture } from './fixtures';

const SITE = 'https://example.com/page';
const jumps = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ type: 1, title: `Link ${index}`, url: `${SITE}/${index}` }));

const jsonSend = (card: unknown): INodeParameters => ({
	resource: 'message',
	operation: 'sendTemplateCard',
	toUser: 'alice',
	cardInput: 'json',
	cardJson: JSON.stringify(card),
});

/** Every hint the node's runs added. */
function hintsOf(run: NodeRun): NodeExecutionHint[] {
	return Object.values(run.raw.data.resultData.runData).flatMap((tasks) => tasks.flatMap((task) => task.hints ?? []));
}

const descriptionLines = (run: NodeRun) => String((run.error as { description?: string }).description).split('\n');

/** 40 characters: WeCom recommends at most 36 for main_title.title of an app card. */
const LONG_TITLE = 'Quarterly report for the sales team: EU!';

describe('the card form in errors and hints', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});

	afterEach(async () => {
		await fixture.close();
	});

	const sends = () => fixture.sandbox.messages().filter((message) => message.action === 'send');

	it("names the form label and WeCom's path for a form card, only the path for the same card as JSON", async () => {
		const form = await fixture.runCardNode({ ...textNoticeParameters('alice'), jumpList: { items: jumps(4) } });
		const json = await fixture.runCardNode(jsonSend({ ...sampleTextNotice(), jump_list: jumps(4) }));

		expect(form.error?.message).toBe('Invalid card: Jump Links (template_card.jump_list): at most 3 jumps');
		expect(descriptionLines(form)).toEqual(['Jump Links (template_card.jump_list): at most 3 jumps']);
		expect(json.error?.message).toBe('Invalid card: template_card.jump_list: at most 3 jumps');
		expect(descriptionLines(json)).toEqual(['template_card.jump_list: at most 3 jumps']);
		expect(sends()).toEqual([]);
	});

	it('lists every issue of a form card with the label of its block or field plus the rest of the path', async () => {
		const links = jumps(4);
		delete (links[1] as IDataObject).url;
		const notice = await fixture.runCardNode({
			...textNoticeParameters('alice'),
			jumpList: { items: links },
			horizontalContentList: { items: [{ type: 0, value: 'no key' }] },
		});
		const vote = await fixture.runCardNode({
			resource: 'message',
			operation: 'sendTemplateCard',
			toUser: 'alice',
			cardInput: 'form',
			cardType: 'vote_interaction',
			title: 'Lunch',
			checkboxQuestionKey: 'lunch',
			checkboxOptions: {
				options: [
					{ id: 'a', text: 'Noodles' },
					{ id: 'a', text: 'Rice' },
				],
			},
			submitButtonText: 'Vote',
		});

		expect(descriptionLines(notice).sort()).toEqual([
			'Jump Links (template_card.jump_list): at most 3 jumps',
			'Jump Links[1].url (template_card.jump_list[1].url): required when type is 1 (URL)',
			'Key/Value Rows[0].keyname (template_card.horizontal_content_list[0].keyname): required',
		]);
		expect(descriptionLines(vote).sort()).toEqual([
			'Choices[1].id (template_card.checkbox.option_list[1].id): duplicate id "a" (ids must be unique)',
			'Submit Button Key (template_card.submit_button.key): required',
		]);
		expect(sends()).toEqual([]);
	});

	it('sends a card whose title is longer than WeCom recommends, with one hint for 1,000 items', async () => {
		const run = await fixture.runCardNode(
			{
				...textNoticeParameters('={{ "user" + String($json.index + 1).padStart(4, "0") }}', LONG_TITLE),
				jumpList: { items: [{ type: 1, title: 'Open the full quarterly report', url: SITE }] },
			},
			emptyItems(1000),
		);

		expect(run.error).toBeUndefined();
		expect(run.items.filter((item) => item.json.msgid !== undefined)).toHaveLength(1000);
		expect(sends()).toHaveLength(1000);
		expect(sends().every((message) => (message.template_card as IDataObject).main_title)).toBe(true);
		expect((sends()[999].template_card as IDataObject).main_title).toEqual({ title: LONG_TITLE });
		// One per field: the title, and the jump link's title (30 characters, 18 recommended).
		expect(hintsOf(run)).toEqual([
			{
				message: expect.stringMatching(
					/^Title \(template_card\.main_title\.title\) has 40 characters; WeCom recommends at most 36\. Not an error: the card goes out as it is \(first in item \d+\)\.$/,
				),
				location: 'outputPane',
			},
			{
				message: expect.stringMatching(
					/^Jump Links\[0\]\.title \(template_card\.jump_list\[0\]\.title\) has 30 characters; WeCom recommends at most 18\./,
				),
				location: 'outputPane',
			},
		]);
	});

	it('hints again in the next execution, and names only the path for a JSON card', async () => {
		const form = await fixture.runCardNode(textNoticeParameters('alice', LONG_TITLE), emptyItems(3));
		const json = await fixture.runCardNode(
			jsonSend({ ...sampleVoteInteraction('vote-long-title'), main_title: { title: 'Where shall we have lunch?' } }),
		);

		expect(hintsOf(form).map((hint) => hint.message)).toEqual([
			expect.stringMatching(
				/^Title \(template_card\.main_title\.title\) has 40 characters; WeCom recommends at most 36\./,
			),
		]);
		// A vote card's title: 16 recommended.
		expect(hintsOf(json).map((hint) => hint.message)).toEqual([
			expect.stringMatching(/^template_card\.main_title\.title has 26 characters; WeCom recommends at most 16\./),
		]);
		expect(sends()).toHaveLength(4);
	});
});
