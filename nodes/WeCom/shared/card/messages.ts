import { CARD_TYPES, ROBOT_CARD_TYPES } from './cardTypes';
import { ASPECT_RATIO_MAX, ASPECT_RATIO_MIN, TASK_ID_MAX_LENGTH } from './limits';

/** How the card checks word each rule; WeCom's own card errcodes are explained in the same words. */
export const MSG = {
	required: 'required',
	notEmpty: 'must not be empty',
	requiredOn: (cardType: string) => `required on ${cardType} cards`,
	requiredWhenType: (type: number, labels: Readonly<Record<number, string>>) =>
		`required when type is ${type} (${labels[type]})`,
	atMost: (max: number, noun: string) => `at most ${max} ${noun}`,
	atLeast: (min: number, noun: string) => `at least ${min} ${min === 1 ? noun.replace(/s$/, '') : noun}`,
	byteLimit: (max: number) => `at most ${max} bytes in UTF-8`,
	maxBytes: (max: number, got: number) => `must be at most ${max} bytes in UTF-8 (got ${got})`,
	mustBeUnique: (noun: string) => `${noun}s must be unique`,
	duplicate: (noun: string, value: string) => `duplicate ${noun} "${value}" (${noun}s must be unique)`,
	urlScheme: 'must start with http:// or https://',
	usableMediaId:
		"a media_id uploaded within the last 3 days, by this company's Upload File (group robot: by this robot's Upload Media)",
	oneOf: (values: readonly number[], labels?: Readonly<Record<number, string>>) =>
		`must be ${listWithOr(values.map((v) => (labels?.[v] ? `${v} (${labels[v]})` : String(v))))}`,
	wrongType: (expected: string, got: string) => `must be ${expected} (got ${got})`,
	unknownField: 'unknown field (not part of the WeCom template card)',
	notAllowedOn: (cardType: string) => `not allowed on ${cardType} cards`,
	onlyInUpdates: 'only allowed when updating a card (update_template_card)',
	notInUpdates: 'not allowed when updating a card: the card keeps the task_id it was sent with',
	notOnRobot: 'not allowed on group robot cards',
	cardTypeEnum: `must be one of ${CARD_TYPES.join(', ')}`,
	robotCardType: `group robots can only send ${ROBOT_CARD_TYPES.join(' and ')} cards`,
	taskIdFormat: `must be 1 to ${TASK_ID_MAX_LENGTH} characters from A-Z, a-z, 0-9, _, - and @`,
	taskIdWithMenu: 'required when action_menu is set',
	titleOrSubtitle: 'required on text_notice cards unless sub_title_text is set',
	imageOrArea: 'required on news_notice cards unless image_text_area is set',
	robotCardImage: 'required on news_notice cards sent by a group robot',
	robotMainTitle: 'required on group robot cards',
	aspectRatio: `must be between ${ASPECT_RATIO_MIN} and ${ASPECT_RATIO_MAX}`,
	mustBeObject: 'an object',
	mustBeList: 'a list',
} as const;

function listWithOr(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
