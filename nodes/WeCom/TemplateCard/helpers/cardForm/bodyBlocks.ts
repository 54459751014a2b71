import { FORM_DEFAULTS, NOTICE_TYPES } from '../../descriptions/card/layout';
import { entries, entry, link, selector, type FormBlock } from './formValues';
import { LINK_TYPE } from '../../../shared/card';
import { imageUrlOrBinary, mediaIdOrBinary } from './binaryMedia';

/** The blocks between the title and the buttons: quotes, texts, images, rows, links, the card click. */

const quoteArea: FormBlock = {
	field: 'quote_area',
	label: 'Quote Area',
	map: (form) => {
		const quote = form.has('quoteArea') ? entry(form.additionalBlocks.quoteArea, 'quote') : undefined;
		if (!quote) return undefined;
		return { ...link(quote, FORM_DEFAULTS.linkType), title: quote.title, quote_text: quote.quote_text };
	},
};

const emphasisContent: FormBlock = {
	field: 'emphasis_content',
	label: 'Emphasis Content',
	map: (form) => {
		const emphasis = form.has('emphasisContent') ? entry(form.additionalBlocks.emphasisContent, 'content') : undefined;
		return emphasis && { title: emphasis.title, desc: emphasis.desc };
	},
};

const subTitleText: FormBlock = {
	field: 'sub_title_text',
	label: 'Body Text',
	map: (form) => (form.has('subTitleText') ? form.param('subTitleText', '') : undefined),
};

const imageTextArea: FormBlock = {
	field: 'image_text_area',
	label: 'Image Text Area',
	map: (form) => {
		const area = form.has('newsImages') ? entry(form.param('imageTextArea', {}), 'area') : undefined;
		if (!area) return undefined;
		return {
			...link(area, FORM_DEFAULTS.linkType),
			title: area.title,
			desc: area.desc,
			image_url: imageUrlOrBinary(area.image_url, area.imageBinaryField),
		};
	},
};

/** An aspect ratio of 0 means "not set": WeCom's default applies. */
const cardImage: FormBlock = {
	field: 'card_image',
	label: 'Card Image',
	map: (form) => {
		const image = form.has('newsImages') ? entry(form.param('cardImage', {}), 'image') : undefined;
		if (!image) return undefined;
		const aspectRatio = selector(image.aspect_ratio, 0);
		return {
			url: imageUrlOrBinary(image.url, image.imageBinaryField),
			aspect_ratio: aspectRatio === 0 ? undefined : aspectRatio,
		};
	},
};

const verticalContentList: FormBlock = {
	field: 'vertical_content_list',
	label: 'Text Rows',
	map: (form) => {
		if (!form.has('verticalContentList')) return undefined;
		return entries(form.param('verticalContentList', {}), 'items').map((row) => ({ title: row.title, desc: row.desc }));
	},
};

/** Each row keeps only the target of its type: url, media_id or userid. */
const horizontalContentList: FormBlock = {
	field: 'horizontal_content_list',
	label: 'Key/Value Rows',
	map: (form) => {
		if (!form.has('horizontalContentList')) return undefined;
		return entries(form.param('horizontalContentList', {}), 'items').map((row) => {
			const rowType = selector(row.type, FORM_DEFAULTS.horizontalType);
			return {
				type: rowType,
				keyname: row.keyname,
				value: row.value,
				url: rowType === 1 ? row.url : undefined,
				media_id: rowType === 2 ? mediaIdOrBinary(row.media_id, row.fileBinaryField) : undefined,
				userid: rowType === 3 ? row.userid : undefined,
			};
		});
	},
};

const jumpList: FormBlock = {
	field: 'jump_list',
	label: 'Jump Links',
	map: (form) => {
		if (!form.has('jumpList')) return undefined;
		return entries(form.param('jumpList', {}), 'items').map((jump) => {
			const { type, ...target } = link(jump, FORM_DEFAULTS.jumpType);
			return { type, title: jump.title, ...target };
		});
	},
};

/** "None" on a button card means no card_action at all; notices offer no "None". */
const cardAction: FormBlock = {
	field: 'card_action',
	label: 'Card Click Opens',
	map: (form) => {
		if (!form.has('cardAction')) return undefined;
		const isNotice = (NOTICE_TYPES as readonly string[]).includes(form.cardType);
		const fallback = isNotice ? FORM_DEFAULTS.noticeCardActionType : FORM_DEFAULTS.buttonCardActionType;
		const action = link(
			{
				type: form.param('cardActionType', fallback),
				url: form.param('cardActionUrl', ''),
				appid: form.param('cardActionAppid', ''),
				pagepath: form.param('cardActionPagepath', ''),
			},
			fallback,
		);
		return isNotice || action.type !== LINK_TYPE.none ? action : undefined;
	},
};

export const bodyBlocks: readonly FormBlock[] = [
	quoteArea,
	emphasisContent,
	subTitleText,
	imageTextArea,
	cardImage,
	verticalContentList,
	horizontalContentList,
	jumpList,
	cardAction,
];
