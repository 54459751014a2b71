/**
 * The card's depth and size bounds, checked before its rules: where they start, and that a
 * huge card is refused in about the time it takes to look at its list's length.
 */
import { checkTemplateCard } from '../../nodes/WeCom/shared/card';

const card = (extra: Record<string, unknown>) => ({
	card_type: 'button_interaction',
	task_id: 'bounds',
	main_title: { title: 'Approve?' },
	button_list: [{ text: 'OK', key: 'ok' }],
	...extra,
});

/** `levels` objects and lists around one string, e.g. 2 → [["x"]]. */
function nestedLevels(levels: number): unknown {
	let value: unknown = 'x';
	for (let level = 0; level < levels; level++) value = [value];
	return value;
}

const firstIssue = (value: unknown) => {
	const result = checkTemplateCard(value, 'send');
	return result.ok ? undefined : `${result.issues[0].path}: ${result.issues[0].message}`;
};

describe('card bounds', () => {
	it('lets a card nest 10 levels (its own object included) and refuses the 11th by its path', () => {
		// template_card > main_title > title: 2 levels, then 8 lists = 10; its rules still apply.
		expect(firstIssue(card({ main_title: { title: nestedLevels(8) } }))).toBe(
			'template_card.main_title.title: must be a string (got a list)',
		);
		expect(firstIssue(card({ main_title: { title: nestedLevels(9) } }))).toBe(
			'template_card.main_title.title[0][0][0][0][0][0][0][0]: nested more than 10 levels deep (the deepest field of a template card is 5 levels down)',
		);
	});

	it('refuses a 200,000-item list by its length, without checking the items (the old code took seconds)', () => {
		const buttons = Array.from({ length: 200_000 }, (_, n) => ({ text: 'b', key: `k${n}` }));
		checkTemplateCard(card({}), 'send');

		const started = Date.now();
		const issue = firstIssue(card({ button_list: buttons }));
		const ms = Date.now() - started;

		expect(issue).toBe(
			'template_card.button_list: a list of 200,000 items makes the card larger than 65,536 bytes as JSON',
		);
		expect(ms).toBeLessThan(500);
	});

	it('refuses a card over 64 KiB in UTF-8 bytes, counting a Chinese character as 3', () => {
		// 21,900 characters: 65,700 bytes in UTF-8, but only 21,900 JS string units.
		expect(firstIssue(card({ main_title: { title: '长'.repeat(21_900) } }))).toBe(
			'template_card: the card is larger than 65,536 bytes as JSON',
		);
		expect(firstIssue(card({ main_title: { title: '长'.repeat(21_500) } }))).toBeUndefined();
	});
});
