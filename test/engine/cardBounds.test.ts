/**
 * Cards too deep or too large are refused with a clear error before any deep work (dedup key,
 * item-by-item validation), and quickly; a card that uses every documented limit to the full is
 * still sent. The limits below are WeCom's, from https://developer.work.weixin.qq.com/document/path/90236
 * (list lengths, 1024-byte keys, 128-byte option ids) and .../path/90313 (40039: URLs of at most
 * 1024 bytes).
 */
import type { INodeParameters } from 'n8n-workflow';

import { sampleButtonInteraction, sampleTextNotice } from '../../sandbox';
import { startEngineFixture } from './fixtures';
import type { EngineFixture } from './fixtures';

const DOC = {
	keyBytes: 1024,
	optionIdBytes: 128,
	taskIdBytes: 128,
	urlBytes: 1024,
	buttons: 6,
	actions: 3,
	horizontalItems: 6,
	selectLists: 3,
	selectOptions: 10,
};

const jsonSend = (cardJson: string, options: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendTemplateCard',
	toUser: 'alice',
	cardInput: 'json',
	cardJson,
	options,
});

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** An ASCII string of exactly `bytes` bytes that starts with `prefix`. */
const padded = (prefix: string, bytes: number) => prefix + 'x'.repeat(bytes - prefix.length);
const url = (n: number) => padded(`https://example.com/${n}/`, DOC.urlBytes);

describe('card bounds', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});

	afterEach(async () => {
		await fixture.close();
	});

	const sendCalls = () => fixture.sandbox.stats().calls['/cgi-bin/message/send'] ?? 0;

	it('refuses a 10,000-deep card with dedup on by the field path and the depth limit, not a stack overflow', async () => {
		const card = JSON.stringify(sampleTextNotice()).replace(/"title":"[^"]*"/, `"title":${nested(10_000)}`);
		const run = await fixture.runCardNode(jsonSend(card, { deduplicate: true }));

		expect(run.error?.message).toBe(
			'Invalid card: template_card.main_title.title[0][0][0][0][0][0][0][0]: nested more than 10 levels deep (the deepest field of a template card is 5 levels down)',
		);
		expect(sendCalls()).toBe(0);
	});

	// How long that takes is checked in test/unit/cardBounds.test.ts, away from n8n's own handling of a 5 MB parameter.
	it('refuses a 200,000-item list by its size before looking at its items', async () => {
		const buttons = Array.from({ length: 200_000 }, (_, n) => ({ text: 'b', key: `k${n}` }));
		const card = JSON.stringify({ ...sampleButtonInteraction('bounds-1'), button_list: buttons });
		const run = await fixture.runCardNode(jsonSend(card, { deduplicate: true }));

		expect(run.error?.message).toBe(
			'Invalid card: template_card.button_list: a list of 200,000 items makes the card larger than 65,536 bytes as JSON',
		);
		expect(sendCalls()).toBe(0);
	});

	it('checks a too-long list that fits the size cap by its length, not item by item', async () => {
		const buttons = Array.from({ length: 5_000 }, () => ({}));
		const card = JSON.stringify({ ...sampleButtonInteraction('bounds-2'), button_list: buttons });
		const run = await fixture.runCardNode(jsonSend(card));

		const issues = String((run.error as { description?: string }).description).split('\n');
		expect(issues).toContain('template_card.button_list: at most 6 buttons');
		// The list rule plus the issues of the first 6 buttons; not one issue per item of 5,000.
		expect(issues.length).toBeLessThanOrEqual(1 + DOC.buttons * 2);
		expect(sendCalls()).toBe(0);
	});

	it('refuses a card larger than 64 KiB as JSON', async () => {
		const card = JSON.stringify({ ...sampleTextNotice(), sub_title_text: '长'.repeat(30_000) });
		const run = await fixture.runCardNode(jsonSend(card));

		expect(run.error?.message).toBe('Invalid card: template_card: the card is larger than 65,536 bytes as JSON');
		expect(sendCalls()).toBe(0);
	});

	it.each([
		[
			'button_interaction',
			{
				card_type: 'button_interaction',
				source: { icon_url: url(0), desc: '企业微信'.repeat(5), desc_color: 1 },
				action_menu: {
					desc: '更多操作'.repeat(10),
					action_list: Array.from({ length: DOC.actions }, (_, n) => ({
						text: `操作${n}`,
						key: padded(`a${n}-`, DOC.keyBytes),
					})),
				},
				task_id: padded('max-', DOC.taskIdBytes),
				main_title: { title: '标题'.repeat(18), desc: '辅助'.repeat(22) },
				quote_area: { type: 1, url: url(1), title: '引用'.repeat(10), quote_text: '引用文案'.repeat(20) },
				sub_title_text: '二级文本'.repeat(40),
				horizontal_content_list: Array.from({ length: DOC.horizontalItems }, (_, n) => ({
					type: 1,
					keyname: '二级标题',
					value: '二级文本'.repeat(7),
					url: url(10 + n),
				})),
				card_action: { type: 1, url: url(2) },
				button_selection: {
					question_key: padded('q-', DOC.keyBytes),
					title: '选择'.repeat(10),
					option_list: Array.from({ length: DOC.selectOptions }, (_, n) => ({
						id: padded(`o${n}-`, DOC.optionIdBytes),
						text: `选项${n}`,
					})),
				},
				button_list: Array.from({ length: DOC.buttons }, (_, n) => ({
					type: 0,
					text: `按钮${n}`,
					style: 1,
					key: padded(`b${n}-`, DOC.keyBytes),
				})),
			},
		],
		[
			'multiple_interaction',
			{
				card_type: 'multiple_interaction',
				source: { icon_url: url(0), desc: '企业微信'.repeat(5) },
				task_id: padded('max-', DOC.taskIdBytes),
				main_title: { title: '标题'.repeat(18), desc: '辅助'.repeat(22) },
				select_list: Array.from({ length: DOC.selectLists }, (_, list) => ({
					question_key: padded(`q${list}-`, DOC.keyBytes),
					title: '选择'.repeat(10),
					option_list: Array.from({ length: DOC.selectOptions }, (_, n) => ({
						id: padded(`o${list}-${n}-`, DOC.optionIdBytes),
						text: '选项'.repeat(10),
					})),
				})),
				submit_button: { text: '提交', key: padded('submit-', DOC.keyBytes) },
			},
		],
	])('sends a %s card that uses every documented limit to the full', async (_type, card) => {
		const run = await fixture.runCardNode(jsonSend(JSON.stringify(card), { deduplicate: true }));

		expect(run.error).toBeUndefined();
		expect(fixture.sandbox.messages()[0].template_card).toEqual(card);
	});
});
