/**
 * WeCom's documented limits outside the card itself (the card's own rules live in card/).
 * The node and the sandbox both read them from here.
 */

/** message/send: recipients per call (over → 40032 / 82002 / 82003). */
export const MAX_USERS_PER_SEND = 1000;
export const MAX_PARTIES_PER_SEND = 100;
export const MAX_TAGS_PER_SEND = 100;

/** enable_duplicate_check: window in seconds, default and maximum (4 h). */
export const DUPLICATE_CHECK_DEFAULT_SECONDS = 1800;
export const DUPLICATE_CHECK_MAX_SECONDS = 14400;

/** A response_code serves one update within 72 hours (else 60140). */
export const RESPONSE_CODE_TTL_MS = 72 * 3600 * 1000;

/** Group robot: messages per minute per robot (over → 45009). */
export const ROBOT_MESSAGES_PER_MINUTE = 20;

/**
 * App messages to one member, per app: above these WeCom answers errcode 0 but drops the
 * message (每应用对同一个成员不可超过30次/分钟，1000次/小时，超过部分会被丢弃不下发).
 * https://developer.work.weixin.qq.com/document/path/90236
 */
export const MEMBER_MESSAGES_PER_MINUTE = 30;
export const MEMBER_MESSAGES_PER_HOUR = 1000;

/**
 * Not WeCom's figure but this package's: how long a gettoken may take in all, so a hung or
 * trickling answer cannot hold every item and execution that waits for the token.
 */
export const GETTOKEN_TIMEOUT_MS = 10_000;
