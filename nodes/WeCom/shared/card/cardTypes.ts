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

/** Cards that show something; a tap on them opens a link (card_action type 1 or 2). */
export const NOTICE_CARD_TYPES: readonly CardType[] = ['text_notice', 'news_notice'];

/**
 * Where the card goes:
 * - `send`: app `message/send`, all five types;
 * - `update`: the `template_card` of `message/update_template_card` (replace the whole card);
 * - `robot`: group robot `webhook/send`, notices only.
 */
export type CardVariant = 'send' | 'update' | 'robot';

export const ROBOT_CARD_TYPES = NOTICE_CARD_TYPES;

export function isCardType(value: unknown): value is CardType {
	return typeof value === 'string' && (CARD_TYPES as readonly string[]).includes(value);
}

export function isNoticeType(cardType: string): boolean {
	return (NOTICE_CARD_TYPES as readonly string[]).includes(cardType);
}

/**
 * Cards a user can act on: WeCom calls the app back, so they need a task_id, and
 * `message/send` answers a `response_code` to update them with.
 */
export function cardNeedsTaskId(card: { card_type: string; action_menu?: unknown }): boolean {
	if (isNoticeType(card.card_type)) return card.action_menu !== undefined;
	return isCardType(card.card_type);
}
