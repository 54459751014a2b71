/**
 * The bad-input corpus: invalid cards, each a valid card with exactly one rule broken.
 *
 * It starts from the rule cases of the unit tests (test/unit/cardRuleCases.ts) and applies each
 * case's change to every other card type and variant too: wherever the change still breaks that
 * one rule alone (one issue, same path, same errcode), the result is another bad card.
 */
import { checkTemplateCard, type CardIssue, type CardType, type CardVariant } from '../../nodes/WeCom/shared/card';
import { generateTaskId } from '../../nodes/WeCom/TemplateCard/helpers/taskId';
import { mutated, VARIANTS_BY_TYPE, type Card } from '../unit/cardFixtures';
import { RULE_CASES, type RuleCase } from '../unit/cardRuleCases';

export interface BadCard {
	/** `<group>: <rule>`, plus ` (on <type>/<variant>)` when derived from another combination. */
	name: string;
	/** The rule case it was made from. */
	origin: RuleCase;
	/** False for the rule case itself, true when applied to another card type or variant. */
	derived: boolean;
	cardType: CardType;
	variant: CardVariant;
	card: Card;
	/** The one issue: its field path, message and errcode. */
	path: string;
	message: string;
	errcode: number;
}

/** Every card type with every variant it can be checked for. */
export const CARD_COMBINATIONS = Object.entries(VARIANTS_BY_TYPE).flatMap(([cardType, variants]) =>
	variants.map((variant) => ({ cardType: cardType as CardType, variant })),
);

/** The single issue of `card`, or undefined if it has none or several. */
export function singleIssue(card: unknown, variant: CardVariant): CardIssue | undefined {
	const result = checkTemplateCard(card, variant);
	return !result.ok && result.issues.length === 1 ? result.issues[0] : undefined;
}

function tryMutated(origin: RuleCase, cardType: CardType, variant: CardVariant): Card | undefined {
	try {
		return mutated(cardType, variant, origin.change);
	} catch {
		return undefined; // the change needs a block this card does not have
	}
}

function badCardOf(origin: RuleCase, cardType: CardType, variant: CardVariant): BadCard | undefined {
	const card = tryMutated(origin, cardType, variant);
	const issue = card && singleIssue(card, variant);
	if (!card || !issue || issue.path !== origin.path || issue.errcode !== origin.errcode) return undefined;
	const derived = cardType !== origin.cardType || variant !== origin.variant;
	return {
		name: `${origin.group}: ${origin.rule}${derived ? ` (on ${cardType}/${variant})` : ''}`,
		origin,
		derived,
		cardType,
		variant,
		card,
		path: issue.path,
		message: issue.message,
		errcode: issue.errcode,
	};
}

/** Every rule case, then its variations on the other card types and variants, without duplicates. */
export function buildBadCards(cases: RuleCase[] = RULE_CASES): BadCard[] {
	const seen = new Set<string>();
	const corpus: BadCard[] = [];
	const add = (badCard: BadCard | undefined) => {
		const key = badCard && `${badCard.variant} ${JSON.stringify(badCard.card)}`;
		if (!badCard || !key || seen.has(key)) return;
		seen.add(key);
		corpus.push(badCard);
	};
	for (const origin of cases) {
		const own = badCardOf(origin, origin.cardType, origin.variant);
		if (!own) throw new Error(`rule case "${origin.group}: ${origin.rule}" does not break exactly its rule`);
		add(own);
	}
	for (const origin of cases) {
		for (const { cardType, variant } of CARD_COMBINATIONS) add(badCardOf(origin, cardType, variant));
	}
	return corpus;
}

/** What the send operation checks: the card with the task_id it generates when there is none. */
export function asSentByNode(card: Card): Card {
	return card.task_id === undefined ? { ...card, task_id: generateTaskId('bad-cards', 0) } : card;
}

/**
 * Whether the node rejects the card with the same issue. A send card that only lacks its task_id
 * is not: the node generates one.
 */
export function nodeRejects(badCard: BadCard): boolean {
	if (badCard.variant !== 'send') return true;
	const issue = singleIssue(asSentByNode(badCard.card), 'send');
	return issue?.path === badCard.path && issue.message === badCard.message;
}
