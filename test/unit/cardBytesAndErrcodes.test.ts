import { ERRCODE, WECOM_ERRCODES } from '../../nodes/WeCom/shared/errorCodes';
import {
	checkTemplateCard,
	fieldMessageForErrcode,
	utf8ByteLength,
	type CardType,
	type CardVariant,
} from '../../nodes/WeCom/shared/card';
import { ascii, chinese, mutated, type Card } from './cardFixtures';

function issuesOf(card: Card, variant: CardVariant = 'send') {
	const result = checkTemplateCard(card, variant);
	return result.ok ? [] : result.issues;
}

describe('utf8ByteLength', () => {
	it.each(['', 'abc', '中文', 'é', '😀', 'a😀中é', '\ud800', 'x\udc00y', ascii(1024), chinese(342)])(
		'matches Buffer.byteLength for %p',
		(value) => {
			expect(utf8ByteLength(value)).toBe(Buffer.byteLength(value, 'utf8'));
		},
	);

	it('counts a Chinese character as 3 bytes', () => {
		expect(utf8ByteLength(chinese(342))).toBe(1026);
		expect(chinese(342)).toHaveLength(342);
	});
});

describe('UTF-8 byte limits', () => {
	const withButtonKey = (key: string) => mutated('button_interaction', 'send', (c) => (c.button_list[0].key = key));

	it('accepts a 1024-byte ASCII key', () => {
		expect(issuesOf(withButtonKey(ascii(1024)))).toEqual([]);
	});

	it('accepts 341 Chinese characters (1023 bytes)', () => {
		expect(issuesOf(withButtonKey(chinese(341)))).toEqual([]);
	});

	it('rejects 342 Chinese characters: 342 chars but 1026 bytes', () => {
		expect(issuesOf(withButtonKey(chinese(342)))).toEqual([
			{
				path: 'template_card.button_list[0].key',
				message: 'must be at most 1024 bytes in UTF-8 (got 1026)',
				errcode: 42039,
			},
		]);
	});

	it('counts emoji as 4 bytes: 256 emoji = 1024 bytes pass, 257 fail', () => {
		expect(issuesOf(withButtonKey('😀'.repeat(256)))).toEqual([]);
		expect(issuesOf(withButtonKey('😀'.repeat(257)))[0].message).toContain('(got 1028)');
	});

	it('limits option ids to 128 bytes: 42 Chinese characters pass, 43 fail', () => {
		const withId = (id: string) => mutated('vote_interaction', 'send', (c) => (c.checkbox.option_list[0].id = id));
		expect(issuesOf(withId(chinese(42)))).toEqual([]);
		expect(issuesOf(withId(ascii(128)))).toEqual([]);
		expect(issuesOf(withId(chinese(43)))).toEqual([
			{
				path: 'template_card.checkbox.option_list[0].id',
				message: 'must be at most 128 bytes in UTF-8 (got 129)',
				errcode: 42040,
			},
		]);
	});
});

/** Every URL field, as [card type, path, setter]. */
const URL_FIELDS: Array<[CardType, string, (c: Card, url: string) => void]> = [
	['text_notice', 'source.icon_url', (c, u) => (c.source.icon_url = u)],
	['text_notice', 'quote_area.url', (c, u) => (c.quote_area.url = u)],
	['text_notice', 'horizontal_content_list[1].url', (c, u) => (c.horizontal_content_list[1].url = u)],
	['text_notice', 'jump_list[0].url', (c, u) => (c.jump_list[0].url = u)],
	['text_notice', 'card_action.url', (c, u) => (c.card_action.url = u)],
	['news_notice', 'image_text_area.url', (c, u) => (c.image_text_area.url = u)],
	['news_notice', 'image_text_area.image_url', (c, u) => (c.image_text_area.image_url = u)],
	['news_notice', 'card_image.url', (c, u) => (c.card_image.url = u)],
	['button_interaction', 'button_list[2].url', (c, u) => (c.button_list[2].url = u)],
	['button_interaction', 'card_action.url', (c, u) => (c.card_action.url = u)],
];

describe('URL fields', () => {
	it.each(URL_FIELDS)('%s %s must start with http:// or https:// (45034)', (cardType, path, set) => {
		for (const bad of ['www.example.com', 'ftp://example.com/x', 'javascript:alert(1)', ' https://example.com']) {
			expect(issuesOf(mutated(cardType, 'send', (c) => set(c, bad)))).toEqual([
				{
					path: `template_card.${path}`,
					message: 'must start with http:// or https://',
					errcode: 45034,
				},
			]);
		}
		for (const good of ['http://example.com', 'https://example.com/a?b=c#d', 'HTTPS://EXAMPLE.COM']) {
			expect(issuesOf(mutated(cardType, 'send', (c) => set(c, good)))).toEqual([]);
		}
	});

	it.each(URL_FIELDS)('%s %s must be at most 1024 bytes (40039)', (cardType, path, set) => {
		const base = 'https://example.com/';
		expect(issuesOf(mutated(cardType, 'send', (c) => set(c, base + ascii(1024 - base.length))))).toEqual([]);
		expect(issuesOf(mutated(cardType, 'send', (c) => set(c, base + ascii(1025 - base.length))))).toEqual([
			{
				path: `template_card.${path}`,
				message: 'must be at most 1024 bytes in UTF-8 (got 1025)',
				errcode: 40039,
			},
		]);
		// 20 + 3 * 335 = 1025 bytes in only 355 characters.
		expect(issuesOf(mutated(cardType, 'send', (c) => set(c, base + chinese(335))))[0]).toMatchObject({
			errcode: 40039,
			message: expect.stringContaining('(got 1025)'),
		});
	});

	it('reports both the scheme and the length of one URL, scheme first', () => {
		const card = mutated('text_notice', 'send', (c) => (c.card_action.url = `www.${ascii(1100)}`));
		expect(issuesOf(card).map((i) => i.errcode)).toEqual([45034, 40039]);
	});
});

describe('fieldMessageForErrcode', () => {
	// 40007 (不合法的media_id) is documented for template_card too: the attachment row's media_id.
	const mapped = [
		40007, 42014, 42027, 42028, 42029, 42030, 42031, 42033, 42035, 42036, 42037, 42038, 42039, 42040, 42041, 42042,
		42043, 42044, 42045, 42046, 42047, 42049, 42050, 42051,
	];

	/** Every errcode the package knows or names; the card rules report only named ones. */
	const known = [...new Set([...Object.keys(WECOM_ERRCODES).map(Number), ...Object.values(ERRCODE)])];
	const withFieldMessage = known.filter((errcode) => fieldMessageForErrcode(errcode) !== undefined);

	it('covers every template-card errcode WeCom documents', () => {
		expect([...withFieldMessage].sort((a, b) => a - b)).toEqual(mapped);
	});

	it.each(mapped)('%i names the field(s) and the rule', (errcode) => {
		const text = fieldMessageForErrcode(errcode);
		expect(text).toMatch(/^template_card\.[a-z_]+/);
		expect(text).toMatch(/: \S/);
	});

	it.each([
		[42042, 'template_card.jump_list: at most 3 jumps'],
		[42035, 'template_card.horizontal_content_list: at most 6 items'],
		[42036, 'template_card.vertical_content_list: at most 4 items'],
		[42027, 'template_card.horizontal_content_list[].keyname: required'],
		[42029, 'template_card.horizontal_content_list[].media_id: required when type is 2 (attachment)'],
		[42050, 'template_card.horizontal_content_list[].userid: required when type is 3 (member)'],
		[42038, 'template_card.button_list[].text: required'],
		[42049, 'template_card.submit_button.text: required'],
		[42046, 'template_card.submit_button.key: required; at most 1024 bytes in UTF-8'],
		[42047, 'template_card.select_list: at least 1 dropdown; at most 3 dropdowns'],
		[42051, 'template_card.action_menu.action_list[].key: keys must be unique'],
		[
			42044,
			'template_card.card_image.url: required | template_card.card_image: required on news_notice cards unless image_text_area is set',
		],
	])('%i -> %p', (errcode, expected) => {
		expect(fieldMessageForErrcode(errcode)).toBe(expected);
	});

	it.each([
		[42028, 'template_card.card_action.url', 'required when type is 1 (URL)'],
		[42030, 'template_card.jump_list[].appid', 'required when type is 2 (mini-program)'],
		[
			42031,
			'template_card.card_type',
			'must be one of text_notice, news_notice, button_interaction, vote_interaction, multiple_interaction',
		],
		[42033, 'template_card.vertical_content_list[].title', 'required'],
		[42037, 'template_card.checkbox.option_list', 'at most 20 options'],
		[42037, 'template_card.select_list[].option_list', 'at most 10 options'],
		[
			42039,
			'template_card.button_list[].key',
			'required when type is 0 (callback); at most 1024 bytes in UTF-8; keys must be unique',
		],
		[42040, 'template_card.checkbox.option_list[].id', 'at most 128 bytes in UTF-8'],
		[42041, 'template_card.select_list[].option_list[].text', 'required'],
		[42043, 'template_card.select_list[].question_key', 'question_keys must be unique'],
		[42045, 'template_card.card_action', 'type must be 1 (URL) or 2 (mini-program)'],
		[42014, 'template_card.task_id', 'must be 1 to 128 characters from A-Z, a-z, 0-9, _, - and @'],
		[40007, 'template_card.horizontal_content_list[].media_id', 'within the last 3 days'],
	])('%i mentions %s and "%s"', (errcode, field, rule) => {
		const text = fieldMessageForErrcode(errcode) ?? '';
		expect(text).toContain(field);
		expect(text).toContain(rule);
	});

	it('uses the same rule text as the schema', () => {
		const cases: Array<[number, Card]> = [
			[42042, mutated('text_notice', 'send', (c) => c.jump_list.push({ title: 'a' }, { title: 'b' }))],
			[42029, mutated('text_notice', 'send', (c) => delete c.horizontal_content_list[2].media_id)],
			[42028, mutated('text_notice', 'send', (c) => delete c.card_action.url)],
			[42049, mutated('vote_interaction', 'send', (c) => delete c.submit_button.text)],
		];
		for (const [errcode, card] of cases) {
			const [issue] = issuesOf(card);
			expect(issue.errcode).toBe(errcode);
			expect(fieldMessageForErrcode(errcode)).toContain(`: ${issue.message}`);
		}
	});

	it.each([0, 40058, 45034, 42032, 42034, 42048, 42052, 60140])('%i has no field message', (errcode) => {
		expect(fieldMessageForErrcode(errcode)).toBeUndefined();
	});

	it('every errcode it maps is in the errcode table', () => {
		for (const errcode of withFieldMessage) {
			expect(WECOM_ERRCODES[errcode]).toBeDefined();
		}
	});
});
