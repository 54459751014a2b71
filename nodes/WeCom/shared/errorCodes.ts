import { APPROVAL_ERRCODE } from './approval/limits';
import { CARD_LIST_MAX, TASK_ID_MAX_LENGTH, URL_MAX_BYTES } from './card/limits';
import { CONTACT_ERRCODES } from './contactErrcodes';
import { MAX_PARTIES_PER_SEND, MAX_TAGS_PER_SEND, MAX_USERS_PER_SEND } from './limits';

/**
 * WeCom errcodes this package knows, with their official meaning (WeCom "全局错误码" page)
 * and what to do about them. The single place errcode semantics live: the credential, the
 * transport, the retry policy and the sandbox all read this table.
 */

/**
 * The errcodes this package branches on or reports, by name, each written once
 * (https://developer.work.weixin.qq.com/document/path/90313). 42027–42051 name the card field
 * WeCom refused; the card schema reports them.
 */
export const ERRCODE = {
	invalidSecret: 40001,
	invalidCorpId: 40013,
	/** The access_token was revoked early (a new one was issued, the secret reset). */
	invalidToken: 40014,
	/** A media_id never issued, older than 3 days, or (group robot) uploaded by another robot or an app. */
	invalidMediaId: 40007,
	tooManyUsers: 40032,
	urlTooLong: 40039,
	/** WeCom's catch-all for a malformed, missing or too long value. */
	invalidParameter: 40058,
	secretOfAnotherCorp: 40091,
	missingToken: 41001,
	missingCorpId: 41002,
	missingSecret: 41004,
	tokenExpired: 42001,
	/** A malformed task_id, or one this app has already used. */
	invalidTaskId: 42014,
	keynameMissing: 42027,
	urlMissing: 42028,
	mediaIdMissing: 42029,
	appidMissing: 42030,
	invalidCardType: 42031,
	titleMissing: 42033,
	tooManyHorizontalItems: 42035,
	tooManyVerticalItems: 42036,
	invalidOptionCount: 42037,
	invalidButtonText: 42038,
	invalidButtonKey: 42039,
	invalidOptionId: 42040,
	invalidOptionText: 42041,
	tooManyJumps: 42042,
	invalidQuestionKey: 42043,
	invalidCardImage: 42044,
	invalidCardAction: 42045,
	invalidSubmitKey: 42046,
	invalidSelectListCount: 42047,
	invalidSubmitText: 42049,
	invalidMemberUserid: 42050,
	duplicateMenuKey: 42051,
	apiFrequencyExceeded: 45009,
	/** A link that is not http:// or https://. */
	urlScheme: 45034,
	apiNotAllowed: 48002,
	appDisabled: 50003,
	ipNotTrusted: 60020,
	/** A response_code used already or older than 72 hours. */
	responseCodeUsedOrExpired: 60140,
	tooManyDepartments: 82002,
	tooManyTags: 82003,
	/** The robot's webhook key is wrong, or the robot was removed from the group. */
	invalidRobotWebhook: 93000,
	robotDisabled: 93004,
} as const;

/** How the transport reacts to a code. */
type ErrcodeHandling =
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

interface ErrcodeInfo {
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
	...CONTACT_ERRCODES,
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
	[ERRCODE.invalidSecret]: {
		meaning: 'Invalid secret',
		hint: "The Corp Secret is wrong, was reset, or the app is disabled. Copy the Secret again from the app page in the WeCom admin console (Applications > your app > Secret). Do not retry with the same value: repeated failed attempts can get this server's IP blocked for one hour.",
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
	[ERRCODE.invalidCorpId]: {
		meaning: 'Invalid CorpID',
		hint: 'The Corp ID is wrong. Copy it from My Company > Company Information > Company ID (企业ID) in the WeCom admin console.',
		handling: 'config',
	},
	[ERRCODE.invalidToken]: {
		meaning: 'Invalid access_token',
		hint: 'The token was invalidated early; it is refreshed and the request retried once.',
		handling: 'refreshToken',
	},
	[ERRCODE.tooManyUsers]: {
		meaning: `Too many userids (more than ${MAX_USERS_PER_SEND})`,
		hint: `Send to at most ${MAX_USERS_PER_SEND} users per call.`,
		handling: 'input',
	},
	[ERRCODE.urlTooLong]: {
		meaning: 'Invalid URL length',
		hint: `URLs may be at most ${URL_MAX_BYTES} bytes.`,
		handling: 'input',
	},
	40056: {
		meaning: 'Invalid agentid',
		hint: 'The Agent ID must be the integer AgentId of an existing app (Applications > your app > AgentId).',
		handling: 'config',
	},
	[ERRCODE.invalidParameter]: {
		meaning: 'Invalid parameter',
		hint: 'A value is malformed, too long or missing, or the message was sent by another app.',
		handling: 'input',
	},
	[ERRCODE.missingToken]: {
		meaning: 'Missing access_token',
		hint: 'The token was missing from the request; it is fetched and the request retried once.',
		handling: 'refreshToken',
	},
	[ERRCODE.missingCorpId]: {
		meaning: 'Missing corpid',
		hint: 'Fill in the Corp ID in the credential.',
		handling: 'config',
	},
	[ERRCODE.missingSecret]: {
		meaning: 'Missing corpsecret',
		hint: 'Fill in the Corp Secret in the credential.',
		handling: 'config',
	},
	41011: {
		meaning: 'Missing agentid',
		hint: 'Fill in the Agent ID of the app in the credential.',
		handling: 'config',
	},
	[ERRCODE.tokenExpired]: {
		meaning: 'access_token expired',
		hint: 'The token expired; it is refreshed and the request retried once.',
		handling: 'refreshToken',
	},
	[ERRCODE.invalidTaskId]: {
		meaning: 'Invalid task_id',
		hint: `A task_id may only contain letters, digits, _ - @ (at most ${TASK_ID_MAX_LENGTH} bytes) and must not have been used by this app before.`,
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
	[ERRCODE.keynameMissing]: cardRule('horizontal_content_list keyname missing'),
	[ERRCODE.urlMissing]: cardRule('url missing (card_action, horizontal_content_list or jump_list of type 1)'),
	[ERRCODE.mediaIdMissing]: cardRule('horizontal_content_list media_id missing (attachment, type 2)'),
	[ERRCODE.appidMissing]: cardRule('appid missing (card_action or jump_list of type 2, mini-program)'),
	[ERRCODE.invalidCardType]: cardRule('Invalid card_type'),
	[ERRCODE.titleMissing]: cardRule('title missing (vertical_content_list or jump_list)'),
	[ERRCODE.tooManyHorizontalItems]: cardRule(
		`Invalid horizontal_content_list length (at most ${CARD_LIST_MAX.horizontalContent})`,
	),
	[ERRCODE.tooManyVerticalItems]: cardRule(
		`Invalid vertical_content_list length (at most ${CARD_LIST_MAX.verticalContent})`,
	),
	[ERRCODE.invalidOptionCount]: cardRule(
		`Invalid option_list length (checkbox 1-${CARD_LIST_MAX.checkboxOptions}, dropdowns 1-${CARD_LIST_MAX.dropdownOptions})`,
	),
	[ERRCODE.invalidButtonText]: cardRule('button_list text missing or invalid'),
	[ERRCODE.invalidButtonKey]: cardRule('button_list key missing or invalid'),
	[ERRCODE.invalidOptionId]: cardRule('option_list id missing or invalid'),
	[ERRCODE.invalidOptionText]: cardRule('option_list text missing or invalid'),
	[ERRCODE.tooManyJumps]: cardRule(`Invalid jump_list length (at most ${CARD_LIST_MAX.jumps})`),
	[ERRCODE.invalidQuestionKey]: cardRule('question_key missing or invalid'),
	[ERRCODE.invalidCardImage]: cardRule('card_image url missing or invalid'),
	[ERRCODE.invalidCardAction]: cardRule('card_action missing or invalid'),
	[ERRCODE.invalidSubmitKey]: cardRule('submit_button key missing or invalid'),
	[ERRCODE.invalidSelectListCount]: cardRule(`Invalid select_list length (1-${CARD_LIST_MAX.dropdowns})`),
	[ERRCODE.invalidSubmitText]: cardRule('submit_button text missing or invalid'),
	[ERRCODE.invalidMemberUserid]: cardRule('horizontal_content_list userid missing or invalid (member, type 3)'),
	[ERRCODE.duplicateMenuKey]: cardRule('Duplicate action_menu key'),
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
	// Uploads (https://developer.work.weixin.qq.com/document/path/90253, /90256, /99110).
	40004: {
		meaning: 'Invalid media file type',
		hint: 'Images must be JPG or PNG, videos MP4, voice AMR.',
		handling: 'input',
	},
	40005: {
		meaning: 'Invalid type parameter',
		hint: 'The upload type must be image, voice, video or file (group robots: file or voice).',
		handling: 'input',
	},
	40006: {
		meaning: 'Invalid file size',
		hint: 'Files must be larger than 5 bytes and within the limit of their type.',
		handling: 'input',
	},
	[ERRCODE.invalidMediaId]: {
		meaning: 'Invalid media_id',
		hint: "Upload the file again and use the new media_id: a media_id lives 3 days after the upload. An app card's attachment row (horizontal_content_list[].media_id) takes one from Upload File (media/upload) with Media Type File, an approval's File control (files[].file_id) one from Upload File of the same company; a group robot card only one from that robot's own Upload Media (type file).",
		handling: 'input',
	},
	40009: {
		meaning: 'Invalid image size',
		hint: 'An uploaded image must be 5 bytes to 2 MB.',
		handling: 'input',
	},
	44001: {
		meaning: 'Empty media file',
		hint: "The upload had no file in its 'media' part.",
		handling: 'input',
	},
	45001: {
		meaning: 'Media file size over the limit',
		hint: 'Images and videos up to 10 MB, voice up to 2 MB, files up to 20 MB.',
		handling: 'input',
	},
	301017: {
		meaning: 'Voice uploads must be AMR',
		hint: 'Convert the voice file to AMR (at most 2 MB, 60 seconds).',
		handling: 'input',
	},
	44004: {
		meaning: 'Message content is empty',
		hint: 'Fill in the message text.',
		handling: 'input',
	},
	45002: cardRule('Content too large', 'Shorten the message.'),
	[ERRCODE.apiFrequencyExceeded]: {
		meaning: 'API call frequency exceeded',
		hint: 'WeCom blocks the caller for 60 s after a minute-level overflow; the request is retried after a pause.',
		handling: 'retry',
	},
	45033: {
		meaning: 'API concurrency exceeded',
		hint: "Lower the node's concurrency; the request is retried with backoff.",
		handling: 'retry',
	},
	[ERRCODE.urlScheme]: cardRule('URL must start with http:// or https://'),
	45035: {
		meaning: 'Concurrent modification conflict',
		hint: 'Retry later.',
		handling: 'retry',
	},
	[ERRCODE.apiNotAllowed]: {
		meaning: 'API not permitted for this app',
		hint: 'Use the Secret of a self-built app, not the contacts-sync secret.',
		handling: 'config',
	},
	[ERRCODE.appDisabled]: {
		meaning: 'App disabled',
		hint: 'Enable the app in the admin console.',
		handling: 'config',
	},
	60011: {
		meaning: 'No privilege for this member, department or tag',
		hint: "The recipient is outside the app's visible range (Applications > your app > Visible to).",
		handling: 'config',
	},
	[ERRCODE.ipNotTrusted]: {
		meaning: 'Caller IP is not trusted',
		hint: "Add the IP quoted in the message to the app's trusted IPs (Applications > your app > Trusted IP, 企业可信IP); it takes about a minute to apply. If n8n has no fixed egress IP, route through a proxy with one and set the API Base URL accordingly.",
		handling: 'config',
	},
	[ERRCODE.responseCodeUsedOrExpired]: {
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
		hint: "None of the users, departments or tags exist or are inside the app's visible range.",
		handling: 'input',
	},
	82001: {
		meaning: 'Members, departments and tags are all empty',
		hint: 'Set at least one user, department or tag.',
		handling: 'input',
	},
	[ERRCODE.tooManyDepartments]: cardRule(
		`Too many departments (more than ${MAX_PARTIES_PER_SEND})`,
		`Send to at most ${MAX_PARTIES_PER_SEND} departments per call.`,
	),
	[ERRCODE.tooManyTags]: cardRule(
		`Too many tags (more than ${MAX_TAGS_PER_SEND})`,
		`Send to at most ${MAX_TAGS_PER_SEND} tags per call.`,
	),
	82004: cardRule('Content may crash the client', 'Remove unusual characters from the card.'),
	82101: {
		meaning: 'Update target is empty',
		hint: 'Name the users, departments or tags whose card to update, or update it for everyone (atall).',
		handling: 'input',
	},
	[ERRCODE.invalidRobotWebhook]: {
		meaning: 'Invalid webhook URL, or the robot was removed from the group',
		hint: "Copy the robot's webhook URL again from the group chat settings.",
		handling: 'permanent',
	},
	[ERRCODE.robotDisabled]: {
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
		hint: "Copy the robot's webhook address again from the group chat settings.",
		handling: 'permanent',
	},
	301002: {
		meaning: "The token's app has no right on this agentid",
		hint: 'The Agent ID must belong to the app whose Secret is in the credential.',
		handling: 'config',
	},
	// Approval API (https://developer.work.weixin.qq.com/document/path/91983 and its siblings).
	[APPROVAL_ERRCODE.invalidParameter]: {
		meaning: 'Approval API parameter error',
		hint: 'A value is empty or does not match the template (control id, type, option key, table row); compare with Get Approval Detail of an application made in the app.',
		handling: 'input',
	},
	[APPROVAL_ERRCODE.templateFetchFailed]: {
		meaning: 'Failed to read the approval template',
		hint: 'The template may not have been approved yet; check it in Admin console > Applications > Approval.',
		handling: 'input',
	},
	[APPROVAL_ERRCODE.noApprovalPermission]: {
		meaning: 'No permission on the approval app or its data',
		hint: 'Add this app under Admin console > Applications > Approval > API > "Apps that can call the API" (可调用接口的应用); Get Many Approvals also needs "API > Approval data permission". The applicant must be in the app\'s visible range, and a creator filter cannot name a member who left.',
		handling: 'config',
	},
	301056: {
		meaning: 'The approval app is disabled',
		hint: 'Enable the Approval app in the admin console.',
		handling: 'config',
	},
	301057: {
		meaning: 'Submitting the approval failed inside WeCom',
		hint: 'Try again later.',
		handling: 'input',
	},
	301079: {
		meaning: 'The leave or attendance time overlaps another application',
		hint: 'Change the dates of the Vacation or Attendance control.',
		handling: 'input',
	},
	[APPROVAL_ERRCODE.narrowTimeRange]: {
		meaning: 'Narrow the time range and retry',
		hint: 'Get Many Approvals asks again in halves of the range, down to an hour; use a shorter time range or more filters.',
		handling: 'input',
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
export const SECRET_REFUSED_ERRCODES: readonly number[] = [
	ERRCODE.invalidCorpId,
	ERRCODE.invalidSecret,
	ERRCODE.secretOfAnotherCorp,
	ERRCODE.missingCorpId,
	ERRCODE.missingSecret,
	ERRCODE.apiNotAllowed,
	ERRCODE.appDisabled,
	ERRCODE.ipNotTrusted,
];

export function describeErrcode(errcode: number): ErrcodeInfo {
	return (
		WECOM_ERRCODES[errcode] ?? {
			meaning: 'Unknown WeCom error',
			hint: `Look the code up at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`,
			handling: 'input',
		}
	);
}
