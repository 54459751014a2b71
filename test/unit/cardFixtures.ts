/**
 * Valid template cards for the card schema tests, after the official examples of 发送应用消息
 * (https://developer.work.weixin.qq.com/document/path/90236). Each call returns a fresh copy to mutate.
 */
import type { CardType, CardVariant } from '../../nodes/WeCom/shared/card';

// Tests reach into nested fields of a card and change them in place.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Card = Record<string, any>;

const SITE = 'https://work.weixin.qq.com/?from=openApi';
const ICON = 'https://wework.qpic.cn/wwpic/252813_jOfDHtcISzuodLa_1629280209/0';
/** The example's question_key, named so that no linter takes it for a secret. */
const SELECTION_QUESTION = 'btn_question_key1';

const source = { icon_url: ICON, desc: '企业微信', desc_color: 0 };
const mainTitle = { title: '欢迎使用企业微信', desc: '您的好友正在邀请您加入企业微信' };
const quoteArea = {
	type: 1,
	url: SITE,
	appid: 'APPID',
	pagepath: 'PAGEPATH',
	title: '引用文本标题',
	quote_text: 'Jack：企业微信真的很好用~\nBalian：超级好的一款软件！',
};
const horizontal = [
	{ keyname: '邀请人', value: '张三' },
	{ type: 1, keyname: '官网', value: '点击访问', url: SITE },
	{ type: 2, keyname: '企业微信下载', value: '企业微信.apk', media_id: 'MEDIAID' },
	{ type: 3, keyname: '员工信息', value: '点击查看', userid: 'zhangsan' },
];
const jumps = [
	{ type: 1, title: '企业微信官网', url: SITE },
	{ type: 2, title: '跳转小程序', appid: 'APPID', pagepath: 'PAGEPATH' },
];
const cardAction = { type: 1, url: SITE, appid: 'APPID', pagepath: 'PAGEPATH' };
const actionMenu = {
	desc: '消息气泡副交互辅助文本说明',
	action_list: [
		{ text: '接收推送', key: 'action_key1' },
		{ text: '不再推送', key: 'action_key2' },
	],
};

const BASE: Record<CardType, Card> = {
	text_notice: {
		card_type: 'text_notice',
		source,
		main_title: mainTitle,
		emphasis_content: { title: '100', desc: '数据含义' },
		quote_area: quoteArea,
		sub_title_text: '下载企业微信还能抢红包！',
		horizontal_content_list: horizontal,
		jump_list: jumps,
		card_action: cardAction,
	},
	news_notice: {
		card_type: 'news_notice',
		source,
		main_title: mainTitle,
		quote_area: quoteArea,
		image_text_area: {
			type: 1,
			url: SITE,
			title: '欢迎使用企业微信',
			desc: '您的好友正在邀请您加入企业微信',
			image_url: 'https://img.iplaysoft.com/wp-content/uploads/2019/free-images/free_stock_photo_2x.jpg',
		},
		card_image: {
			url: 'https://wework.qpic.cn/wwpic/354393_4zpkKXd7SrGMvfg_1629280616/0',
			aspect_ratio: 2.25,
		},
		vertical_content_list: [{ title: '惊喜红包等你来拿', desc: '下载企业微信还能抢红包！' }],
		horizontal_content_list: horizontal,
		jump_list: jumps,
		card_action: cardAction,
	},
	button_interaction: {
		card_type: 'button_interaction',
		source,
		action_menu: actionMenu,
		main_title: mainTitle,
		quote_area: quoteArea,
		sub_title_text: '下载企业微信还能抢红包！',
		horizontal_content_list: horizontal,
		card_action: cardAction,
		task_id: 'task_id',
		button_selection: {
			question_key: SELECTION_QUESTION,
			title: '企业微信评分',
			option_list: [
				{ id: 'btn_selection_id1', text: '100分' },
				{ id: 'btn_selection_id2', text: '101分' },
			],
			selected_id: 'btn_selection_id1',
		},
		button_list: [
			{ text: '按钮1', style: 4, key: 'BUTTONKEYONE' },
			{ text: '按钮2', style: 1, key: 'BUTTONKEYTWO' },
			{ type: 1, text: '官网', style: 2, url: SITE },
		],
	},
	vote_interaction: {
		card_type: 'vote_interaction',
		source: { icon_url: ICON, desc: '企业微信' },
		main_title: mainTitle,
		task_id: 'task_id',
		checkbox: {
			question_key: 'question_key1',
			option_list: [
				{ id: 'option_id1', text: '选择题选项1', is_checked: true },
				{ id: 'option_id2', text: '选择题选项2', is_checked: false },
			],
			mode: 1,
		},
		submit_button: { text: '提交', key: 'key' },
	},
	multiple_interaction: {
		card_type: 'multiple_interaction',
		source: { icon_url: ICON, desc: '企业微信' },
		main_title: mainTitle,
		task_id: 'task_id',
		select_list: [
			{
				question_key: 'question_key1',
				title: '选择器标签1',
				selected_id: 'selection_id1',
				option_list: [
					{ id: 'selection_id1', text: '选择器选项1' },
					{ id: 'selection_id2', text: '选择器选项2' },
				],
			},
			{
				question_key: 'question_key2',
				title: '选择器标签2',
				selected_id: 'selection_id3',
				option_list: [
					{ id: 'selection_id3', text: '选择器选项3' },
					{ id: 'selection_id4', text: '选择器选项4' },
				],
			},
		],
		submit_button: { text: '提交', key: 'key' },
	},
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A valid card of `cardType` for `variant`, using every block the combination allows. */
export function validCard(cardType: CardType, variant: CardVariant = 'send'): Card {
	const card = clone(BASE[cardType]);
	if (variant === 'send') return card;
	delete card.task_id;
	if (variant === 'robot') {
		delete card.action_menu;
		return card;
	}
	// update: the whole-card replacement may lock inputs and grey out the buttons.
	if (cardType === 'text_notice' || cardType === 'news_notice') card.action_menu = clone(actionMenu);
	if (card.button_list || card.checkbox || card.select_list) card.replace_text = '已提交';
	if (card.button_selection) card.button_selection.disable = true;
	if (card.checkbox) card.checkbox.disable = true;
	if (card.select_list) card.select_list[0].disable = true;
	return card;
}

/** The variants each card type can be checked for. */
export const VARIANTS_BY_TYPE: Record<CardType, CardVariant[]> = {
	text_notice: ['send', 'update', 'robot'],
	news_notice: ['send', 'update', 'robot'],
	button_interaction: ['send', 'update'],
	vote_interaction: ['send', 'update'],
	multiple_interaction: ['send', 'update'],
};

/** A valid card with one change applied. */
export function mutated(cardType: CardType, variant: CardVariant, change: (card: Card) => void): Card {
	const card = validCard(cardType, variant);
	change(card);
	return card;
}

export const ascii = (length: number, char = 'a') => char.repeat(length);
/** Chinese characters are 3 bytes each in UTF-8. */
export const chinese = (count: number) => '中'.repeat(count);
