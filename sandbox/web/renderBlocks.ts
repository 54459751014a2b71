/**
 * The display blocks of a template card, each laid out as the WeCom client shows it. Every
 * renderer returns nothing when its block is absent, so a card renders exactly what it holds.
 */
import { markup } from './html';
import type { SafeHtml } from './html';
import { int, list, obj, str } from './read';
import type { Fields } from './read';
import { linkTarget, loadableImage, targetAttrs } from './targets';

export interface RenderOptions {
	/** Load card images from their URLs (?images=1); default draws offline placeholders. */
	showImages: boolean;
}

const nothing = markup``;
const SOURCE_COLOURS = ['grey', 'black', 'red', 'green'];

export function renderSource(card: Fields, options: RenderOptions): SafeHtml {
	const source = obj(card.source);
	if (!source) return nothing;
	const desc = str(source.desc) ?? '';
	const iconUrl = str(source.icon_url);
	const colour = SOURCE_COLOURS[int(source.desc_color)] ?? 'grey';
	const image = loadableImage(iconUrl, options.showImages);
	const letter = [...desc][0] ?? '•';
	const icon = image
		? markup`<img class="src-icon" src="${image}" alt="">`
		: iconUrl
			? markup`<span class="src-icon placeholder" title="${iconUrl}">${letter}</span>`
			: nothing;
	return markup`<div class="src">${icon}<span class="src-desc ${colour}">${desc}</span></div>`;
}

export function renderMainTitle(card: Fields): SafeHtml {
	const main = obj(card.main_title);
	const title = str(main?.title);
	const desc = str(main?.desc);
	if (!title && !desc) return nothing;
	const titleLine = title ? markup`<div class="title">${title}</div>` : nothing;
	const descLine = desc ? markup`<div class="title-desc">${desc}</div>` : nothing;
	return markup`<div class="main-title">${titleLine}${descLine}</div>`;
}

export function renderEmphasis(card: Fields): SafeHtml {
	const emphasis = obj(card.emphasis_content);
	if (!emphasis) return nothing;
	const title = str(emphasis.title) ?? '';
	const desc = str(emphasis.desc) ?? '';
	return markup`<div class="emphasis"><div class="emphasis-title">${title}</div><div class="emphasis-desc">${desc}</div></div>`;
}

export function renderQuote(card: Fields): SafeHtml {
	const quote = obj(card.quote_area);
	if (!quote) return nothing;
	const title = str(quote.title);
	const target = linkTarget(quote);
	const titleLine = title ? markup`<div class="quote-title">${title}</div>` : nothing;
	return markup`<div class="quote${target ? ' link' : ''}"${targetAttrs(target)}>${titleLine}<div class="quote-text">${
		str(quote.quote_text) ?? ''
	}</div></div>`;
}

export function renderSubTitle(card: Fields): SafeHtml {
	const text = str(card.sub_title_text);
	return text ? markup`<div class="sub-title">${text}</div>` : nothing;
}

/** Value cell of a key/value row: plain text, link, attachment or member, as WeCom styles them. */
function horizontalValue(item: Fields): SafeHtml {
	const value = str(item.value) ?? '';
	switch (int(item.type)) {
		case 1:
			return markup`<dd class="kv-link"${targetAttrs(linkTarget(item))}>${value}</dd>`;
		case 2: {
			const target = `Downloads attachment media_id ${str(item.media_id) ?? '(none)'}`;
			return markup`<dd class="kv-file"${targetAttrs(target)}><span class="file-icon" aria-hidden="true"></span>${value}</dd>`;
		}
		case 3: {
			const userid = str(item.userid) ?? '';
			const target = `Opens the profile of ${userid}`;
			return markup`<dd class="kv-member"${targetAttrs(target)}>${value || userid}</dd>`;
		}
		default:
			return markup`<dd>${value}</dd>`;
	}
}

export function renderHorizontalList(card: Fields): SafeHtml {
	const items = list(card.horizontal_content_list);
	if (items.length === 0) return nothing;
	const rows = items.map(
		(item) => markup`<div class="kv-row"><dt>${str(item.keyname) ?? ''}</dt>${horizontalValue(item)}</div>`,
	);
	return markup`<dl class="kv">${rows}</dl>`;
}

export function renderJumpList(card: Fields): SafeHtml {
	const items = list(card.jump_list);
	if (items.length === 0) return nothing;
	const rows = items.map((item) => {
		const target = linkTarget(item);
		return markup`<div class="jump${target ? ' link' : ''}"${targetAttrs(target)}>${str(item.title) ?? ''}</div>`;
	});
	return markup`<div class="jumps">${rows}</div>`;
}

/** A picture, or (offline, the default) a placeholder showing the image URL. */
function picture(url: string | undefined, className: string, options: RenderOptions): SafeHtml {
	const image = loadableImage(url, options.showImages);
	return image
		? markup`<img class="${className}" src="${image}" alt="">`
		: markup`<div class="${className} placeholder" title="${url ?? ''}"><span>${url ?? 'image'}</span></div>`;
}

/** aspect_ratio is width / height; WeCom accepts 1.3 to 2.25 and defaults to 1.3. */
function aspectRatio(value: unknown): number {
	const ratio = typeof value === 'number' && Number.isFinite(value) ? value : 1.3;
	return Math.min(2.25, Math.max(1.3, ratio));
}

export function renderCardImage(card: Fields, options: RenderOptions): SafeHtml {
	const image = obj(card.card_image);
	if (!image) return nothing;
	const ratio = aspectRatio(image.aspect_ratio);
	return markup`<div class="card-image" style="aspect-ratio: ${ratio}">${picture(
		str(image.url),
		'card-image-pic',
		options,
	)}</div>`;
}

export function renderImageTextArea(card: Fields, options: RenderOptions): SafeHtml {
	const area = obj(card.image_text_area);
	if (!area) return nothing;
	const target = linkTarget(area);
	const title = str(area.title);
	const desc = str(area.desc);
	const titleLine = title ? markup`<div class="image-text-title">${title}</div>` : nothing;
	const descLine = desc ? markup`<div class="image-text-desc">${desc}</div>` : nothing;
	const image = picture(str(area.image_url), 'image-text-pic', options);
	return markup`<div class="image-text${target ? ' link' : ''}"${targetAttrs(target)}>${image}<div class="image-text-body">${titleLine}${descLine}</div></div>`;
}

export function renderVerticalList(card: Fields): SafeHtml {
	const items = list(card.vertical_content_list);
	if (items.length === 0) return nothing;
	const rows = items.map((item) => {
		const desc = str(item.desc);
		const descLine = desc ? markup`<div class="vertical-desc">${desc}</div>` : nothing;
		return markup`<div class="vertical-item"><div class="vertical-title">${str(item.title) ?? ''}</div>${descLine}</div>`;
	});
	return markup`<div class="vertical">${rows}</div>`;
}

/** The whole-card click: WeCom shows it as a "details" row at the bottom of the card. */
export function renderCardAction(card: Fields): SafeHtml {
	const action = obj(card.card_action);
	const target = action && linkTarget(action);
	if (!target) return nothing;
	return markup`<div class="card-action link"${targetAttrs(target)}>View details</div>`;
}
