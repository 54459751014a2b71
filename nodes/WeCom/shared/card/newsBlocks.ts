import { ERRCODE } from '../errorCodes';
import { linkedBlock } from './commonBlocks';
import { ASPECT_RATIO_MAX, ASPECT_RATIO_MIN, CARD_LIST_MAX } from './limits';
import { MSG } from './messages';
import { block, freeText, list, numberBetween, text, url } from './schemaBuilders';

/** news_notice blocks (图文展示型 in https://developer.work.weixin.qq.com/document/path/90236). */

export function imageTextArea() {
	return linkedBlock({ title: freeText().optional(), desc: freeText().optional(), image_url: url() });
}

export function cardImage() {
	return block(
		{
			url: url(ERRCODE.invalidCardImage),
			aspect_ratio: numberBetween(ASPECT_RATIO_MIN, ASPECT_RATIO_MAX, MSG.aspectRatio).optional(),
		},
		ERRCODE.invalidCardImage,
	);
}

export function verticalContentList() {
	const item = block({ title: text({ errcode: ERRCODE.titleMissing }), desc: freeText().optional() });
	return list(item, {
		min: 0,
		max: CARD_LIST_MAX.verticalContent,
		noun: 'items',
		errcode: ERRCODE.tooManyVerticalItems,
	});
}
