import type { IWebhookFunctions } from 'n8n-workflow';

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * Answers the browser WeCom opened with a small static page. Plain Node calls (writeHead/end)
 * work on n8n's Express response and on a bare ServerResponse alike; the page has no script,
 * and the CSP says so.
 */
export function answerWithPage(ctx: IWebhookFunctions, status: number, heading: string, detail: string): void {
	const res = ctx.getResponseObject();
	if (res.headersSent) return;
	const html = [
		'<!DOCTYPE html>',
		'<html lang="en"><head><meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(heading)}</title>`,
		'<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2328}</style>',
		`</head><body><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(detail)}</p></body></html>`,
	].join('\n');
	res.writeHead(status, {
		'Content-Type': 'text/html; charset=utf-8',
		'Content-Length': Buffer.byteLength(html, 'utf8'),
		'Cache-Control': 'no-store',
		'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
		'X-Content-Type-Options': 'nosniff',
	});
	res.end(html);
}
