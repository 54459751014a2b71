/**
 * HTTP entry of the page (wired in server.ts):
 *   GET /  and  GET /sandbox/ui   the page
 *   GET /sandbox/ui/view          the part the live refresh swaps (HTML)
 *   GET /sandbox/ui/version       {"version": "..."}: changes whenever the view would
 *   GET /sandbox/ui/approvals     the approval applications, with Approve / Reject buttons
 * All take ?user=<userid> | ?robot=1, plus ?static=1 (no polling) and ?images=1 (load card images).
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http';
import type { SandboxState } from '../state';
import { renderApprovalsPage } from './approvalsPage';
import { renderPage, renderView, viewVersion } from './page';
import { buildModel, readQuery } from './view';

export function isWebUiPath(pathname: string): boolean {
	return pathname === '/' || pathname === '/sandbox/ui' || pathname.startsWith('/sandbox/ui/');
}

function sendHtml(res: ServerResponse, body: string, nonce?: string): void {
	// Defence in depth next to escaping: only the page's own nonce-tagged script may run.
	const script = nonce ? `script-src 'nonce-${nonce}'` : "script-src 'none'";
	res.writeHead(200, {
		'Content-Type': 'text/html; charset=UTF-8',
		'Content-Length': Buffer.byteLength(body),
		'Cache-Control': 'no-store',
		'Content-Security-Policy': `default-src 'none'; ${script}; style-src 'unsafe-inline'; img-src 'self' data: http: https:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
		'X-Content-Type-Options': 'nosniff',
	});
	res.end(body);
}

export function serveWebUi(method: string, url: URL, state: SandboxState, res: ServerResponse): void {
	const { pathname, searchParams } = url;
	if (method !== 'GET' && method !== 'HEAD')
		return sendJson(res, 405, { ok: false, error: `${method} is not allowed on ${pathname}` });
	const query = readQuery(searchParams);
	switch (pathname) {
		case '/':
		case '/sandbox/ui':
		case '/sandbox/ui/': {
			const nonce = randomBytes(16).toString('base64');
			return sendHtml(res, renderPage(buildModel(state, query), query, nonce), nonce);
		}
		case '/sandbox/ui/view':
			return sendHtml(res, renderView(buildModel(state, query), query).value);
		case '/sandbox/ui/approvals': {
			const nonce = randomBytes(16).toString('base64');
			return sendHtml(res, renderApprovalsPage(state.approvals.list(), nonce), nonce);
		}
		case '/sandbox/ui/version': {
			const version = viewVersion(buildModel(state, query), query);
			return sendJson(res, 200, { version }, { 'Cache-Control': 'no-store' });
		}
		default:
			return sendJson(res, 404, { ok: false, error: `unknown sandbox page: ${pathname}` });
	}
}
