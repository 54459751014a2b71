/**
 * One failing case per card rule (cardRuleCases.ts): a valid card with one change
 * must be rejected with exactly one issue, at the exact path, with the rule in the message and
 * WeCom's errcode. Boundary values next to a limit must pass.
 */
import { checkTemplateCard } from '../../nodes/WeCom/shared/card';
import { ascii, mutated } from './cardFixtures';
import { horizontalItems, jumpLinks, RULE_CASES, type RuleCase } from './cardRuleCases';

function expectSingleIssue({ cardType, variant, change, path, message, errcode }: RuleCase) {
	const result = checkTemplateCard(mutated(cardType, variant, change), variant);
	if (result.ok) throw new Error('expected the card to be rejected');
	expect(result.issues).toHaveLength(1);
	expect(result.issues[0].path).toBe(path);
	expect(result.issues[0].message).toContain(message);
	expect(result.issues[0].errcode).toBe(errcode);
}

/** Values at a limit, which must pass, by the group they sit next to. */
const BOUNDARIES: Record<string, () => void> = {
	'vote_interaction (checkbox)': () => {
		it('accepts exactly 20 options', () => {
			const card = mutated('vote_interaction', 'send', (c) => {
				c.checkbox.option_list = Array.from({ length: 20 }, (_, i) => ({
					id: `o${i}`,
					text: `${i}`,
					is_checked: false,
				}));
			});
			expect(checkTemplateCard(card, 'send').ok).toBe(true);
		});
	},
	task_id: () => {
		it('accepts a 128-character task_id', () => {
			const card = mutated('button_interaction', 'send', (c) => (c.task_id = `${ascii(126, 'A')}@-`));
			expect(checkTemplateCard(card, 'send').ok).toBe(true);
		});
	},
	horizontal_content_list: () => {
		it('accepts exactly 6 items', () => {
			const card = mutated('text_notice', 'send', (c) => (c.horizontal_content_list = horizontalItems(6)));
			expect(checkTemplateCard(card, 'send').ok).toBe(true);
		});
	},
	jump_list: () => {
		it('accepts exactly 3 jumps, pagepath optional', () => {
			const card = mutated('text_notice', 'send', (c) => {
				c.jump_list = [...jumpLinks(2), { type: 2, title: 'mini', appid: 'wx1' }];
			});
			expect(checkTemplateCard(card, 'send').ok).toBe(true);
		});
	},
	card_action: () => {
		it('is optional on button cards, and may do nothing there', () => {
			expect(
				checkTemplateCard(
					mutated('button_interaction', 'send', (c) => delete c.card_action),
					'send',
				).ok,
			).toBe(true);
			expect(
				checkTemplateCard(
					mutated('button_interaction', 'send', (c) => (c.card_action = { type: 0 })),
					'send',
				).ok,
			).toBe(true);
			expect(
				checkTemplateCard(
					mutated('button_interaction', 'send', (c) => (c.card_action = {})),
					'send',
				).ok,
			).toBe(true);
		});
	},
};

const groups = [...new Set(RULE_CASES.map((ruleCase) => ruleCase.group))];

for (const group of groups) {
	describe(group, () => {
		it.each(RULE_CASES.filter((ruleCase) => ruleCase.group === group))('$rule', expectSingleIssue);
		BOUNDARIES[group]?.();
	});
}

it('places every boundary check next to a group of rule cases', () => {
	expect(Object.keys(BOUNDARIES).filter((group) => !groups.includes(group))).toEqual([]);
});
