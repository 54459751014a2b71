/**
 * Sizes, lengths, enums and uniqueness rules of template cards, transcribed by hand from
 * WeCom's tables. Paths are relative to template_card; `[0]` is the first element. `errcode`
 * is what the 全局错误码 page names for the violation, null where no page names one.
 */
import type { DocEntry } from './docBlocks';
import { DOC, type CardType, type Variant } from './docPages';

interface Located extends DocEntry {
	cardType: CardType;
	variant: Variant;
	path: string;
}

/** A list: `min` to `max` elements (min 0: 该字段可为空数组). `item(i)` is a valid element. */
export interface ListSize extends Located {
	min: number;
	max: number;
	item: (index: number) => unknown;
	errcode: number | null;
}

const option = (i: number) => ({ id: `option_${i}`, text: `选项${i}` });

export const LIST_SIZES: readonly ListSize[] = [
	{ cardType: 'text_notice', variant: 'send', path: 'action_menu.action_list', min: 1, max: 3, item: (i) => ({ text: `操作${i}`, key: `key_${i}` }), errcode: null, doc: DOC.send, note: '列表长度取值范围为 [1, 3]. The passive-reply page says [1, 10]; the send and update pages say [1, 3].' },
	{ cardType: 'text_notice', variant: 'send', path: 'horizontal_content_list', min: 0, max: 6, item: (i) => ({ keyname: `键${i}`, value: `值${i}` }), errcode: 42035, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'jump_list', min: 0, max: 3, item: (i) => ({ title: `跳转${i}` }), errcode: 42042, doc: DOC.send },
	{ cardType: 'news_notice', variant: 'send', path: 'vertical_content_list', min: 0, max: 4, item: (i) => ({ title: `标题${i}` }), errcode: 42036, doc: DOC.send },
	{ cardType: 'news_notice', variant: 'robot', path: 'vertical_content_list', min: 0, max: 4, item: (i) => ({ title: `标题${i}` }), errcode: 42036, doc: DOC.robot, note: 'The robot page names no errcodes; 42036 is the app one.' },
	{ cardType: 'news_notice', variant: 'robot', path: 'horizontal_content_list', min: 0, max: 6, item: (i) => ({ keyname: `键${i}` }), errcode: 42035, doc: DOC.robot, note: 'As above.' },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_selection.option_list', min: 1, max: 10, item: option, errcode: 42037, doc: DOC.send, note: '下拉选项不超过 10 个，最少1个. The example\'s selected_id then names no option: 错填默认第一个.' },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_list', min: 1, max: 6, item: (i) => ({ text: `按钮${i}`, key: `button_${i}` }), errcode: null, doc: DOC.send, note: '"列表长度不超过6" and 是 (required); no minimum is written: an empty list is read as missing.' },
	{ cardType: 'vote_interaction', variant: 'send', path: 'checkbox.option_list', min: 1, max: 20, item: (i) => ({ ...option(i), is_checked: false }), errcode: 42037, doc: DOC.send },
	{ cardType: 'vote_interaction', variant: 'update', path: 'checkbox.option_list', min: 1, max: 20, item: (i) => ({ ...option(i), is_checked: i === 0 }), errcode: 42037, doc: DOC.update, note: 'The passive-reply page says only "不超过 20 个" (no minimum).' },
	{ cardType: 'multiple_interaction', variant: 'send', path: 'select_list', min: 1, max: 3, item: (i) => ({ question_key: `question_${i}`, option_list: [option(0)] }), errcode: 42047, doc: DOC.send, note: '"不可为空，一个消息最多支持 3 个选择器".' },
	{ cardType: 'multiple_interaction', variant: 'send', path: 'select_list[0].option_list', min: 1, max: 10, item: option, errcode: 42037, doc: DOC.send },
];

/** A hard limit in UTF-8 bytes (最长支持N字节). `ascii`: the field allows ASCII only. */
export interface ByteLimit extends Located {
	maxBytes: number;
	errcode: number | null;
	ascii?: boolean;
}

const URL_LIMIT = '40039: 不合法的url长度, "url长度限制1024个字节" (全局错误码); the card tables give no URL length.';

export const BYTE_LIMITS: readonly ByteLimit[] = [
	{ cardType: 'text_notice', variant: 'send', path: 'action_menu.action_list[0].key', maxBytes: 1024, errcode: null, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'task_id', maxBytes: 128, ascii: true, errcode: 42014, doc: DOC.send, note: '"只能由数字、字母和“_-@”组成，最长128字节".' },
	{ cardType: 'button_interaction', variant: 'send', path: 'task_id', maxBytes: 128, ascii: true, errcode: 42014, doc: DOC.send },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_selection.question_key', maxBytes: 1024, errcode: 42043, doc: DOC.send },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_selection.option_list[0].id', maxBytes: 128, errcode: 42040, doc: DOC.send },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_list[0].key', maxBytes: 1024, errcode: 42039, doc: DOC.send },
	{ cardType: 'vote_interaction', variant: 'send', path: 'checkbox.question_key', maxBytes: 1024, errcode: 42043, doc: DOC.send },
	{ cardType: 'vote_interaction', variant: 'send', path: 'checkbox.option_list[0].id', maxBytes: 128, errcode: 42040, doc: DOC.send },
	{ cardType: 'vote_interaction', variant: 'send', path: 'submit_button.key', maxBytes: 1024, errcode: 42046, doc: DOC.send },
	{ cardType: 'multiple_interaction', variant: 'send', path: 'select_list[0].question_key', maxBytes: 1024, errcode: 42043, doc: DOC.send },
	{ cardType: 'multiple_interaction', variant: 'send', path: 'select_list[1].option_list[0].id', maxBytes: 128, errcode: 42040, doc: DOC.send },
	{ cardType: 'multiple_interaction', variant: 'send', path: 'submit_button.key', maxBytes: 1024, errcode: 42046, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'source.icon_url', maxBytes: 1024, errcode: 40039, doc: DOC.errcodes, note: URL_LIMIT },
	{ cardType: 'text_notice', variant: 'send', path: 'quote_area.url', maxBytes: 1024, errcode: 40039, doc: DOC.errcodes, note: URL_LIMIT },
	{ cardType: 'text_notice', variant: 'send', path: 'horizontal_content_list[1].url', maxBytes: 1024, errcode: 40039, doc: DOC.errcodes, note: URL_LIMIT },
	{ cardType: 'text_notice', variant: 'send', path: 'jump_list[0].url', maxBytes: 1024, errcode: 40039, doc: DOC.errcodes, note: URL_LIMIT },
	{ cardType: 'text_notice', variant: 'send', path: 'card_action.url', maxBytes: 1024, errcode: 40039, doc: DOC.errcodes, note: URL_LIMIT },
	{ cardType: 'news_notice', variant: 'send', path: 'image_text_area.url', maxBytes: 1024, errcode: 40039, doc: DOC.errcodes, note: URL_LIMIT },
	{ cardType: 'news_notice', variant: 'send', path: 'image_text_area.image_url', maxBytes: 1024, errcode: 40039, doc: DOC.errcodes, note: URL_LIMIT },
	{ cardType: 'news_notice', variant: 'send', path: 'card_image.url', maxBytes: 1024, errcode: 40039, doc: DOC.errcodes, note: URL_LIMIT },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_list[0].url', maxBytes: 1024, errcode: 40039, doc: DOC.errcodes, note: URL_LIMIT },
];

/** 45034: url必须有协议头 (全局错误码), for every URL field of the card. */
export const URL_FIELDS: readonly Located[] = BYTE_LIMITS.filter((limit) => limit.errcode === 40039).map(
	({ cardType, variant, path }) => ({ cardType, variant, path, doc: DOC.errcodes, note: '45034: "在url前面加上协议头 http:// 或 https://".' }),
);
export const URL_SCHEME_ERRCODE = 45034;

/**
 * A length WeCom only recommends (建议不超过N个字): nothing is refused for it, so a card with
 * more characters is accepted as well.
 */
export interface RecommendedLength extends Located {
	chars: number;
}

export const RECOMMENDED_LENGTHS: readonly RecommendedLength[] = [
	{ cardType: 'text_notice', variant: 'send', path: 'source.desc', chars: 20, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'main_title.title', chars: 36, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'main_title.desc', chars: 44, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'emphasis_content.title', chars: 14, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'emphasis_content.desc', chars: 22, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'sub_title_text', chars: 160, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'horizontal_content_list[0].keyname', chars: 5, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'horizontal_content_list[0].value', chars: 30, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'jump_list[0].title', chars: 18, doc: DOC.send },
	{ cardType: 'news_notice', variant: 'send', path: 'vertical_content_list[0].title', chars: 38, doc: DOC.send },
	{ cardType: 'news_notice', variant: 'send', path: 'vertical_content_list[0].desc', chars: 160, doc: DOC.send },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_selection.option_list[0].text', chars: 16, doc: DOC.send },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_list[0].text', chars: 10, doc: DOC.send },
	{ cardType: 'vote_interaction', variant: 'send', path: 'main_title.title', chars: 16, doc: DOC.send },
	{ cardType: 'vote_interaction', variant: 'send', path: 'main_title.desc', chars: 160, doc: DOC.send },
	{ cardType: 'vote_interaction', variant: 'send', path: 'checkbox.option_list[0].text', chars: 17, doc: DOC.send },
	{ cardType: 'vote_interaction', variant: 'send', path: 'submit_button.text', chars: 10, doc: DOC.send },
	{ cardType: 'multiple_interaction', variant: 'send', path: 'main_title.desc', chars: 160, doc: DOC.send },
	{ cardType: 'multiple_interaction', variant: 'send', path: 'select_list[0].option_list[0].text', chars: 16, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'robot', path: 'source.desc', chars: 13, doc: DOC.robot },
	{ cardType: 'text_notice', variant: 'robot', path: 'main_title.title', chars: 26, doc: DOC.robot },
	{ cardType: 'text_notice', variant: 'robot', path: 'sub_title_text', chars: 112, doc: DOC.robot },
	{ cardType: 'news_notice', variant: 'robot', path: 'vertical_content_list[0].desc', chars: 112, doc: DOC.robot },
];

/**
 * A field with listed values. `values[].with` are the fields that value makes required, set
 * next to it. `invalid`: a value outside the list, refused with `errcode`.
 */
export interface EnumField extends Located {
	values: ReadonlyArray<{ value: number; with?: Record<string, unknown> }>;
	invalid: { value: number; errcode: number | null };
}

const URL = { url: 'https://work.weixin.qq.com' };
const APPID = { appid: 'APPID' };
const LINK_VALUES = [{ value: 0 }, { value: 1, with: URL }, { value: 2, with: APPID }];

export const ENUM_FIELDS: readonly EnumField[] = [
	{ cardType: 'text_notice', variant: 'send', path: 'source.desc_color', values: [0, 1, 2, 3].map((value) => ({ value })), invalid: { value: 4, errcode: null }, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'quote_area.type', values: LINK_VALUES, invalid: { value: 3, errcode: null }, doc: DOC.send },
	{
		cardType: 'text_notice',
		variant: 'send',
		path: 'horizontal_content_list[0].type',
		values: [{ value: 0 }, { value: 1, with: URL }, { value: 2, with: { media_id: 'MEDIAID' } }, { value: 3, with: { userid: 'zhangsan' } }],
		invalid: { value: 4, errcode: null },
		doc: DOC.send,
		note: 'The passive-reply page adds "或错填" (a wrong type means plain text) for replies; the send page does not.',
	},
	{ cardType: 'text_notice', variant: 'send', path: 'jump_list[0].type', values: LINK_VALUES, invalid: { value: 3, errcode: null }, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'card_action.type', values: LINK_VALUES.slice(1), invalid: { value: 0, errcode: 42045 }, doc: DOC.send, note: '"text_notice卡片模版中该字段取值范围为[1,2]"; 42045: card_action 缺失或不合法.' },
	{ cardType: 'news_notice', variant: 'send', path: 'card_action.type', values: LINK_VALUES.slice(1), invalid: { value: 0, errcode: 42045 }, doc: DOC.send, note: '"news_notice卡片模版中该字段取值范围为[1,2]".' },
	{ cardType: 'news_notice', variant: 'robot', path: 'card_action.type', values: LINK_VALUES.slice(1), invalid: { value: 3, errcode: 42045 }, doc: DOC.robot },
	{ cardType: 'button_interaction', variant: 'send', path: 'card_action.type', values: LINK_VALUES, invalid: { value: 3, errcode: 42045 }, doc: DOC.send },
	{ cardType: 'news_notice', variant: 'send', path: 'image_text_area.type', values: LINK_VALUES, invalid: { value: 3, errcode: null }, doc: DOC.send },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_list[0].type', values: [{ value: 0 }, { value: 1, with: URL }], invalid: { value: 2, errcode: null }, doc: DOC.send },
	{
		cardType: 'vote_interaction',
		variant: 'send',
		path: 'checkbox.mode',
		values: [{ value: 0 }, { value: 1 }],
		invalid: { value: 2, errcode: null },
		doc: DOC.send,
		note: 'The send page: "单选：0，多选：1，不填默认0"; only the passive-reply page adds "或错填默认0".',
	},
];

/** A value outside the documented range that WeCom replaces by a default (不填或错填默认…): accepted. */
export interface Defaulted extends Located {
	value: unknown;
	quote: string;
}

export const DEFAULTED_VALUES: readonly Defaulted[] = [
	{ cardType: 'button_interaction', variant: 'send', path: 'button_list[0].style', value: 5, quote: '按钮样式，目前可填1~4，不填或错填默认1', doc: DOC.send },
	{ cardType: 'button_interaction', variant: 'update', path: 'button_list[1].style', value: 0, quote: '按钮样式，目前可填1~4，不填或错填默认1', doc: DOC.update },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_selection.selected_id', value: 'no_such_option', quote: '默认选定的id，不填或错填默认第一个', doc: DOC.send },
	{ cardType: 'multiple_interaction', variant: 'send', path: 'select_list[1].selected_id', value: 'selection_id1', quote: '默认选定的id，不填或错填默认第一个', doc: DOC.send },
];

/** card_image.aspect_ratio: "宽高比要小于2.25，大于1.3，不填该参数默认1.3". */
export const ASPECT_RATIO = {
	cardType: 'news_notice',
	variant: 'send',
	path: 'card_image.aspect_ratio',
	accepted: [1.3, 1.77, 2.25],
	refused: [1.29, 2.26],
	errcode: null,
	doc: DOC.send,
	note: 'The text says strictly between 1.3 and 2.25, but the official examples send 1.3 (send and update pages) and 2.25 (robot page): the endpoints are read as accepted.',
} as const;

/** `path` must differ from `sameAs` (不可重复): a copy is refused at `path`. */
export interface Unique extends Located {
	sameAs: string;
	errcode: number | null;
}

export const UNIQUE_FIELDS: readonly Unique[] = [
	{ cardType: 'text_notice', variant: 'send', path: 'action_menu.action_list[1].key', sameAs: 'action_menu.action_list[0].key', errcode: 42051, doc: DOC.send, note: '42051: action_menu.action_list.key key冲突.' },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_list[1].key', sameAs: 'button_list[0].key', errcode: 42039, doc: DOC.send },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_selection.option_list[1].id', sameAs: 'button_selection.option_list[0].id', errcode: 42040, doc: DOC.send },
	{ cardType: 'vote_interaction', variant: 'send', path: 'checkbox.option_list[1].id', sameAs: 'checkbox.option_list[0].id', errcode: 42040, doc: DOC.send },
	{ cardType: 'multiple_interaction', variant: 'send', path: 'select_list[0].option_list[1].id', sameAs: 'select_list[0].option_list[0].id', errcode: 42040, doc: DOC.send },
	{ cardType: 'multiple_interaction', variant: 'send', path: 'select_list[1].question_key', sameAs: 'select_list[0].question_key', errcode: 42043, doc: DOC.send, note: 'select_list.question_key "不可重复" (across the card\'s dropdowns).' },
];

/** A value a field must have, besides its length: task_id's characters. */
export const TASK_ID_CHARSET = {
	path: 'task_id',
	accepted: ['Aa0_-@', 'n8n_1_0_x'],
	refused: ['has space', '任务', 'a.b', 'a/b'],
	errcode: 42014,
	doc: DOC.send,
	note: '"只能由数字、字母和“_-@”组成".',
} as const;

/** Conditional requirements: with `set` applied to the block, the field `missing` is required. */
export interface Conditional extends DocEntry {
	cardType: CardType;
	variant: Variant;
	block: string;
	set: Record<string, unknown>;
	missing: string;
	errcode: number;
}

const URL_ERRCODE = '42028: "Template_Card 缺失 Url，card_action、horizontal_content_list、jump_list缺失该字段都可能报此错误"; read as covering every url that a type makes required.';
const APPID_ERRCODE = '42030: "Template_Card 缺失 appid，card_action、jump_list 缺失该字段都可能报此错误"; read as covering every appid.';

export const CONDITIONALS: readonly Conditional[] = [
	{ cardType: 'text_notice', variant: 'send', block: 'quote_area', set: { type: 1 }, missing: 'url', errcode: 42028, doc: DOC.send, note: URL_ERRCODE },
	{ cardType: 'text_notice', variant: 'send', block: 'quote_area', set: { type: 2 }, missing: 'appid', errcode: 42030, doc: DOC.send, note: APPID_ERRCODE },
	{ cardType: 'text_notice', variant: 'send', block: 'horizontal_content_list[1]', set: { type: 1 }, missing: 'url', errcode: 42028, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', block: 'horizontal_content_list[2]', set: { type: 2 }, missing: 'media_id', errcode: 42029, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', block: 'horizontal_content_list[3]', set: { type: 3 }, missing: 'userid', errcode: 42050, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', block: 'jump_list[0]', set: { type: 1 }, missing: 'url', errcode: 42028, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', block: 'jump_list[1]', set: { type: 2 }, missing: 'appid', errcode: 42030, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', block: 'card_action', set: { type: 1 }, missing: 'url', errcode: 42028, doc: DOC.send },
	{ cardType: 'news_notice', variant: 'send', block: 'card_action', set: { type: 2 }, missing: 'appid', errcode: 42030, doc: DOC.send },
	{ cardType: 'button_interaction', variant: 'send', block: 'card_action', set: { type: 1 }, missing: 'url', errcode: 42028, doc: DOC.send },
	{ cardType: 'news_notice', variant: 'send', block: 'image_text_area', set: { type: 1 }, missing: 'url', errcode: 42028, doc: DOC.send, note: URL_ERRCODE },
	{ cardType: 'news_notice', variant: 'send', block: 'image_text_area', set: { type: 2 }, missing: 'appid', errcode: 42030, doc: DOC.send, note: APPID_ERRCODE },
	{ cardType: 'button_interaction', variant: 'send', block: 'button_list[1]', set: { type: 1 }, missing: 'url', errcode: 42028, doc: DOC.send, note: URL_ERRCODE },
	{ cardType: 'button_interaction', variant: 'send', block: 'button_list[0]', set: { type: 0 }, missing: 'key', errcode: 42039, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'robot', block: 'horizontal_content_list[2]', set: { type: 2 }, missing: 'media_id', errcode: 42029, doc: DOC.robot, note: 'The robot page names no errcodes; 42029 is the app one.' },
];
