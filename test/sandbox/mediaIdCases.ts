/**
 * Who may use a media_id, and for how long, transcribed from WeCom's pages (not from the sandbox):
 * - 全局错误码 (https://developer.work.weixin.qq.com/document/path/90313): 40007 不合法的media_id,
 *   for a media_id of the wrong source or expired (3 days), in media/get, File controls and template_card.
 * - 上传临时素材 (/90253): a media/upload media_id is valid 3 days, shared by the apps of the corp.
 * - 群机器人配置说明 (/99110): an upload_media media_id is valid 3 days and
 *   "只能是对应上传文件的消息推送可以使用" (only the robot that uploaded it can send it); a card's
 *   attachment row takes the robot's own upload.
 * - 提交审批申请 (/91853): a File control's file_id is a media_id from media/upload.
 */

const DAY_MS = 24 * 3600 * 1000;

/** Who uploaded the file: the demo app, the demo robot, or nobody (an id the sandbox never issued). */
export type MediaUploader = 'app' | 'robot' | 'nobody';

/** Where the media_id is used. */
export type MediaUse =
	| 'app card' // message/send, horizontal_content_list type 2
	| 'app card update' // update_template_card with a whole card
	| 'robot card' // the same robot's webhook/send
	| 'other robot card' // another robot's webhook/send
	| 'approval File control'; // applyevent

export interface MediaIdCase {
	name: string;
	uploadedBy: MediaUploader;
	/** How long after the upload it is used. */
	ageMs: number;
	usedBy: MediaUse;
	errcode: 0 | 40007;
}

const JUST_IN_TIME = 3 * DAY_MS - 60_000;
const TOO_LATE = 3 * DAY_MS + 60_000;

export const MEDIA_ID_CASES: readonly MediaIdCase[] = [
	{ name: 'an app upload in an app card', uploadedBy: 'app', ageMs: 0, usedBy: 'app card', errcode: 0 },
	{
		name: 'an app upload a minute before its 3 days end',
		uploadedBy: 'app',
		ageMs: JUST_IN_TIME,
		usedBy: 'app card',
		errcode: 0,
	},
	{ name: 'an app upload after its 3 days', uploadedBy: 'app', ageMs: TOO_LATE, usedBy: 'app card', errcode: 40007 },
	{ name: 'an id never issued in an app card', uploadedBy: 'nobody', ageMs: 0, usedBy: 'app card', errcode: 40007 },
	{ name: "a robot's upload in an app card", uploadedBy: 'robot', ageMs: 0, usedBy: 'app card', errcode: 40007 },
	{ name: 'an app upload in a card update', uploadedBy: 'app', ageMs: 0, usedBy: 'app card update', errcode: 0 },
	{
		name: 'an id never issued in a card update',
		uploadedBy: 'nobody',
		ageMs: 0,
		usedBy: 'app card update',
		errcode: 40007,
	},
	{ name: "a robot's upload in its own card", uploadedBy: 'robot', ageMs: 0, usedBy: 'robot card', errcode: 0 },
	{
		name: "a robot's upload after its 3 days",
		uploadedBy: 'robot',
		ageMs: TOO_LATE,
		usedBy: 'robot card',
		errcode: 40007,
	},
	{
		name: "a robot's upload in another robot's card",
		uploadedBy: 'robot',
		ageMs: 0,
		usedBy: 'other robot card',
		errcode: 40007,
	},
	{ name: "an app upload in a robot's card", uploadedBy: 'app', ageMs: 0, usedBy: 'robot card', errcode: 40007 },
	{ name: 'an id never issued in a robot card', uploadedBy: 'nobody', ageMs: 0, usedBy: 'robot card', errcode: 40007 },
	{
		name: 'an app upload in a File control',
		uploadedBy: 'app',
		ageMs: JUST_IN_TIME,
		usedBy: 'approval File control',
		errcode: 0,
	},
	{
		name: 'an app upload after its 3 days in a File control',
		uploadedBy: 'app',
		ageMs: TOO_LATE,
		usedBy: 'approval File control',
		errcode: 40007,
	},
	{
		name: 'an id never issued in a File control',
		uploadedBy: 'nobody',
		ageMs: 0,
		usedBy: 'approval File control',
		errcode: 40007,
	},
	{
		name: "a robot's upload in a File control",
		uploadedBy: 'robot',
		ageMs: 0,
		usedBy: 'approval File control',
		errcode: 40007,
	},
];
