import { isCardType, ROBOT_CARD_TYPES, type CardVariant } from './cardTypes';
import { describeValue } from './fields';
import { toCardIssues, type CardIssue } from './issues';
import { ERR, MSG } from './rules';
import { templateCardSchema, type TemplateCard } from './schema';

export type CardCheckResult = { ok: true; card: TemplateCard } | { ok: false; issues: CardIssue[] };

function fail(path: string, message: string, errcode: number): CardCheckResult {
	return { ok: false, issues: [{ path, message, errcode }] };
}

/**
 * Checks a template card against WeCom's rules for where it is going. On success `card` is
 * the card to send: the same fields and values, nothing added. On failure the issues say what
 * to fix, the most specific first, each with the errcode WeCom would answer.
 */
export function checkTemplateCard(card: unknown, variant: CardVariant): CardCheckResult {
	if (typeof card !== 'object' || card === null || Array.isArray(card)) {
		const message =
			card === undefined ? MSG.required : MSG.wrongType(MSG.mustBeObject, describeValue(card));
		return fail('template_card', message, ERR.generic);
	}
	// Without a valid card_type there is no way to tell which blocks belong: stop here.
	const cardType: unknown = (card as Record<string, unknown>).card_type;
	if (cardType === undefined) return fail('template_card.card_type', MSG.required, ERR.cardType);
	if (!isCardType(cardType)) {
		const got = typeof cardType === 'string' ? `"${cardType}"` : describeValue(cardType);
		return fail('template_card.card_type', `${MSG.cardTypeEnum} (got ${got})`, ERR.cardType);
	}
	if (variant === 'robot' && !ROBOT_CARD_TYPES.includes(cardType)) {
		return fail('template_card.card_type', MSG.robotCardType, ERR.cardType);
	}

	const result = templateCardSchema(cardType, variant).safeParse(card);
	if (result.success) return { ok: true, card: result.data };
	return { ok: false, issues: toCardIssues(result.error.issues) };
}
