import {
	CARD_TYPES,
	TASK_ID_PATTERN,
	cardNeedsTaskId,
	checkTemplateCard,
	formatCardIssue,
	type CardIssue,
	type CardType,
	type CardVariant,
} from '../../nodes/WeCom/shared/card';
import { BLOCK_TABLES } from '../conformance/docBlocks';
import { VARIANTS_BY_TYPE, mutated, validCard, type Card } from './cardFixtures';

function issuesOf(card: unknown, variant: CardVariant): CardIssue[] {
	const result = checkTemplateCard(card, variant);
	if (result.ok) throw new Error('expected the card to be rejected');
	return result.issues;
}

const validCases = CARD_TYPES.flatMap((cardType) =>
	VARIANTS_BY_TYPE[cardType].map((variant) => [cardType, variant] as const),
);

describe('valid cards', () => {
	it.each(validCases)('accepts a full %s card (%s)', (cardType, variant) => {
		const card = validCard(cardType, variant);
		const result = checkTemplateCard(card, variant);
		expect(result).toEqual({ ok: true, card: expect.anything() });
	});

	it.each(validCases)('returns the %s card (%s) unchanged: no added keys or defaults', (cardType, variant) => {
		const card = validCard(cardType, variant);
		const result = checkTemplateCard(card, variant);
		if (!result.ok) throw new Error(result.issues.map(formatCardIssue).join('\n'));
		expect(result.card).toStrictEqual(card);
		expect(JSON.parse(JSON.stringify(result.card))).toStrictEqual(card);
	});

	it('keeps numbers as numbers', () => {
		const result = checkTemplateCard(validCard('news_notice'), 'send');
		if (!result.ok) throw new Error('rejected');
		expect(result.card.card_image?.aspect_ratio).toBe(2.25);
		expect(result.card.card_action?.type).toBe(1);
		expect(result.card.source?.desc_color).toBe(0);
	});

	it('accepts minimal cards of every type', () => {
		const minimal: Record<CardType, Card> = {
			text_notice: {
				card_type: 'text_notice',
				sub_title_text: '正文',
				card_action: { type: 2, appid: 'wx1' },
			},
			news_notice: {
				card_type: 'news_notice',
				main_title: { title: 't' },
				image_text_area: { image_url: 'https://a.example/i.png' },
				card_action: { type: 1, url: 'https://a.example' },
			},
			button_interaction: {
				card_type: 'button_interaction',
				task_id: 't1',
				main_title: { title: 't' },
				button_list: [{ text: 'ok', key: 'ok' }],
			},
			vote_interaction: {
				card_type: 'vote_interaction',
				task_id: 't1',
				main_title: { title: 't' },
				checkbox: { question_key: 'q', option_list: [{ id: '1', text: 'one', is_checked: false }] },
				submit_button: { text: '提交', key: 's' },
			},
			multiple_interaction: {
				card_type: 'multiple_interaction',
				task_id: 't1',
				main_title: { title: 't' },
				select_list: [{ question_key: 'q', option_list: [{ id: '1', text: 'one' }] }],
				submit_button: { text: '提交', key: 's' },
			},
		};
		for (const cardType of CARD_TYPES) {
			expect(checkTemplateCard(minimal[cardType], 'send')).toEqual({
				ok: true,
				card: minimal[cardType],
			});
		}
	});

	it('accepts a notice with a task_id but no action_menu, and without a task_id', () => {
		const withTaskId = mutated('text_notice', 'send', (c) => (c.task_id = 'n8n_1_0_abc'));
		expect(checkTemplateCard(withTaskId, 'send').ok).toBe(true);
		expect(checkTemplateCard(validCard('text_notice'), 'send').ok).toBe(true);
	});

	it('accepts empty horizontal, jump and vertical lists', () => {
		const card = mutated('news_notice', 'send', (c) => {
			c.horizontal_content_list = [];
			c.jump_list = [];
			c.vertical_content_list = [];
		});
		expect(checkTemplateCard(card, 'send').ok).toBe(true);
	});

	it('accepts the aspect_ratio endpoints 1.3 and 2.25', () => {
		for (const ratio of [1.3, 2.25, 1.777]) {
			const card = mutated('news_notice', 'send', (c) => (c.card_image.aspect_ratio = ratio));
			expect(checkTemplateCard(card, 'send').ok).toBe(true);
		}
	});

	it('lets an update drop the submit button of vote and multiple cards', () => {
		for (const cardType of ['vote_interaction', 'multiple_interaction'] as const) {
			const card = mutated(cardType, 'update', (c) => delete c.submit_button);
			expect(checkTemplateCard(card, 'update').ok).toBe(true);
		}
	});

	it('lets an update turn a card into a notice without action_menu', () => {
		const card = mutated('text_notice', 'update', (c) => delete c.action_menu);
		expect(checkTemplateCard(card, 'update').ok).toBe(true);
	});
});

describe('card_type', () => {
	it('is required (42031)', () => {
		expect(issuesOf({ main_title: { title: 'x' } }, 'send')).toEqual([
			{ path: 'template_card.card_type', message: 'required', errcode: 42031 },
		]);
	});

	it('must be one of the five types (42031), and nothing else is reported', () => {
		const issues = issuesOf({ card_type: 'markdown', foo: 1 }, 'send');
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ path: 'template_card.card_type', errcode: 42031 });
		expect(issues[0].message).toContain('must be one of text_notice, news_notice');
		expect(issues[0].message).toContain('(got "markdown")');
	});

	it('rejects a non-string card_type (42031)', () => {
		expect(issuesOf({ card_type: 1 }, 'send')[0]).toMatchObject({
			path: 'template_card.card_type',
			message: expect.stringContaining('(got a number)'),
			errcode: 42031,
		});
	});

	it.each(['button_interaction', 'vote_interaction', 'multiple_interaction'] as const)(
		'rejects %s for group robots (42031)',
		(cardType) => {
			const card = mutated(cardType, 'send', (c) => delete c.task_id);
			expect(issuesOf(card, 'robot')).toEqual([
				{
					path: 'template_card.card_type',
					message: 'group robots can only send text_notice and news_notice cards',
					errcode: 42031,
				},
			]);
		},
	);

	it.each([undefined, null, 'text', [], 3])('rejects %p as a card (40058)', (card) => {
		const issues = issuesOf(card, 'send');
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ path: 'template_card', errcode: 40058 });
		expect(issues[0].message).toMatch(card === undefined ? /^required$/ : /^must be an object \(got /);
	});
});

/** Which blocks each type takes when sent: the tables of the official send page (test/conformance). */
const DOC_TABLE = Object.fromEntries(
	BLOCK_TABLES.filter((table) => table.variant === 'send').map((table) => [table.cardType, table.blocks]),
) as Record<CardType, readonly string[]>;
const ALL_BLOCKS = [...new Set(Object.values(DOC_TABLE).flat())];

describe('blocks per card type', () => {
	const notAllowed = CARD_TYPES.flatMap((cardType) =>
		ALL_BLOCKS.filter((block) => !DOC_TABLE[cardType].includes(block)).map((block) => [block, cardType] as const),
	);

	it.each(notAllowed)('rejects %s on %s cards (40058)', (block, cardType) => {
		const card = mutated(cardType, 'send', (c) => (c[block] = validBlockValue(block)));
		expect(issuesOf(card, 'send')).toEqual([
			{
				path: `template_card.${block}`,
				message: `not allowed on ${cardType} cards`,
				errcode: 40058,
			},
		]);
	});

	it('rejects source.desc_color on vote and multiple cards (not in their tables)', () => {
		for (const cardType of ['vote_interaction', 'multiple_interaction'] as const) {
			const card = mutated(cardType, 'send', (c) => (c.source.desc_color = 1));
			expect(issuesOf(card, 'send')).toEqual([
				{
					path: 'template_card.source.desc_color',
					message: `not allowed on ${cardType} cards`,
					errcode: 40058,
				},
			]);
		}
	});

	it('rejects unknown top-level keys (strict)', () => {
		const card = mutated('text_notice', 'send', (c) => (c.main_titel = { title: 'typo' }));
		expect(issuesOf(card, 'send')).toEqual([
			{
				path: 'template_card.main_titel',
				message: 'unknown field (not part of the WeCom template card)',
				errcode: 40058,
			},
		]);
	});

	it('rejects unknown nested keys, one issue per key', () => {
		const card = mutated('text_notice', 'send', (c) => {
			c.jump_list[1].foo = 1;
			c.jump_list[1].bar = 2;
		});
		expect(issuesOf(card, 'send').map((i) => i.path)).toEqual([
			'template_card.jump_list[1].foo',
			'template_card.jump_list[1].bar',
		]);
	});
});

function validBlockValue(block: string): unknown {
	for (const cardType of CARD_TYPES) {
		const card = validCard(cardType, 'update');
		if (card[block] !== undefined) return card[block];
	}
	return validCard('button_interaction')[block];
}

describe('variants', () => {
	it('forbids task_id in updates', () => {
		const card = mutated('button_interaction', 'update', (c) => (c.task_id = 'task_id'));
		expect(issuesOf(card, 'update')).toEqual([
			{
				path: 'template_card.task_id',
				message: 'not allowed when updating a card: the card keeps the task_id it was sent with',
				errcode: 40058,
			},
		]);
	});

	it.each(['task_id', 'action_menu'])('forbids %s on group robot cards', (block) => {
		const card = mutated('text_notice', 'robot', (c) => (c[block] = validCard('button_interaction')[block]));
		expect(issuesOf(card, 'robot')).toEqual([
			{
				path: `template_card.${block}`,
				message: 'not allowed on group robot cards',
				errcode: 40058,
			},
		]);
	});

	it('requires main_title on group robot text_notice cards', () => {
		const card = mutated('text_notice', 'robot', (c) => delete c.main_title);
		expect(issuesOf(card, 'robot')).toEqual([
			{
				path: 'template_card.main_title',
				message: 'required on group robot cards',
				errcode: 40058,
			},
		]);
	});

	it('requires card_image on group robot news_notice cards (42044)', () => {
		const card = mutated('news_notice', 'robot', (c) => delete c.card_image);
		expect(issuesOf(card, 'robot')).toEqual([
			{
				path: 'template_card.card_image',
				message: 'required on news_notice cards sent by a group robot',
				errcode: 42044,
			},
		]);
		expect(checkTemplateCard(card, 'send').ok).toBe(true);
	});

	it('requires card_action with type 1 or 2 on group robot cards (42045)', () => {
		const missing = mutated('text_notice', 'robot', (c) => delete c.card_action);
		expect(issuesOf(missing, 'robot')[0]).toMatchObject({
			path: 'template_card.card_action',
			errcode: 42045,
		});
		const none = mutated('news_notice', 'robot', (c) => (c.card_action = { type: 0 }));
		expect(issuesOf(none, 'robot')[0]).toMatchObject({
			path: 'template_card.card_action.type',
			errcode: 42045,
		});
	});

	it('allows replace_text only in updates, and only on button, vote and multiple cards', () => {
		const sent = mutated('vote_interaction', 'send', (c) => (c.replace_text = '已提交'));
		expect(issuesOf(sent, 'send')).toEqual([
			{
				path: 'template_card.replace_text',
				message: 'only allowed when updating a card (update_template_card)',
				errcode: 40058,
			},
		]);
		const notice = mutated('text_notice', 'update', (c) => (c.replace_text = '已提交'));
		expect(issuesOf(notice, 'update')).toEqual([
			{
				path: 'template_card.replace_text',
				message: 'not allowed on text_notice cards',
				errcode: 40058,
			},
		]);
		const robot = mutated('news_notice', 'robot', (c) => (c.replace_text = '已提交'));
		expect(issuesOf(robot, 'robot')[0].message).toBe('not allowed on news_notice cards');
	});

	it.each([
		['button_interaction', 'button_selection.disable', (c: Card): void => void (c.button_selection.disable = true)],
		['vote_interaction', 'checkbox.disable', (c: Card): void => void (c.checkbox.disable = true)],
		['multiple_interaction', 'select_list[1].disable', (c: Card): void => void (c.select_list[1].disable = false)],
	] as const)('allows %s %s only in updates', (cardType, path, change) => {
		const card = mutated(cardType, 'send', change);
		expect(issuesOf(card, 'send')).toEqual([
			{
				path: `template_card.${path}`,
				message: 'only allowed when updating a card (update_template_card)',
				errcode: 40058,
			},
		]);
		const update = mutated(cardType, 'update', (c) => {
			delete c.task_id;
			change(c);
		});
		expect(checkTemplateCard(update, 'update').ok).toBe(true);
	});

	it('checks disable as a boolean in updates', () => {
		const card = mutated('vote_interaction', 'update', (c) => (c.checkbox.disable = 'yes'));
		expect(issuesOf(card, 'update')).toEqual([
			{
				path: 'template_card.checkbox.disable',
				message: 'must be true or false (got a string)',
				errcode: 40058,
			},
		]);
	});

	it('does not require a task_id in updates or on robots', () => {
		expect(checkTemplateCard(validCard('button_interaction', 'update'), 'update').ok).toBe(true);
		expect(checkTemplateCard(validCard('text_notice', 'update'), 'update').ok).toBe(true);
	});
});

describe('issue order', () => {
	it('puts field-level errcodes before generic 40058 issues', () => {
		const card = mutated('text_notice', 'send', (c) => {
			c.foo = 1;
			c.source.desc_color = 9;
			c.jump_list[0].url = undefined;
		});
		const issues = issuesOf(card, 'send');
		expect(issues.map((i) => i.errcode)).toEqual([42028, 40058, 40058]);
		expect(issues[0].path).toBe('template_card.jump_list[0].url');
	});

	it('reports a list size before the issues of its items', () => {
		const card = mutated('text_notice', 'send', (c) => {
			c.jump_list = [{ type: 1, title: 'a' }, { title: 'b' }, { title: 'c' }, { title: 'd' }];
		});
		const issues = issuesOf(card, 'send');
		expect(issues[0]).toEqual({
			path: 'template_card.jump_list',
			message: 'at most 3 jumps',
			errcode: 42042,
		});
		expect(issues[1]).toMatchObject({ path: 'template_card.jump_list[0].url', errcode: 42028 });
	});

	it('reports every issue of a card, not just the first', () => {
		const card = mutated('button_interaction', 'send', (c) => {
			c.button_list[0].key = 'BUTTONKEYTWO';
			c.button_list[2].url = 'work.weixin.qq.com';
			delete c.task_id;
		});
		expect(issuesOf(card, 'send')).toEqual([
			{
				path: 'template_card.button_list[2].url',
				message: 'must start with http:// or https://',
				errcode: 45034,
			},
			{
				path: 'template_card.button_list[1].key',
				message: 'duplicate key "BUTTONKEYTWO" (keys must be unique)',
				errcode: 42039,
			},
			{
				path: 'template_card.task_id',
				message: 'required on button_interaction cards',
				errcode: 42014,
			},
		]);
	});
});

describe('formatCardIssue', () => {
	it('is "path: message"', () => {
		expect(
			formatCardIssue({
				path: 'template_card.jump_list',
				message: 'at most 3 jumps',
				errcode: 42042,
			}),
		).toBe('template_card.jump_list: at most 3 jumps');
	});
});

describe('task_id and callbacks', () => {
	it('lists the five card types', () => {
		expect(CARD_TYPES).toEqual([
			'text_notice',
			'news_notice',
			'button_interaction',
			'vote_interaction',
			'multiple_interaction',
		]);
	});

	it.each([
		[{ card_type: 'text_notice' }, false],
		[{ card_type: 'news_notice' }, false],
		[{ card_type: 'text_notice', action_menu: { action_list: [] } }, true],
		[{ card_type: 'news_notice', action_menu: {} }, true],
		[{ card_type: 'button_interaction' }, true],
		[{ card_type: 'vote_interaction' }, true],
		[{ card_type: 'multiple_interaction' }, true],
		[{ card_type: 'markdown' }, false],
	])('cardNeedsTaskId(%p) = %p', (card, expected) => {
		expect(cardNeedsTaskId(card)).toBe(expected);
	});

	it.each([
		['n8n_123_0_a1B2', true],
		['a-b@c_d', true],
		['x'.repeat(128), true],
		['x'.repeat(129), false],
		['', false],
		['has space', false],
		['点', false],
		['a.b', false],
	])('TASK_ID_PATTERN %p -> %p', (taskId, expected) => {
		expect(TASK_ID_PATTERN.test(taskId)).toBe(expected);
	});
});
