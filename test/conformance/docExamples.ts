/**
 * The official request examples of each card type, transcribed by hand, and minimal cards
 * built from the fields the tables mark 是 (required). Every one of them must be accepted.
 *
 * Placeholders of the examples are replaced by values of the same kind: "图片的url" by the
 * image URLs the robot page uses, "文件的media_id" and "小程序的appid" by MEDIAID and APPID.
 */
import { DOC, type Card, type CardType, type DocPage, type Variant } from './docPages';

const ICON = 'https://wework.qpic.cn/wwpic/252813_jOfDHtcISzuodLa_1629280209/0';
const IMAGE = 'https://wework.qpic.cn/wwpic/354393_4zpkKXd7SrGMvfg_1629280616/0';
const SITE = 'https://work.weixin.qq.com';
const PHOTO = 'https://img.iplaysoft.com/wp-content/uploads/2019/free-images/free_stock_photo_2x.jpg';

const actionMenu = () => ({
	desc: '卡片副交互辅助文本说明',
	action_list: [
		{ text: '接受推送', key: 'A' },
		{ text: '不再推送', key: 'B' },
	],
});
const quoteArea = () => ({ type: 1, url: SITE, title: '企业微信的引用样式', quote_text: '企业微信真好用呀真好用' });
const horizontal = () => [
	{ keyname: '邀请人', value: '张三' },
	{ type: 1, keyname: '企业微信官网', value: '点击访问', url: SITE },
	{ type: 2, keyname: '企业微信下载', value: '企业微信.apk', media_id: 'MEDIAID' },
	{ type: 3, keyname: '员工信息', value: '点击查看', userid: 'zhangsan' },
];
const jumps = () => [
	{ type: 1, title: '企业微信官网', url: SITE },
	{ type: 2, title: '跳转小程序', appid: 'APPID', pagepath: '/index.html' },
];
const cardAction = () => ({ type: 2, url: SITE, appid: 'APPID', pagepath: '/index.html' });
const mainTitle = () => ({ title: '欢迎使用企业微信', desc: '您的好友正在邀请您加入企业微信' });
/** The example's question_key, named so that no linter takes it for a secret. */
const SELECTION_QUESTION = 'btn_question_key1';
const buttonSelection = () => ({
	question_key: SELECTION_QUESTION,
	title: '企业微信评分',
	option_list: [
		{ id: 'btn_selection_id1', text: '100分' },
		{ id: 'btn_selection_id2', text: '101分' },
	],
	selected_id: 'btn_selection_id1',
});
const buttons = () => [
	{ text: '按钮1', style: 1, key: 'button_key_1' },
	{ text: '按钮2', style: 2, key: 'button_key_2' },
];
const checkbox = () => ({
	question_key: 'question_key1',
	option_list: [
		{ id: 'option_id1', text: '选择题选项1', is_checked: true },
		{ id: 'option_id2', text: '选择题选项2', is_checked: false },
	],
	mode: 1,
});
const selectList = () => [
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
];
const submitButton = () => ({ text: '提交', key: 'key' });

export interface DocCard {
	cardType: CardType;
	variant: Variant;
	doc: DocPage;
	/** A fresh copy on every call, to change in place. */
	card: () => Card;
}

/** The request examples of the three pages, one per card type and page. */
export const DOC_EXAMPLES: readonly DocCard[] = [
	{
		cardType: 'text_notice',
		variant: 'send',
		doc: DOC.send,
		card: () => ({
			card_type: 'text_notice',
			source: { icon_url: ICON, desc: '企业微信', desc_color: 1 },
			action_menu: actionMenu(),
			task_id: 'task_id',
			main_title: mainTitle(),
			quote_area: quoteArea(),
			emphasis_content: { title: '100', desc: '核心数据' },
			sub_title_text: '下载企业微信还能抢红包！',
			horizontal_content_list: horizontal(),
			jump_list: jumps(),
			card_action: cardAction(),
		}),
	},
	{
		cardType: 'news_notice',
		variant: 'send',
		doc: DOC.send,
		card: () => ({
			card_type: 'news_notice',
			source: { icon_url: ICON, desc: '企业微信', desc_color: 1 },
			action_menu: actionMenu(),
			task_id: 'task_id',
			main_title: mainTitle(),
			quote_area: quoteArea(),
			image_text_area: {
				type: 1,
				url: SITE,
				title: '企业微信的左图右文样式',
				desc: '企业微信真好用呀真好用',
				image_url: PHOTO,
			},
			card_image: { url: IMAGE, aspect_ratio: 1.3 },
			vertical_content_list: [{ title: '惊喜红包等你来拿', desc: '下载企业微信还能抢红包！' }],
			horizontal_content_list: horizontal(),
			jump_list: jumps(),
			card_action: cardAction(),
		}),
	},
	{
		cardType: 'button_interaction',
		variant: 'send',
		doc: DOC.send,
		card: () => ({
			card_type: 'button_interaction',
			source: { icon_url: ICON, desc: '企业微信', desc_color: 1 },
			action_menu: actionMenu(),
			main_title: mainTitle(),
			quote_area: quoteArea(),
			sub_title_text: '下载企业微信还能抢红包！',
			horizontal_content_list: horizontal(),
			card_action: cardAction(),
			task_id: 'task_id',
			button_selection: buttonSelection(),
			button_list: buttons(),
		}),
	},
	{
		cardType: 'vote_interaction',
		variant: 'send',
		doc: DOC.send,
		card: () => ({
			card_type: 'vote_interaction',
			source: { icon_url: ICON, desc: '企业微信' },
			main_title: mainTitle(),
			task_id: 'task_id',
			checkbox: checkbox(),
			submit_button: submitButton(),
		}),
	},
	{
		cardType: 'multiple_interaction',
		variant: 'send',
		doc: DOC.send,
		card: () => ({
			card_type: 'multiple_interaction',
			source: { icon_url: ICON, desc: '企业微信' },
			main_title: mainTitle(),
			task_id: 'task_id',
			select_list: selectList(),
			submit_button: submitButton(),
		}),
	},
	{
		cardType: 'text_notice',
		variant: 'update',
		doc: DOC.update,
		card: () => ({
			card_type: 'text_notice',
			source: { icon_url: ICON, desc: '企业微信', desc_color: 1 },
			action_menu: actionMenu(),
			main_title: mainTitle(),
			quote_area: quoteArea(),
			emphasis_content: { title: '100', desc: '核心数据' },
			sub_title_text: '下载企业微信还能抢红包！',
			horizontal_content_list: horizontal(),
			jump_list: jumps(),
			card_action: cardAction(),
		}),
	},
	{
		cardType: 'news_notice',
		variant: 'update',
		doc: DOC.update,
		card: () => ({
			card_type: 'news_notice',
			source: { icon_url: ICON, desc: '企业微信', desc_color: 1 },
			action_menu: actionMenu(),
			main_title: mainTitle(),
			quote_area: quoteArea(),
			image_text_area: {
				type: 1,
				url: SITE,
				title: '企业微信的左图右文样式',
				desc: '企业微信真好用呀真好用',
				image_url: PHOTO,
			},
			card_image: { url: IMAGE, aspect_ratio: 1.3 },
			vertical_content_list: [{ title: '惊喜红包等你来拿', desc: '下载企业微信还能抢红包！' }],
			horizontal_content_list: horizontal(),
			jump_list: jumps(),
			card_action: cardAction(),
		}),
	},
	{
		cardType: 'button_interaction',
		variant: 'update',
		doc: DOC.update,
		card: () => ({
			card_type: 'button_interaction',
			source: { icon_url: ICON, desc: '企业微信', desc_color: 1 },
			action_menu: actionMenu(),
			main_title: mainTitle(),
			quote_area: quoteArea(),
			sub_title_text: '下载企业微信还能抢红包！',
			horizontal_content_list: horizontal(),
			card_action: cardAction(),
			button_selection: buttonSelection(),
			button_list: buttons(),
			replace_text: '已提交',
		}),
	},
	{
		cardType: 'vote_interaction',
		variant: 'update',
		doc: DOC.update,
		card: () => ({
			card_type: 'vote_interaction',
			source: { icon_url: ICON, desc: '企业微信' },
			main_title: mainTitle(),
			checkbox: { ...checkbox(), disable: false },
			submit_button: submitButton(),
			replace_text: '已提交',
		}),
	},
	{
		cardType: 'multiple_interaction',
		variant: 'update',
		doc: DOC.update,
		card: () => ({
			card_type: 'multiple_interaction',
			source: { icon_url: ICON, desc: '企业微信' },
			main_title: mainTitle(),
			select_list: selectList().map((select) => ({ ...select, disable: false })),
			submit_button: submitButton(),
			replace_text: '已提交',
		}),
	},
	{
		cardType: 'text_notice',
		variant: 'robot',
		doc: DOC.robot,
		card: () => ({
			card_type: 'text_notice',
			source: { icon_url: ICON, desc: '企业微信', desc_color: 0 },
			main_title: mainTitle(),
			emphasis_content: { title: '100', desc: '数据含义' },
			quote_area: {
				type: 1,
				url: 'https://work.weixin.qq.com/?from=openApi',
				appid: 'APPID',
				pagepath: 'PAGEPATH',
				title: '引用文本标题',
				quote_text: 'Jack：企业微信真的很好用~\nBalian：超级好的一款软件！',
			},
			sub_title_text: '下载企业微信还能抢红包！',
			horizontal_content_list: [
				{ keyname: '邀请人', value: '张三' },
				{ keyname: '企微官网', value: '点击访问', type: 1, url: 'https://work.weixin.qq.com/?from=openApi' },
				{ keyname: '企微下载', value: '企业微信.apk', type: 2, media_id: 'MEDIAID' },
			],
			jump_list: [
				{ type: 1, url: 'https://work.weixin.qq.com/?from=openApi', title: '企业微信官网' },
				{ type: 2, appid: 'APPID', pagepath: 'PAGEPATH', title: '跳转小程序' },
			],
			card_action: {
				type: 1,
				url: 'https://work.weixin.qq.com/?from=openApi',
				appid: 'APPID',
				pagepath: 'PAGEPATH',
			},
		}),
	},
	{
		cardType: 'news_notice',
		variant: 'robot',
		doc: DOC.robot,
		card: () => ({
			card_type: 'news_notice',
			source: { icon_url: ICON, desc: '企业微信', desc_color: 0 },
			main_title: mainTitle(),
			card_image: { url: IMAGE, aspect_ratio: 2.25 },
			image_text_area: {
				type: 1,
				url: SITE,
				title: '欢迎使用企业微信',
				desc: '您的好友正在邀请您加入企业微信',
				image_url: IMAGE,
			},
			quote_area: {
				type: 1,
				url: 'https://work.weixin.qq.com/?from=openApi',
				appid: 'APPID',
				pagepath: 'PAGEPATH',
				title: '引用文本标题',
				quote_text: 'Jack：企业微信真的很好用~\nBalian：超级好的一款软件！',
			},
			vertical_content_list: [{ title: '惊喜红包等你来拿', desc: '下载企业微信还能抢红包！' }],
			horizontal_content_list: [
				{ keyname: '邀请人', value: '张三' },
				{ keyname: '企微官网', value: '点击访问', type: 1, url: 'https://work.weixin.qq.com/?from=openApi' },
				{ keyname: '企微下载', value: '企业微信.apk', type: 2, media_id: 'MEDIAID' },
			],
			jump_list: [
				{ type: 1, url: 'https://work.weixin.qq.com/?from=openApi', title: '企业微信官网' },
				{ type: 2, appid: 'APPID', pagepath: 'PAGEPATH', title: '跳转小程序' },
			],
			card_action: {
				type: 1,
				url: 'https://work.weixin.qq.com/?from=openApi',
				appid: 'APPID',
				pagepath: 'PAGEPATH',
			},
		}),
	},
];

/** Only what the tables mark 是 (required), nothing optional. */
export const MINIMAL_CARDS: readonly DocCard[] = [
	{
		cardType: 'text_notice',
		variant: 'send',
		doc: DOC.send,
		// main_title.title is 否 on text_notice, but it or sub_title_text must be set.
		card: () => ({ card_type: 'text_notice', sub_title_text: '正文', card_action: { type: 1, url: SITE } }),
	},
	{
		cardType: 'news_notice',
		variant: 'send',
		doc: DOC.send,
		// card_image and image_text_area are 否, but one of the two must be set.
		card: () => ({
			card_type: 'news_notice',
			main_title: { title: '标题' },
			card_image: { url: IMAGE },
			card_action: { type: 2, appid: 'APPID' },
		}),
	},
	{
		cardType: 'button_interaction',
		variant: 'send',
		doc: DOC.send,
		card: () => ({
			card_type: 'button_interaction',
			main_title: { title: '标题' },
			task_id: 'task_id',
			button_list: [{ text: '按钮', key: 'button_key' }],
		}),
	},
	{
		cardType: 'vote_interaction',
		variant: 'send',
		doc: DOC.send,
		card: () => ({
			card_type: 'vote_interaction',
			main_title: { title: '标题' },
			task_id: 'task_id',
			checkbox: { question_key: 'q', option_list: [{ id: 'o1', text: '选项', is_checked: false }] },
			submit_button: { text: '提交', key: 'submit' },
		}),
	},
	{
		cardType: 'multiple_interaction',
		variant: 'send',
		doc: DOC.send,
		card: () => ({
			card_type: 'multiple_interaction',
			main_title: { title: '标题' },
			task_id: 'task_id',
			select_list: [{ question_key: 'q', option_list: [{ id: 'o1', text: '选项' }] }],
			submit_button: { text: '提交', key: 'submit' },
		}),
	},
	{
		cardType: 'text_notice',
		variant: 'update',
		doc: DOC.update,
		card: () => ({ card_type: 'text_notice', main_title: { title: '标题' }, card_action: { type: 1, url: SITE } }),
	},
	{
		cardType: 'news_notice',
		variant: 'update',
		doc: DOC.update,
		card: () => ({
			card_type: 'news_notice',
			main_title: { title: '标题' },
			image_text_area: { image_url: IMAGE },
			card_action: { type: 1, url: SITE },
		}),
	},
	{
		cardType: 'button_interaction',
		variant: 'update',
		doc: DOC.update,
		card: () => ({
			card_type: 'button_interaction',
			main_title: { title: '标题' },
			button_list: [{ text: '按钮', key: 'button_key' }],
		}),
	},
	{
		cardType: 'vote_interaction',
		variant: 'update',
		doc: DOC.update,
		// submit_button is 否 in the update table (是 when sending).
		card: () => ({
			card_type: 'vote_interaction',
			main_title: { title: '标题' },
			checkbox: { question_key: 'q', option_list: [{ id: 'o1', text: '选项', is_checked: true }] },
		}),
	},
	{
		cardType: 'multiple_interaction',
		variant: 'update',
		doc: DOC.update,
		card: () => ({
			card_type: 'multiple_interaction',
			main_title: { title: '标题' },
			select_list: [{ question_key: 'q', option_list: [{ id: 'o1', text: '选项' }] }],
		}),
	},
	{
		cardType: 'text_notice',
		variant: 'robot',
		doc: DOC.robot,
		// main_title (the object) is 是 on the robot page; title or sub_title_text inside it.
		card: () => ({ card_type: 'text_notice', main_title: { title: '标题' }, card_action: { type: 1, url: SITE } }),
	},
	{
		cardType: 'news_notice',
		variant: 'robot',
		doc: DOC.robot,
		card: () => ({
			card_type: 'news_notice',
			main_title: { title: '标题' },
			card_image: { url: IMAGE },
			card_action: { type: 1, url: SITE },
		}),
	},
];

export function docExample(cardType: CardType, variant: Variant): Card {
	const example = DOC_EXAMPLES.find((entry) => entry.cardType === cardType && entry.variant === variant);
	if (!example) throw new Error(`no ${variant} example of ${cardType} in the docs`);
	return example.card();
}
