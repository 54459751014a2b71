/**
 * WeCom's documented limits outside the card, transcribed by hand from the official pages (not
 * from this package's code). Checked against the node's constants and the sandbox's behaviour.
 */
export const FREQUENCY_DOC = 'https://developer.work.weixin.qq.com/document/path/90312';
export const SEND_DOC = 'https://developer.work.weixin.qq.com/document/path/90236';
export const ROBOT_DOC = 'https://developer.work.weixin.qq.com/document/path/99110';
export const UPDATE_DOC = 'https://developer.work.weixin.qq.com/document/path/94888';
export const RECALL_DOC = 'https://developer.work.weixin.qq.com/document/path/94867';

export const DOCUMENTED_LIMITS = {
	/** 每应用对同一个成员不可超过30次/分，1000次/小时，超过部分会被丢弃不下发 (90312, 90236). */
	memberMessagesPerMinute: { value: 30, doc: FREQUENCY_DOC },
	memberMessagesPerHour: { value: 1000, doc: FREQUENCY_DOC },
	/** touser: 最多支持1000个; toparty / totag: 最多支持100个 (90236). */
	usersPerSend: { value: 1000, doc: SEND_DOC },
	partiesPerSend: { value: 100, doc: SEND_DOC },
	tagsPerSend: { value: 100, doc: SEND_DOC },
	/** duplicate_check_interval: 默认1800s，最大不超过4小时 (90236). */
	duplicateCheckDefaultSeconds: { value: 1800, doc: SEND_DOC },
	duplicateCheckMaxSeconds: { value: 4 * 3600, doc: SEND_DOC },
	/** 每个机器人发送的消息不能超过20条/分钟 (99110). */
	robotMessagesPerMinute: { value: 20, doc: ROBOT_DOC },
	/** response_code 72小时内有效，且只能使用一次 (94888). */
	responseCodeTtlMs: { value: 72 * 3600 * 1000, doc: UPDATE_DOC },
	/** 只能撤回24小时内通过API发送的应用消息 (94867). */
	recallWindowMs: { value: 24 * 3600 * 1000, doc: RECALL_DOC },
} as const;
