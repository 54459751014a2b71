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

/** A small static page without script; the CSP says so. */
function pageHtml(heading: string, detail: string): string {
	return [
		'<!DOCTYPE html>',
		'<html lang="en"><head><meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(heading)}</title>`,
		'<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2328}</style>',
		`</head><body><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(detail)}</p></body></html>`,
	].join('\n');
}

const PAGE_HEADERS = {
	'Content-Type': 'text/html; charset=utf-8',
	'Cache-Control': 'no-store',
	'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
	'X-Content-Type-Options': 'nosniff',
};

/**
 * Answers the browser WeCom opened right away, for a request that resumes nothing. Plain
 * Node calls (writeHead/end) work on n8n's Express response and on a bare ServerResponse alike.
 */
export function answerWithPage(ctx: IWebhookFunctions, status: number, heading: string, detail: string): void {
	const res = ctx.getResponseObject();
	if (res.headersSent) return;
	const html = pageHtml(heading, detail);
	res.writeHead(status, { ...PAGE_HEADERS, 'Content-Length': Buffer.byteLength(html, 'utf8') });
	res.end(html);
}

/**
 * The page for a request that resumes the execution, returned as webhookResponse: n8n sends it
 * (HTTP 200, responseMode onReceived) only once its resume of the execution went through, so a
 * browser never reads "recorded" for an answer n8n then refused. The headers are set now.
 */
export function pageAfterResume(ctx: IWebhookFunctions, heading: string, detail: string): string {
	const res = ctx.getResponseObject();
	for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
	return pageHtml(heading, detail);
}
