import { appid, linkTarget, linkType, linkUrl } from './commonBlocks';
import { block, freeText, list, numberBetween, text, url } from './fields';
import { ASPECT_RATIO_MAX, ASPECT_RATIO_MIN, ERR, MSG } from './rules';

/** news_notice blocks (图文展示型 in https://developer.work.weixin.qq.com/document/path/90236). */

export function imageTextArea() {
	return block({
		type: linkType(),
		url: linkUrl(),
		appid: appid(),
		pagepath: freeText().optional(),
		title: freeText().optional(),
		desc: freeText().optional(),
		image_url: url(),
	}).superRefine(linkTarget);
}

export function cardImage() {
	return block(
		{
			url: url(ERR.cardImageUrl),
			aspect_ratio: numberBetween(ASPECT_RATIO_MIN, ASPECT_RATIO_MAX, MSG.aspectRatio).optional(),
		},
		ERR.cardImageUrl,
	);
}

export function verticalContentList() {
	const item = block({ title: text({ errcode: ERR.title }), desc: freeText().optional() });
	return list(item, { min: 0, max: 4, noun: 'items', errcode: ERR.verticalCount });
}
