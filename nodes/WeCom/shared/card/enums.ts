/**
 * The numbers WeCom gives meaning to inside a card, and their names for messages
 * (https://developer.work.weixin.qq.com/document/path/90236).
 */

/** What tapping a quote, jump, card or image-text area opens. */
export const LINK_TYPE = { none: 0, url: 1, miniProgram: 2 } as const;

/** Link types a notice's card_action takes: a tap on a notice must open something. */
export const NOTICE_CARD_ACTION_TYPES = [LINK_TYPE.url, LINK_TYPE.miniProgram];

/** What a key/value row's value is. */
export const HORIZONTAL_TYPE = { text: 0, url: 1, attachment: 2, member: 3 } as const;

/** What a button does: call the app back with its key, or open its URL. */
export const BUTTON_TYPE = { callback: 0, url: 1 } as const;

/** The colour of the source line's text. */
export const DESC_COLOR = { grey: 0, black: 1, red: 2, green: 3 } as const;

export const CHECKBOX_MODE = { single: 0, multiple: 1 } as const;

type Labels = Readonly<Record<number, string>>;

export const LINK_TYPE_LABELS: Labels = {
	[LINK_TYPE.none]: 'none',
	[LINK_TYPE.url]: 'URL',
	[LINK_TYPE.miniProgram]: 'mini-program',
};
export const HORIZONTAL_TYPE_LABELS: Labels = {
	[HORIZONTAL_TYPE.text]: 'text',
	[HORIZONTAL_TYPE.url]: 'URL',
	[HORIZONTAL_TYPE.attachment]: 'attachment',
	[HORIZONTAL_TYPE.member]: 'member',
};
export const BUTTON_TYPE_LABELS: Labels = {
	[BUTTON_TYPE.callback]: 'callback',
	[BUTTON_TYPE.url]: 'URL',
};
export const DESC_COLOR_LABELS: Labels = {
	[DESC_COLOR.grey]: 'grey',
	[DESC_COLOR.black]: 'black',
	[DESC_COLOR.red]: 'red',
	[DESC_COLOR.green]: 'green',
};
export const CHECKBOX_MODE_LABELS: Labels = {
	[CHECKBOX_MODE.single]: 'single choice',
	[CHECKBOX_MODE.multiple]: 'multiple choice',
};
