/**
 * Which fields each card type takes and requires, transcribed by hand from WeCom's tables
 * (是否必须 / 必须 columns). Paths are relative to template_card; `[0]` is the first element.
 * `errcode` is what the 全局错误码 page names for the violation, null where no page names one.
 * `note` says where the pages are ambiguous or where the errcode is a reading of a broader text.
 */
import { DOC, type CardType, type DocPage, type Variant } from './docPages';

export interface DocEntry {
	doc: DocPage;
	note?: string;
}

/** The top-level fields a card type's table lists (card_type aside). */
export interface BlockTable extends DocEntry {
	cardType: CardType;
	variant: Variant;
	blocks: readonly string[];
}

const NO_MAIN_TITLE_ROW = 'The app tables list main_title.title and main_title.desc but no row for main_title itself.';
const NO_SELECTION_ROW = 'The table lists button_selection.question_key etc. but no row for button_selection itself.';

export const BLOCK_TABLES: readonly BlockTable[] = [
	{
		cardType: 'text_notice',
		variant: 'send',
		doc: DOC.send,
		note: NO_MAIN_TITLE_ROW,
		blocks: [
			'source',
			'action_menu',
			'task_id',
			'main_title',
			'quote_area',
			'emphasis_content',
			'sub_title_text',
			'horizontal_content_list',
			'jump_list',
			'card_action',
		],
	},
	{
		cardType: 'news_notice',
		variant: 'send',
		doc: DOC.send,
		note: NO_MAIN_TITLE_ROW,
		blocks: [
			'source',
			'action_menu',
			'task_id',
			'main_title',
			'quote_area',
			'image_text_area',
			'card_image',
			'vertical_content_list',
			'horizontal_content_list',
			'jump_list',
			'card_action',
		],
	},
	{
		cardType: 'button_interaction',
		variant: 'send',
		doc: DOC.send,
		note: `${NO_MAIN_TITLE_ROW} ${NO_SELECTION_ROW}`,
		blocks: [
			'source',
			'action_menu',
			'task_id',
			'main_title',
			'quote_area',
			'sub_title_text',
			'horizontal_content_list',
			'card_action',
			'button_selection',
			'button_list',
		],
	},
	{
		cardType: 'vote_interaction',
		variant: 'send',
		doc: DOC.send,
		blocks: ['source', 'task_id', 'main_title', 'checkbox', 'submit_button'],
	},
	{
		cardType: 'multiple_interaction',
		variant: 'send',
		doc: DOC.send,
		blocks: ['source', 'task_id', 'main_title', 'select_list', 'submit_button'],
	},
	{
		cardType: 'text_notice',
		variant: 'update',
		doc: DOC.update,
		note: 'No task_id row: the card keeps the one it was sent with.',
		blocks: [
			'source',
			'action_menu',
			'main_title',
			'quote_area',
			'emphasis_content',
			'sub_title_text',
			'horizontal_content_list',
			'jump_list',
			'card_action',
		],
	},
	{
		cardType: 'news_notice',
		variant: 'update',
		doc: DOC.update,
		blocks: [
			'source',
			'action_menu',
			'main_title',
			'quote_area',
			'image_text_area',
			'card_image',
			'vertical_content_list',
			'horizontal_content_list',
			'jump_list',
			'card_action',
		],
	},
	{
		cardType: 'button_interaction',
		variant: 'update',
		doc: DOC.update,
		blocks: [
			'source',
			'action_menu',
			'main_title',
			'quote_area',
			'sub_title_text',
			'horizontal_content_list',
			'card_action',
			'button_selection',
			'button_list',
			'replace_text',
		],
	},
	{
		cardType: 'vote_interaction',
		variant: 'update',
		doc: DOC.update,
		blocks: ['source', 'main_title', 'checkbox', 'submit_button', 'replace_text'],
	},
	{
		cardType: 'multiple_interaction',
		variant: 'update',
		doc: DOC.update,
		blocks: ['source', 'main_title', 'select_list', 'submit_button', 'replace_text'],
	},
	{
		cardType: 'text_notice',
		variant: 'robot',
		doc: DOC.robot,
		note: 'No action_menu and no task_id: a robot card cannot call back.',
		blocks: [
			'source',
			'main_title',
			'emphasis_content',
			'quote_area',
			'sub_title_text',
			'horizontal_content_list',
			'jump_list',
			'card_action',
		],
	},
	{
		cardType: 'news_notice',
		variant: 'robot',
		doc: DOC.robot,
		blocks: [
			'source',
			'main_title',
			'card_image',
			'image_text_area',
			'quote_area',
			'vertical_content_list',
			'horizontal_content_list',
			'jump_list',
			'card_action',
		],
	},
];

/** A nested field that some tables of a block list and others do not. */
export interface NestedField extends DocEntry {
	cardType: CardType;
	variant: Variant;
	path: string;
	value: unknown;
	allowed: boolean;
}

const DISABLE_ONLY_IN_UPDATES =
	'disable appears only in the update (94888) and passive-reply (90241) tables, not in the send table.';

export const NESTED_FIELDS: readonly NestedField[] = [
	{
		cardType: 'vote_interaction',
		variant: 'send',
		path: 'source.desc_color',
		value: 1,
		allowed: false,
		doc: DOC.send,
		note: 'The vote and multiple tables list source.icon_url and source.desc only; the other three list desc_color. Read as "not taken".',
	},
	{
		cardType: 'multiple_interaction',
		variant: 'send',
		path: 'source.desc_color',
		value: 1,
		allowed: false,
		doc: DOC.send,
		note: 'As for vote_interaction.',
	},
	{ cardType: 'text_notice', variant: 'send', path: 'source.desc_color', value: 3, allowed: true, doc: DOC.send },
	{
		cardType: 'vote_interaction',
		variant: 'update',
		path: 'checkbox.disable',
		value: true,
		allowed: true,
		doc: DOC.update,
	},
	{
		cardType: 'vote_interaction',
		variant: 'send',
		path: 'checkbox.disable',
		value: true,
		allowed: false,
		doc: DOC.send,
		note: DISABLE_ONLY_IN_UPDATES,
	},
	{
		cardType: 'multiple_interaction',
		variant: 'update',
		path: 'select_list[0].disable',
		value: true,
		allowed: true,
		doc: DOC.update,
	},
	{
		cardType: 'multiple_interaction',
		variant: 'send',
		path: 'select_list[0].disable',
		value: true,
		allowed: false,
		doc: DOC.send,
		note: DISABLE_ONLY_IN_UPDATES,
	},
	{
		cardType: 'button_interaction',
		variant: 'update',
		path: 'button_selection.disable',
		value: true,
		allowed: true,
		doc: DOC.passiveReply,
		note: 'Listed (ButtonSelection.Disable) in the passive-reply card table only; the update_template_card table leaves it out. Taken as allowed in updates.',
	},
	{
		cardType: 'button_interaction',
		variant: 'send',
		path: 'button_selection.disable',
		value: true,
		allowed: false,
		doc: DOC.send,
		note: DISABLE_ONLY_IN_UPDATES,
	},
];

/** A required field: without it the card is refused, reported at `reportedAt` (default `path`). */
export interface RequiredField extends DocEntry {
	cardType: CardType;
	variant: Variant;
	/** Removed from the page's example card (with `alsoRemove`). */
	path: string;
	alsoRemove?: readonly string[];
	reportedAt?: string;
	errcode: number | null;
}

const TASK_ID_ERRCODE = '42014 is 卡片消息的task_id不合法 (invalid); a missing task_id is read as invalid.';
const TITLE_ERRCODE =
	'42033 is "缺失 Title", naming vertical_content_list and jump_list as examples (都可能); read as covering main_title.title.';
const OPTION_COUNT = '42037 is "option_list 数组长度不合法"; a missing list is read as one of invalid length.';

export const REQUIRED_FIELDS: readonly RequiredField[] = [
	{ cardType: 'text_notice', variant: 'send', path: 'card_action', errcode: 42045, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'card_action.type', errcode: 42045, doc: DOC.send },
	{
		cardType: 'text_notice',
		variant: 'send',
		path: 'main_title.title',
		alsoRemove: ['sub_title_text'],
		errcode: 42033,
		doc: DOC.send,
		note: `main_title.title is 否, but "不可本字段和sub_title_text都不填". ${TITLE_ERRCODE}`,
	},
	{
		cardType: 'text_notice',
		variant: 'send',
		path: 'horizontal_content_list[0].keyname',
		errcode: 42027,
		doc: DOC.send,
	},
	{ cardType: 'text_notice', variant: 'send', path: 'jump_list[0].title', errcode: 42033, doc: DOC.send },
	{
		cardType: 'text_notice',
		variant: 'send',
		path: 'task_id',
		errcode: 42014,
		doc: DOC.send,
		note: `task_id is required when action_menu is set (填了action_menu字段的话本字段必填; the example has one). ${TASK_ID_ERRCODE}`,
	},
	{ cardType: 'text_notice', variant: 'send', path: 'action_menu.action_list', errcode: null, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'action_menu.action_list[0].text', errcode: null, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'send', path: 'action_menu.action_list[0].key', errcode: null, doc: DOC.send },
	{
		cardType: 'news_notice',
		variant: 'send',
		path: 'main_title.title',
		errcode: 42033,
		doc: DOC.send,
		note: TITLE_ERRCODE,
	},
	{
		cardType: 'news_notice',
		variant: 'send',
		path: 'main_title',
		reportedAt: 'main_title.title',
		errcode: 42033,
		doc: DOC.send,
		note: TITLE_ERRCODE,
	},
	{ cardType: 'news_notice', variant: 'send', path: 'card_action', errcode: 42045, doc: DOC.send },
	{
		cardType: 'news_notice',
		variant: 'send',
		path: 'card_image',
		alsoRemove: ['image_text_area'],
		errcode: 42044,
		doc: DOC.send,
		note: 'card_image and image_text_area are both 否, but "两者必填一个字段，不可都不填". 42044 (card_image.url 缺失或不合法) is read as covering a missing card_image.',
	},
	{ cardType: 'news_notice', variant: 'send', path: 'card_image.url', errcode: 42044, doc: DOC.send },
	{ cardType: 'news_notice', variant: 'send', path: 'image_text_area.image_url', errcode: null, doc: DOC.send },
	{ cardType: 'news_notice', variant: 'send', path: 'vertical_content_list[0].title', errcode: 42033, doc: DOC.send },
	{
		cardType: 'button_interaction',
		variant: 'send',
		path: 'task_id',
		errcode: 42014,
		doc: DOC.send,
		note: TASK_ID_ERRCODE,
	},
	{
		cardType: 'button_interaction',
		variant: 'send',
		path: 'main_title.title',
		errcode: 42033,
		doc: DOC.send,
		note: TITLE_ERRCODE,
	},
	{ cardType: 'button_interaction', variant: 'send', path: 'button_list', errcode: null, doc: DOC.send },
	{ cardType: 'button_interaction', variant: 'send', path: 'button_list[0].text', errcode: 42038, doc: DOC.send },
	{
		cardType: 'button_interaction',
		variant: 'send',
		path: 'button_list[0].key',
		errcode: 42039,
		doc: DOC.send,
		note: 'key is 否 but "button_list.type是0时必填", and an absent type means 0 (0 或不填代表回调点击事件).',
	},
	{
		cardType: 'button_interaction',
		variant: 'send',
		path: 'button_selection.question_key',
		errcode: 42043,
		doc: DOC.send,
	},
	{
		cardType: 'button_interaction',
		variant: 'send',
		path: 'button_selection.option_list',
		errcode: 42037,
		doc: DOC.send,
		note: OPTION_COUNT,
	},
	{
		cardType: 'button_interaction',
		variant: 'send',
		path: 'button_selection.option_list[0].id',
		errcode: 42040,
		doc: DOC.send,
	},
	{
		cardType: 'button_interaction',
		variant: 'send',
		path: 'button_selection.option_list[0].text',
		errcode: 42041,
		doc: DOC.send,
	},
	{
		cardType: 'vote_interaction',
		variant: 'send',
		path: 'task_id',
		errcode: 42014,
		doc: DOC.send,
		note: TASK_ID_ERRCODE,
	},
	{
		cardType: 'vote_interaction',
		variant: 'send',
		path: 'main_title.title',
		errcode: 42033,
		doc: DOC.send,
		note: TITLE_ERRCODE,
	},
	{ cardType: 'vote_interaction', variant: 'send', path: 'checkbox', errcode: null, doc: DOC.send },
	{ cardType: 'vote_interaction', variant: 'send', path: 'checkbox.question_key', errcode: 42043, doc: DOC.send },
	{
		cardType: 'vote_interaction',
		variant: 'send',
		path: 'checkbox.option_list',
		errcode: 42037,
		doc: DOC.send,
		note: OPTION_COUNT,
	},
	{ cardType: 'vote_interaction', variant: 'send', path: 'checkbox.option_list[0].id', errcode: 42040, doc: DOC.send },
	{
		cardType: 'vote_interaction',
		variant: 'send',
		path: 'checkbox.option_list[0].text',
		errcode: 42041,
		doc: DOC.send,
	},
	{
		cardType: 'vote_interaction',
		variant: 'send',
		path: 'checkbox.option_list[0].is_checked',
		errcode: null,
		doc: DOC.send,
	},
	{ cardType: 'vote_interaction', variant: 'send', path: 'submit_button', errcode: null, doc: DOC.send },
	{
		cardType: 'vote_interaction',
		variant: 'send',
		path: 'submit_button.text',
		errcode: 42049,
		doc: DOC.send,
		note: 'Marked 是, yet described "不填默认为提交" (defaults to 提交 when not filled); 42049 (submit_button.text 缺失或不合法) settles it as required.',
	},
	{ cardType: 'vote_interaction', variant: 'send', path: 'submit_button.key', errcode: 42046, doc: DOC.send },
	{
		cardType: 'multiple_interaction',
		variant: 'send',
		path: 'task_id',
		errcode: 42014,
		doc: DOC.send,
		note: TASK_ID_ERRCODE,
	},
	{
		cardType: 'multiple_interaction',
		variant: 'send',
		path: 'select_list',
		errcode: 42047,
		doc: DOC.send,
		note: '"该字段不可为空"; 42047 is "select_list 数组长度不合法", read as covering a missing list.',
	},
	{
		cardType: 'multiple_interaction',
		variant: 'send',
		path: 'select_list[0].question_key',
		errcode: 42043,
		doc: DOC.send,
	},
	{
		cardType: 'multiple_interaction',
		variant: 'send',
		path: 'select_list[0].option_list',
		errcode: 42037,
		doc: DOC.send,
		note: OPTION_COUNT,
	},
	{
		cardType: 'multiple_interaction',
		variant: 'send',
		path: 'select_list[0].option_list[0].id',
		errcode: 42040,
		doc: DOC.send,
	},
	{
		cardType: 'multiple_interaction',
		variant: 'send',
		path: 'select_list[0].option_list[0].text',
		errcode: 42041,
		doc: DOC.send,
	},
	{ cardType: 'multiple_interaction', variant: 'send', path: 'submit_button', errcode: null, doc: DOC.send },
	{ cardType: 'multiple_interaction', variant: 'send', path: 'submit_button.key', errcode: 42046, doc: DOC.send },
	{ cardType: 'text_notice', variant: 'update', path: 'card_action', errcode: 42045, doc: DOC.update },
	{
		cardType: 'news_notice',
		variant: 'update',
		path: 'card_image',
		alsoRemove: ['image_text_area'],
		errcode: 42044,
		doc: DOC.update,
		note: 'As for sending.',
	},
	{ cardType: 'vote_interaction', variant: 'update', path: 'checkbox', errcode: null, doc: DOC.update },
	{
		cardType: 'vote_interaction',
		variant: 'update',
		path: 'submit_button.key',
		errcode: 42046,
		doc: DOC.update,
		note: 'submit_button itself is 否 in updates; when given, its key is 是.',
	},
	{ cardType: 'multiple_interaction', variant: 'update', path: 'select_list', errcode: 42047, doc: DOC.update },
	{
		cardType: 'text_notice',
		variant: 'robot',
		path: 'main_title',
		errcode: null,
		doc: DOC.robot,
		note: 'main_title (the object) is 是 on the robot page only.',
	},
	{ cardType: 'text_notice', variant: 'robot', path: 'card_action', errcode: 42045, doc: DOC.robot },
	{
		cardType: 'news_notice',
		variant: 'robot',
		path: 'card_image',
		errcode: 42044,
		doc: DOC.robot,
		note: 'card_image is 是 on the robot page (the app page wants card_image or image_text_area). The robot page names no errcodes; 42044 is the app one.',
	},
];

/** Optional blocks that the tables do not take in a variant (no row there). */
export interface VariantExclusion extends DocEntry {
	cardType: CardType;
	variant: Variant;
	path: string;
	value: unknown;
}

export const VARIANT_EXCLUSIONS: readonly VariantExclusion[] = [
	{ cardType: 'button_interaction', variant: 'update', path: 'task_id', value: 'task_id', doc: DOC.update },
	{ cardType: 'vote_interaction', variant: 'update', path: 'task_id', value: 'task_id', doc: DOC.update },
	{ cardType: 'text_notice', variant: 'update', path: 'task_id', value: 'task_id', doc: DOC.update },
	{
		cardType: 'button_interaction',
		variant: 'send',
		path: 'replace_text',
		value: '已提交',
		doc: DOC.send,
		note: 'replace_text has a row in the update tables only.',
	},
	{ cardType: 'vote_interaction', variant: 'send', path: 'replace_text', value: '已提交', doc: DOC.send },
	{ cardType: 'text_notice', variant: 'update', path: 'replace_text', value: '已提交', doc: DOC.update },
	{ cardType: 'text_notice', variant: 'robot', path: 'task_id', value: 'task_id', doc: DOC.robot },
	{
		cardType: 'news_notice',
		variant: 'robot',
		path: 'action_menu',
		value: { action_list: [{ text: '接受推送', key: 'A' }] },
		doc: DOC.robot,
	},
];

/** The card types each page has tables for. */
export const CARD_TYPES_BY_VARIANT: ReadonlyArray<DocEntry & { variant: Variant; cardTypes: readonly CardType[] }> = [
	{
		variant: 'send',
		doc: DOC.send,
		cardTypes: ['text_notice', 'news_notice', 'button_interaction', 'vote_interaction', 'multiple_interaction'],
	},
	{
		variant: 'update',
		doc: DOC.update,
		cardTypes: ['text_notice', 'news_notice', 'button_interaction', 'vote_interaction', 'multiple_interaction'],
	},
	{
		variant: 'robot',
		doc: DOC.robot,
		cardTypes: ['text_notice', 'news_notice'],
		note: 'The robot page names no errcode for another card type.',
	},
];

/** 42031: Template_Card.CardType 字段不合法. */
export const CARD_TYPE_ERRCODE = { errcode: 42031, doc: DOC.errcodes } as const;
