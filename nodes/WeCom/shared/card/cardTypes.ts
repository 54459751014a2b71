export type CardType =
	| 'text_notice'
	| 'news_notice'
	| 'button_interaction'
	| 'vote_interaction'
	| 'multiple_interaction';

export const CARD_TYPES: readonly CardType[] = [
	'text_notice',
	'news_notice',
	'button_interaction',
	'vote_interaction',
	'multiple_interaction',
];

/**
 * Where the card goes:
 * - `send`: app `message/send`, all five types;
 * - `update`: the `template_card` of `message/update_template_card` (replace the whole card);
 * - `robot`: group robot `webhook/send`, notices only.
 */
export type CardVariant = 'send' | 'update' | 'robot';

export const ROBOT_CARD_TYPES: readonly CardType[] = ['text_notice', 'news_notice'];

/** Digits, ASCII letters and `_ - @`; ASCII only, so 128 characters are 128 bytes. */
export const TASK_ID_PATTERN = /^[A-Za-z0-9_@-]{1,128}$/;

export function isCardType(value: unknown): value is CardType {
	return typeof value === 'string' && (CARD_TYPES as readonly string[]).includes(value);
}

export function isNoticeType(cardType: string): boolean {
	return cardType === 'text_notice' || cardType === 'news_notice';
}

/** Cards a user can act on: WeCom calls the app back, so they need a task_id. */
export function cardNeedsTaskId(card: { card_type: string; action_menu?: unknown }): boolean {
	if (isNoticeType(card.card_type)) return card.action_menu !== undefined;
	return isCardType(card.card_type);
}

/** The same cards get a `response_code` from `message/send` and can be updated later. */
export function cardCallsBack(card: { card_type: string; action_menu?: unknown }): boolean {
	return cardNeedsTaskId(card);
}
