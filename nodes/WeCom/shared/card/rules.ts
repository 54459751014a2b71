import { CARD_TYPES } from './cardTypes';

/**
 * Errcodes and rule texts of the card checks. WeCom's own errcode is used wherever its
 * "全局错误码" page names the field; everything else is 40058 ("invalid parameter").
 */
export const ERR = {
	generic: 40058,
	urlTooLong: 40039,
	urlScheme: 45034,
	/** 卡片消息的task_id不合法: not in errorCodes.ts yet. */
	taskId: 42014,
	horizontalKeyname: 42027,
	url: 42028,
	mediaId: 42029,
	appid: 42030,
	cardType: 42031,
	title: 42033,
	horizontalCount: 42035,
	verticalCount: 42036,
	optionCount: 42037,
	buttonText: 42038,
	buttonKey: 42039,
	optionId: 42040,
	optionText: 42041,
	jumpCount: 42042,
	questionKey: 42043,
	cardImageUrl: 42044,
	cardAction: 42045,
	submitKey: 42046,
	selectListCount: 42047,
	submitText: 42049,
	userid: 42050,
	menuKeyConflict: 42051,
} as const;

export const KEY_MAX_BYTES = 1024;
export const OPTION_ID_MAX_BYTES = 128;
export const URL_MAX_BYTES = 1024;
export const ASPECT_RATIO_MIN = 1.3;
export const ASPECT_RATIO_MAX = 2.25;

/** What the `type` numbers of links and horizontal items mean, for messages. */
export const LINK_TYPE_LABELS: Readonly<Record<number, string>> = {
	0: 'none',
	1: 'URL',
	2: 'mini-program',
};
export const HORIZONTAL_TYPE_LABELS: Readonly<Record<number, string>> = {
	0: 'text',
	1: 'URL',
	2: 'attachment',
	3: 'member',
};
export const BUTTON_TYPE_LABELS: Readonly<Record<number, string>> = {
	0: 'callback',
	1: 'URL',
};

export const MSG = {
	required: 'required',
	notEmpty: 'must not be empty',
	requiredOn: (cardType: string) => `required on ${cardType} cards`,
	requiredWhenType: (type: number, labels: Readonly<Record<number, string>>) =>
		`required when type is ${type} (${labels[type]})`,
	atMost: (max: number, noun: string) => `at most ${max} ${noun}`,
	atLeast: (min: number, noun: string) =>
		`at least ${min} ${min === 1 ? noun.replace(/s$/, '') : noun}`,
	byteLimit: (max: number) => `at most ${max} bytes in UTF-8`,
	maxBytes: (max: number, got: number) => `must be at most ${max} bytes in UTF-8 (got ${got})`,
	mustBeUnique: (noun: string) => `${noun}s must be unique`,
	duplicate: (noun: string, value: string) =>
		`duplicate ${noun} "${value}" (${noun}s must be unique)`,
	urlScheme: 'must start with http:// or https://',
	oneOf: (values: readonly number[], labels?: Readonly<Record<number, string>>) =>
		`must be ${listWithOr(values.map((v) => (labels?.[v] ? `${v} (${labels[v]})` : String(v))))}`,
	wrongType: (expected: string, got: string) => `must be ${expected} (got ${got})`,
	unknownField: 'unknown field (not part of the WeCom template card)',
	notAllowedOn: (cardType: string) => `not allowed on ${cardType} cards`,
	onlyInUpdates: 'only allowed when updating a card (update_template_card)',
	notInUpdates: 'not allowed when updating a card: the card keeps the task_id it was sent with',
	notOnRobot: 'not allowed on group robot cards',
	cardTypeEnum: `must be one of ${CARD_TYPES.join(', ')}`,
	robotCardType: 'group robots can only send text_notice and news_notice cards',
	taskIdFormat: 'must be 1 to 128 characters from A-Z, a-z, 0-9, _, - and @',
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
