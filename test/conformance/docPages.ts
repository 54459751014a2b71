/**
 * WeCom's official documentation pages the conformance fixture is transcribed from. Every
 * entry of the fixture names the page its rule comes from, so a reader can check it there.
 */
export const DOC = {
	/** 发送应用消息 (message/send), section 模板卡片消息: the five card tables and examples. */
	send: 'https://developer.work.weixin.qq.com/document/path/90236',
	/** 更新模版卡片消息 (message/update_template_card): the replacement-card tables. */
	update: 'https://developer.work.weixin.qq.com/document/path/94888',
	/** 消息推送配置说明 (group robot webhook/send), section 模版卡片类型. */
	robot: 'https://developer.work.weixin.qq.com/document/path/99110',
	/** 被动回复消息格式, section 模板卡片更新消息 (the card a callback reply may set). */
	passiveReply: 'https://developer.work.weixin.qq.com/document/path/90241',
	/** 全局错误码: the errcodes 40039, 42014, 42027-42051, 45034. */
	errcodes: 'https://developer.work.weixin.qq.com/document/path/90313',
	/** 撤回应用消息 (message/recall). */
	recall: 'https://developer.work.weixin.qq.com/document/path/94867',
} as const;

export type DocPage = (typeof DOC)[keyof typeof DOC];

export type CardType =
	| 'text_notice'
	| 'news_notice'
	| 'button_interaction'
	| 'vote_interaction'
	| 'multiple_interaction';

/** Where a card goes: message/send, the template_card of update_template_card, or a group robot. */
export type Variant = 'send' | 'update' | 'robot';

export type Card = Record<string, unknown>;
