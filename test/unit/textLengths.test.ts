/**
 * How the node counts a text against WeCom's recommended lengths (建议不超过N个字): in
 * characters as read on the card, not UTF-16 units or UTF-8 bytes; and which table applies.
 */
import { displayLength, longTexts } from '../../nodes/WeCom/shared/card';

const textNotice = (title: string) => ({
	card_type: 'text_notice',
	main_title: { title },
	card_action: { type: 1, url: 'https://example.com' },
});

describe('displayLength', () => {
	it.each([
		['Deploy', 6],
		['企业微信', 4],
		['👍', 1],
		['👍🏽', 1],
		['🇨🇳', 1],
		['e\u0301', 1],
		['', 0],
	])('%j is %i characters', (text, length) => {
		expect(displayLength(text)).toBe(length);
	});
});

describe('longTexts', () => {
	it('counts an emoji as one character, though it is two UTF-16 units and four UTF-8 bytes', () => {
		expect(longTexts(textNotice('👍'.repeat(36)), 'send')).toEqual([]);
		expect(longTexts(textNotice('👍'.repeat(37)), 'send')).toEqual([
			{ path: 'template_card.main_title.title', field: 'main_title.title', length: 37, recommended: 36 },
		]);
	});

	it('uses the group robot numbers for robot cards and the app numbers for updates', () => {
		const title = '字'.repeat(27);
		expect(longTexts(textNotice(title), 'robot').map((text) => text.recommended)).toEqual([26]);
		expect(longTexts(textNotice(title), 'update')).toEqual([]);
	});

	it('gives every element of a list the same field, so hints can be counted per field', () => {
		const card = {
			...textNotice('Deploy'),
			jump_list: [{ title: '字'.repeat(19) }, { title: 'short' }, { title: '字'.repeat(20) }],
		};
		expect(longTexts(card, 'send')).toEqual([
			{ path: 'template_card.jump_list[0].title', field: 'jump_list[].title', length: 19, recommended: 18 },
			{ path: 'template_card.jump_list[2].title', field: 'jump_list[].title', length: 20, recommended: 18 },
		]);
	});
});
