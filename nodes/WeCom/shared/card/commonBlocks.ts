import type { z } from 'zod';
import { TASK_ID_PATTERN } from './cardTypes';
import { block, choice, forbidden, freeText, list, report, text, unique, url } from './fields';
import { ERR, HORIZONTAL_TYPE_LABELS, KEY_MAX_BYTES, LINK_TYPE_LABELS, MSG } from './rules';

/** Blocks that several card types share (https://developer.work.weixin.qq.com/document/path/90236). */

export const linkType = () => choice([0, 1, 2], { labels: LINK_TYPE_LABELS }).optional();
export const linkUrl = () => url(ERR.url).optional();
export const appid = () => text({ errcode: ERR.appid }).optional();

interface Link {
	type?: number;
	url?: string;
	appid?: string;
}

/** quote_area, jump_list[], card_action, image_text_area: 1 opens a URL, 2 a mini-program. */
export function linkTarget(link: Link, ctx: z.RefinementCtx): void {
	if (link.type === 1 && link.url === undefined) {
		report(ctx, ERR.url, MSG.requiredWhenType(1, LINK_TYPE_LABELS), { path: ['url'] });
	}
	if (link.type === 2 && link.appid === undefined) {
		report(ctx, ERR.appid, MSG.requiredWhenType(2, LINK_TYPE_LABELS), { path: ['appid'] });
	}
}

export const key = (errcode: number) => text({ errcode, maxBytes: KEY_MAX_BYTES });

const DESC_COLOR_LABELS = { 0: 'grey', 1: 'black', 2: 'red', 3: 'green' };

/** `noDescColor`: why desc_color is refused, for card types whose table lacks it. */
export function sourceBlock(noDescColor?: string) {
	return block({
		icon_url: url().optional(),
		desc: freeText().optional(),
		desc_color:
			noDescColor === undefined
				? choice([0, 1, 2, 3], { labels: DESC_COLOR_LABELS }).optional()
				: forbidden(noDescColor),
	});
}

export function actionMenu() {
	const action = block({ text: text(), key: key(ERR.generic) });
	return block({
		desc: freeText().optional(),
		action_list: list(action, { min: 1, max: 3, noun: 'actions' }),
	}).superRefine((menu, ctx) => {
		const keys = menu.action_list.map((a, i) => ({
			value: a.key,
			path: ['action_list', i, 'key'],
		}));
		unique(keys, ctx, ERR.menuKeyConflict, 'key');
	});
}

export function taskId() {
	return text({ errcode: ERR.taskId }).superRefine((value, ctx) => {
		if (value !== '' && !TASK_ID_PATTERN.test(value)) report(ctx, ERR.taskId, MSG.taskIdFormat);
	});
}

export const titleAndDesc = () =>
	block({ title: freeText().optional(), desc: freeText().optional() });

export function quoteArea() {
	return block({
		type: linkType(),
		url: linkUrl(),
		appid: appid(),
		pagepath: freeText().optional(),
		title: freeText().optional(),
		quote_text: freeText().optional(),
	}).superRefine(linkTarget);
}

export function horizontalContentList() {
	const item = block({
		type: choice([0, 1, 2, 3], { labels: HORIZONTAL_TYPE_LABELS }).optional(),
		keyname: text({ errcode: ERR.horizontalKeyname }),
		value: freeText().optional(),
		url: linkUrl(),
		media_id: text({ errcode: ERR.mediaId }).optional(),
		userid: text({ errcode: ERR.userid }).optional(),
	}).superRefine((entry, ctx) => {
		const needs = (type: number, field: 'url' | 'media_id' | 'userid', errcode: number) => {
			if (entry.type === type && entry[field] === undefined) {
				report(ctx, errcode, MSG.requiredWhenType(type, HORIZONTAL_TYPE_LABELS), { path: [field] });
			}
		};
		needs(1, 'url', ERR.url);
		needs(2, 'media_id', ERR.mediaId);
		needs(3, 'userid', ERR.userid);
	});
	return list(item, { min: 0, max: 6, noun: 'items', errcode: ERR.horizontalCount });
}

export function jumpList() {
	const jump = block({
		type: linkType(),
		title: text({ errcode: ERR.title }),
		url: linkUrl(),
		appid: appid(),
		pagepath: freeText().optional(),
	}).superRefine(linkTarget);
	return list(jump, { min: 0, max: 3, noun: 'jumps', errcode: ERR.jumpCount });
}

/** Notices must open something (type 1 or 2); on button cards a click may do nothing (0). */
export function cardAction(cardType: 'notice' | 'button_interaction') {
	const type =
		cardType === 'notice'
			? choice([1, 2], { errcode: ERR.cardAction, labels: LINK_TYPE_LABELS })
			: choice([0, 1, 2], { errcode: ERR.cardAction, labels: LINK_TYPE_LABELS }).optional();
	return block(
		{ type, url: linkUrl(), appid: appid(), pagepath: freeText().optional() },
		ERR.cardAction,
	).superRefine(linkTarget);
}
