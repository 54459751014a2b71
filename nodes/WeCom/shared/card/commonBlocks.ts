import type { z } from 'zod';
import { ERRCODE } from '../errorCodes';
import {
	DESC_COLOR,
	DESC_COLOR_LABELS,
	HORIZONTAL_TYPE,
	HORIZONTAL_TYPE_LABELS,
	LINK_TYPE,
	LINK_TYPE_LABELS,
	NOTICE_CARD_ACTION_TYPES,
} from './enums';
import { CARD_LIST_MAX, KEY_MAX_BYTES, TASK_ID_PATTERN } from './limits';
import { MSG } from './messages';
import { block, choice, forbidden, freeText, list, report, text, unique, url } from './schemaBuilders';

/** Blocks that several card types share (https://developer.work.weixin.qq.com/document/path/90236). */

const linkType = () => choice(Object.values(LINK_TYPE), { labels: LINK_TYPE_LABELS }).optional();
export const linkUrl = () => url(ERRCODE.urlMissing).optional();

/** Where a link leads; which of them is needed depends on the block's `type` (see linkTarget). */
const linkTargetFields = () => ({
	url: linkUrl(),
	appid: text({ errcode: ERRCODE.appidMissing }).optional(),
	pagepath: freeText().optional(),
});

interface Link {
	type?: number;
	url?: string;
	appid?: string;
}

/** quote_area, jump_list[], card_action, image_text_area: 1 opens a URL, 2 a mini-program. */
function linkTarget(link: Link, ctx: z.RefinementCtx): void {
	if (link.type === LINK_TYPE.url && link.url === undefined) {
		report(ctx, ERRCODE.urlMissing, MSG.requiredWhenType(LINK_TYPE.url, LINK_TYPE_LABELS), { path: ['url'] });
	}
	if (link.type === LINK_TYPE.miniProgram && link.appid === undefined) {
		report(ctx, ERRCODE.appidMissing, MSG.requiredWhenType(LINK_TYPE.miniProgram, LINK_TYPE_LABELS), {
			path: ['appid'],
		});
	}
}

export const key = (errcode: number) => text({ errcode, maxBytes: KEY_MAX_BYTES });

/** `noDescColor`: why desc_color is refused, for card types whose table lacks it. */
export function sourceBlock(noDescColor?: string) {
	return block({
		icon_url: url().optional(),
		desc: freeText().optional(),
		desc_color:
			noDescColor === undefined
				? choice(Object.values(DESC_COLOR), { labels: DESC_COLOR_LABELS }).optional()
				: forbidden(noDescColor),
	});
}

export function actionMenu() {
	const action = block({ text: text(), key: key(ERRCODE.invalidParameter) });
	return block({
		desc: freeText().optional(),
		action_list: list(action, { min: 1, max: CARD_LIST_MAX.menuActions, noun: 'actions' }),
	}).superRefine((menu, ctx) => {
		const keys = menu.action_list.map((a, i) => ({
			value: a.key,
			path: ['action_list', i, 'key'],
		}));
		unique(keys, ctx, ERRCODE.duplicateMenuKey, 'key');
	});
}

export function taskId() {
	const format = { pattern: TASK_ID_PATTERN, errcode: ERRCODE.invalidTaskId, message: MSG.taskIdFormat };
	return text({ errcode: ERRCODE.invalidTaskId, format });
}

export const titleAndDesc = () => block({ title: freeText().optional(), desc: freeText().optional() });

/** A block whose tap opens what its `type` says, followed by its own fields. */
export function linkedBlock<S extends z.ZodRawShape>(ownFields: S) {
	return block({ type: linkType(), ...linkTargetFields(), ...ownFields }).superRefine(linkTarget);
}

export function quoteArea() {
	return linkedBlock({ title: freeText().optional(), quote_text: freeText().optional() });
}

export function horizontalContentList() {
	const item = block({
		type: choice(Object.values(HORIZONTAL_TYPE), { labels: HORIZONTAL_TYPE_LABELS }).optional(),
		keyname: text({ errcode: ERRCODE.keynameMissing }),
		value: freeText().optional(),
		url: linkUrl(),
		media_id: text({ errcode: ERRCODE.mediaIdMissing }).optional(),
		userid: text({ errcode: ERRCODE.invalidMemberUserid }).optional(),
	}).superRefine((entry, ctx) => {
		const needs = (type: number, field: 'url' | 'media_id' | 'userid', errcode: number) => {
			if (entry.type === type && entry[field] === undefined) {
				report(ctx, errcode, MSG.requiredWhenType(type, HORIZONTAL_TYPE_LABELS), { path: [field] });
			}
		};
		needs(HORIZONTAL_TYPE.url, 'url', ERRCODE.urlMissing);
		needs(HORIZONTAL_TYPE.attachment, 'media_id', ERRCODE.mediaIdMissing);
		needs(HORIZONTAL_TYPE.member, 'userid', ERRCODE.invalidMemberUserid);
	});
	return list(item, {
		min: 0,
		max: CARD_LIST_MAX.horizontalContent,
		noun: 'items',
		errcode: ERRCODE.tooManyHorizontalItems,
	});
}

export function jumpList() {
	const jump = block({
		type: linkType(),
		title: text({ errcode: ERRCODE.titleMissing }),
		...linkTargetFields(),
	}).superRefine(linkTarget);
	return list(jump, { min: 0, max: CARD_LIST_MAX.jumps, noun: 'jumps', errcode: ERRCODE.tooManyJumps });
}

/** Notices must open something (type 1 or 2); on button cards a click may do nothing (0). */
export function cardAction(cardType: 'notice' | 'button_interaction') {
	const rule = { errcode: ERRCODE.invalidCardAction, labels: LINK_TYPE_LABELS };
	const type =
		cardType === 'notice' ? choice(NOTICE_CARD_ACTION_TYPES, rule) : choice(Object.values(LINK_TYPE), rule).optional();
	return block({ type, ...linkTargetFields() }, ERRCODE.invalidCardAction).superRefine(linkTarget);
}
