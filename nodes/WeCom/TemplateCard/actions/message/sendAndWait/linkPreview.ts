/**
 * Chat apps, mail and link scanners fetch a link to preview or check it; such a fetch must not
 * answer for a person. A person's browser (WeCom's in-app browser included) sends an agent that
 * starts with "Mozilla/"; HTTP libraries and most preview fetchers send their own name instead.
 */
const BROWSER_SHAPED = /^Mozilla\/\d/;

/**
 * Fetchers that look like a browser still name themselves: a product token ending in "bot"
 * followed by its version (Googlebot/2.1, Discordbot/2.0), an info URL (+https://...), a
 * spider, crawler or headless browser, or a preview fetcher's own name. A bare "bot" is not
 * enough: phone models such as "CUBOT X50" end in it, and their owners must be able to answer.
 */
const NAMES_A_FETCHER =
	/bot\/|https?:\/\/|spider|crawler|slurp|headless|preview|facebookexternalhit|facebot|telegrambot/i;

export function isLinkPreviewFetch(userAgent: string): boolean {
	return !BROWSER_SHAPED.test(userAgent) || NAMES_A_FETCHER.test(userAgent);
}
