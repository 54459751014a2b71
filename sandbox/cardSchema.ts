import { cardNeedsTaskId, checkTemplateCard } from '../nodes/WeCom/shared/card';
import type { CardVariant } from '../nodes/WeCom/shared/card';
import { reject } from './errmsg';

/** A card the shared schema accepted. */
export interface AcceptedCard {
	/** The card exactly as the caller sent it (what the sandbox records). */
	card: { card_type: string; task_id?: unknown } & Record<string, unknown>;
	/** Callback-capable (the cards that need a task_id): gets a response_code and needs an app callback URL. */
	callsBack: boolean;
}

/**
 * Card rules live only in the shared schema: the sandbox answers the errcode of its first issue,
 * so the sandbox and the node can never disagree about what WeCom accepts. Whether that is what
 * WeCom documents is checked against a fixture transcribed from its pages (test/conformance).
 */
export function acceptCard(card: unknown, variant: CardVariant): AcceptedCard {
	const result = checkTemplateCard(card, variant);
	if (!result.ok) reject(result.issues[0]?.errcode ?? 40058);
	return { card: card as AcceptedCard['card'], callsBack: cardNeedsTaskId(result.card) };
}
