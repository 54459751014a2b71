/**
 * WeCom errcodes this package knows, with their official meaning (WeCom "全局错误码" page)
 * and what to do about them. The single place errcode semantics live: the credential, the
 * transport, the retry policy and the sandbox all read this table.
 */

/** How the transport reacts to a code. */
export type ErrcodeHandling =
	/** The access_token is bad: refresh it once, then retry once. */
	| 'refreshToken'
	/** Transient: retry with backoff. */
	| 'retry'
	/** The credential or the WeCom app is misconfigured: fail, never loop. */
	| 'config'
	/** The request content is wrong: fail, retrying cannot help. */
	| 'input'
	/** The target is gone for good (expired msgid / response_code, removed robot). */
	| 'permanent';

export interface ErrcodeInfo {
	/** Short English name of the condition, as WeCom documents it. */
	meaning: string;
	/** What the user should do. */
	hint: string;
	handling: ErrcodeHandling;
}

const cardRule = (meaning: string, hint = 'Fix the card field named in the message.'): ErrcodeInfo => ({
	meaning,
	hint,
	handling: 'input',
});

export const WECOM_ERRCODES: Readonly<Record<number, ErrcodeInfo>> = {
	[-1]: {
		meaning: 'System busy',
		hint: 'WeCom is temporarily busy; the request is retried with backoff.',
		handling: 'retry',
	},
	6000: {
		meaning: 'Data version conflict',
		hint: 'Retry later.',
		handling: 'retry',
	},
	40001: {
		meaning: 'Invalid secret',
		hint: 'The Corp Secret is wrong, was reset, or the app is disabled. Copy the Secret again from the app page in the WeCom admin console (Applications > your app > Secret). Do not retry with the same value: repeated failed attempts can get this server\'s IP blocked for one hour.',
		handling: 'config',
	},
	40003: {
		meaning: 'Invalid UserID',
		hint: 'Check the member userids (Contacts > member > Account in the admin console).',
		handling: 'input',
	},
	40008: {
		meaning: 'Invalid message type',
		hint: 'The msgtype is not one WeCom accepts for this endpoint.',
		handling: 'input',
	},
	40013: {
		meaning: 'Invalid CorpID',
		hint: 'The Corp ID is wrong. Copy it from My Company > Company Information > Company ID (企业ID) in the WeCom admin console.',
		handling: 'config',
	},
	40014: {
		meaning: 'Invalid access_token',
		hint: 'The token was invalidated early; it is refreshed and the request retried once.',
		handling: 'refreshToken',
	},
	40032: {
		meaning: 'Too many userids (more than 1000)',
		hint: 'Send to at most 1000 users per call.',
		handling: 'input',
	},
	40039: {
		meaning: 'Invalid URL length',
		hint: 'URLs may be at most 1024 bytes.',
		handling: 'input',
	},
	40056: {
		meaning: 'Invalid agentid',
		hint: 'The Agent ID must be the integer AgentId of an existing app (Applications > your app > AgentId).',
		handling: 'config',
	},
	40058: {
		meaning: 'Invalid parameter',
		hint: 'A value is malformed, too long or missing, or the message was sent by another app.',
		handling: 'input',
	},
	41001: {
		meaning: 'Missing access_token',
		hint: 'The token was missing from the request; it is fetched and the request retried once.',
		handling: 'refreshToken',
	},
	41002: {
		meaning: 'Missing corpid',
		hint: 'Fill in the Corp ID in the credential.',
		handling: 'config',
	},
	41004: {
		meaning: 'Missing corpsecret',
		hint: 'Fill in the Corp Secret in the credential.',
		handling: 'config',
	},
	41011: {
		meaning: 'Missing agentid',
		hint: 'Fill in the Agent ID of the app in the credential.',
		handling: 'config',
	},
	42001: {
		meaning: 'access_token expired',
		hint: 'The token expired; it is refreshed and the request retried once.',
		handling: 'refreshToken',
	},
	42014: {
		meaning: 'Invalid task_id',
		hint: 'A task_id may only contain letters, digits, _ - @ (at most 128 bytes) and must not have been used by this app before.',
		handling: 'input',
	},
	42015: {
		meaning: 'The app updating the card is not the app that sent it',
		hint: 'Update the card with the credential (Agent ID) of the app that sent it.',
		handling: 'config',
	},
	42016: {
		meaning: 'task_id not found',
		hint: 'Check the task_id of the card.',
		handling: 'input',
	},
	42027: cardRule('horizontal_content_list keyname missing'),
	42028: cardRule('url missing (card_action, horizontal_content_list or jump_list of type 1)'),
	42029: cardRule('horizontal_content_list media_id missing (attachment, type 2)'),
	42030: cardRule('appid missing (card_action or jump_list of type 2, mini-program)'),
	42031: cardRule('Invalid card_type'),
	42033: cardRule('title missing (vertical_content_list or jump_list)'),
	42035: cardRule('Invalid horizontal_content_list length (at most 6)'),
	42036: cardRule('Invalid vertical_content_list length (at most 4)'),
	42037: cardRule('Invalid option_list length (checkbox 1-20, dropdowns 1-10)'),
	42038: cardRule('button_list text missing or invalid'),
	42039: cardRule('button_list key missing or invalid'),
	42040: cardRule('option_list id missing or invalid'),
	42041: cardRule('option_list text missing or invalid'),
	42042: cardRule('Invalid jump_list length (at most 3)'),
	42043: cardRule('question_key missing or invalid'),
	42044: cardRule('card_image url missing or invalid'),
	42045: cardRule('card_action missing or invalid'),
	42046: cardRule('submit_button key missing or invalid'),
	42047: cardRule('Invalid select_list length (1-3)'),
	42049: cardRule('submit_button text missing or invalid'),
	42050: cardRule('horizontal_content_list userid missing or invalid (member, type 3)'),
	42051: cardRule('Duplicate action_menu key'),
	42052: {
		meaning: 'msgid expired',
		hint: 'Messages can only be recalled within 24 hours of sending.',
		handling: 'permanent',
	},
	43012: {
		meaning: 'The app must have a callback URL',
		hint: 'Cards that call back (buttons, votes, menus) need "Receive Messages > Set API" configured for the app in the admin console.',
		handling: 'config',
	},
	44004: {
		meaning: 'Message content is empty',
		hint: 'Fill in the message text.',
		handling: 'input',
	},
	45002: cardRule('Content too large', 'Shorten the message.'),
	45009: {
		meaning: 'API call frequency exceeded',
		hint: 'WeCom blocks the caller for 60 s after a minute-level overflow; the request is retried after a pause.',
		handling: 'retry',
	},
	45033: {
		meaning: 'API concurrency exceeded',
		hint: 'Lower the node\'s concurrency; the request is retried with backoff.',
		handling: 'retry',
	},
	45034: cardRule('URL must start with http:// or https://'),
	45035: {
		meaning: 'Concurrent modification conflict',
		hint: 'Retry later.',
		handling: 'retry',
	},
	48002: {
		meaning: 'API not permitted for this app',
		hint: 'Use the Secret of a self-built app, not the contacts-sync secret.',
		handling: 'config',
	},
	50003: {
		meaning: 'App disabled',
		hint: 'Enable the app in the admin console.',
		handling: 'config',
	},
	60011: {
		meaning: 'No privilege for this member, department or tag',
		hint: 'The recipient is outside the app\'s visible range (Applications > your app > Visible to).',
		handling: 'config',
	},
	60020: {
		meaning: 'Caller IP is not trusted',
		hint: 'Add the IP quoted in the message to the app\'s trusted IPs (Applications > your app > Trusted IP, 企业可信IP); it takes about a minute to apply. If n8n has no fixed egress IP, route through a proxy with one and set the API Base URL accordingly.',
		handling: 'config',
	},
	60140: {
		meaning: 'Invalid response_code',
		hint: 'A response_code can be used once, within 72 hours. Use the fresh ResponseCode from the latest card callback.',
		handling: 'permanent',
	},
	81012: {
		meaning: 'No recipients given',
		hint: 'Set at least one user, department or tag.',
		handling: 'input',
	},
	81013: {
		meaning: 'All recipients are invalid',
		hint: 'None of the users, departments or tags exist or are inside the app\'s visible range.',
		handling: 'input',
	},
	82001: {
		meaning: 'Members, departments and tags are all empty',
		hint: 'Set at least one user, department or tag.',
		handling: 'input',
	},
	82002: cardRule('Too many departments (more than 100)', 'Send to at most 100 departments per call.'),
	82003: cardRule('Too many tags (more than 100)', 'Send to at most 100 tags per call.'),
	82004: cardRule('Content may crash the client', 'Remove unusual characters from the card.'),
	82101: {
		meaning: 'Update target is empty',
		hint: 'Name the users, departments or tags whose card to update, or update it for everyone (atall).',
		handling: 'input',
	},
	93000: {
		meaning: 'Invalid webhook URL, or the robot was removed from the group',
		hint: 'Copy the robot\'s webhook URL again from the group chat settings.',
		handling: 'permanent',
	},
	93004: {
		meaning: 'Robot disabled',
		hint: 'Enable the robot in the group chat settings.',
		handling: 'config',
	},
	93008: {
		meaning: 'The robot is not in the group',
		hint: 'Add the robot to the group chat again and copy its new webhook address.',
		handling: 'permanent',
	},
	93017: {
		meaning: 'Robot message body is empty',
		hint: 'Send a non-empty message to the robot.',
		handling: 'input',
	},
	93019: {
		meaning: 'Invalid robot ID',
		hint: 'Copy the robot\'s webhook address again from the group chat settings.',
		handling: 'permanent',
	},
	301002: {
		meaning: 'The token\'s app has no right on this agentid',
		hint: 'The Agent ID must belong to the app whose Secret is in the credential.',
		handling: 'config',
	},
};

/** Codes after which the transport refreshes the token and retries once. */
export const TOKEN_ERRCODES: readonly number[] = Object.entries(WECOM_ERRCODES)
	.filter(([, info]) => info.handling === 'refreshToken')
	.map(([code]) => Number(code));

/**
 * What gettoken answers when the Corp ID or Secret itself cannot work (official gettoken and
 * global error code pages: https://developer.work.weixin.qq.com/document/path/91039,
 * https://developer.work.weixin.qq.com/document/path/90313). Asking again cannot help, and a
 * wrong secret asked repeatedly can get the caller's IP blocked for an hour.
 */
export const SECRET_REFUSED_ERRCODES: readonly number[] = [40013, 40001, 40091, 41002, 41004, 48002, 50003, 60020];

export function describeErrcode(errcode: number): ErrcodeInfo {
	return (
		WECOM_ERRCODES[errcode] ?? {
			meaning: 'Unknown WeCom error',
			hint: `Look the code up at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`,
			handling: 'input',
		}
	);
}
