import { int, str } from './read';
import type { Fields } from './read';
import { markup } from './html';
import type { SafeHtml } from './html';

/**
 * Where a link-like block would take the user. The page never navigates: it shows this text
 * (a click is a debugging aid, leaving the sandbox would lose the view).
 */
export function linkTarget(block: Fields): string | undefined {
	switch (int(block.type)) {
		case 1:
			return `Opens ${str(block.url) ?? '(no url)'}`;
		case 2: {
			const page = str(block.pagepath);
			return `Opens mini program ${str(block.appid) ?? '(no appid)'}${page ? ` at ${page}` : ''}`;
		}
		default:
			return undefined;
	}
}

/** Attributes that make an element show its target when clicked (see client.ts). */
export function targetAttrs(target: string | undefined): SafeHtml {
	return target ? markup` data-open="${target}" title="${target}"` : markup``;
}

/** Only http(s) images are ever loaded, and only with ?images=1 (default: offline placeholders). */
export function loadableImage(url: string | undefined, showImages: boolean): string | undefined {
	return showImages && url && /^https?:\/\//i.test(url) ? url : undefined;
}
