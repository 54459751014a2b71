/** WeCom's limits inside a template card (https://developer.work.weixin.qq.com/document/path/90236). */

/** task_id: digits, ASCII letters and `_ - @`; ASCII only, so characters are bytes. */
export const TASK_ID_MAX_LENGTH = 128;
/** The characters a task_id may hold, as a regular-expression character class body. */
export const TASK_ID_CHARACTERS = 'A-Za-z0-9_@-';
export const TASK_ID_PATTERN = new RegExp(`^[${TASK_ID_CHARACTERS}]{1,${TASK_ID_MAX_LENGTH}}$`);

/** Button, menu, submit and question keys. */
export const KEY_MAX_BYTES = 1024;
export const OPTION_ID_MAX_BYTES = 128;
export const URL_MAX_BYTES = 1024;
export const ASPECT_RATIO_MIN = 1.3;
export const ASPECT_RATIO_MAX = 2.25;

/** How many items each list of a card takes at most. */
export const CARD_LIST_MAX = {
	menuActions: 3,
	horizontalContent: 6,
	jumps: 3,
	verticalContent: 4,
	buttons: 6,
	checkboxOptions: 20,
	dropdownOptions: 10,
	dropdowns: 3,
} as const;
