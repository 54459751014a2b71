/**
 * What the network does to an answer when a fault fires: the answers a gateway, a captive portal
 * or a broken proxy give instead of (or on top of) WeCom's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendGatewayError } from './http';
import type { ActiveFault } from './types';

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
	res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
	res.end(body);
}

/** A login page as a captive portal or a filtering gateway shows it, with HTTP 200. */
const PORTAL_PAGE =
	'<!DOCTYPE html><html><head><title>Network login</title></head><body>' +
	'<h1>Please log in to continue</h1><form method="post" action="/login">' +
	'<input name="user"><input name="password" type="password"><button>Log in</button></form>' +
	'</body></html>';

/**
 * Answers for faults that stop the call before WeCom handles it. Returns false when the call
 * goes on to be handled (no fault, or one that spoils the answer afterwards).
 */
export function answerUnhandled(
	fault: ActiveFault | undefined,
	http: { req: IncomingMessage; res: ServerResponse },
	url: URL,
): boolean {
	switch (fault?.kind) {
		case 'dropBeforeAccept':
			http.req.socket.destroy();
			return true;
		case 'http5xx':
			sendGatewayError(http.res, fault.status ?? 503);
			return true;
		case 'html200':
			send(http.res, 200, { 'Content-Type': 'text/html; charset=UTF-8' }, PORTAL_PAGE);
			return true;
		case 'redirect': {
			// The other host gets the same path and query: the access_token or the secret with it.
			const location = `${new URL(fault.location ?? '').origin}${url.pathname}${url.search}`;
			const status = fault.status ?? 302;
			send(
				http.res,
				status,
				{ Location: location, 'Content-Type': 'text/html' },
				`<html><body>${status}</body></html>`,
			);
			return true;
		}
		case 'emptyBody':
			if (fault.handled) return false;
			send(http.res, 200, { 'Content-Type': 'application/json; charset=UTF-8' }, '');
			return true;
		default:
			return false;
	}
}

/**
 * Spoils the answer of a handled call: a dropped connection, an empty or a cut body. Returns
 * false when the answer goes out as it is.
 */
export function spoilAnswer(
	fault: ActiveFault | undefined,
	http: { req: IncomingMessage; res: ServerResponse },
	answer: unknown,
): boolean {
	switch (fault?.kind) {
		case 'dropAfterAccept':
			http.req.socket.destroy();
			return true;
		case 'emptyBody':
			send(http.res, 200, { 'Content-Type': 'application/json; charset=UTF-8' }, '');
			return true;
		case 'truncatedBody': {
			// A complete HTTP response whose JSON stops half way, as a proxy that cut it would send.
			const text = JSON.stringify(answer);
			send(
				http.res,
				200,
				{ 'Content-Type': 'application/json; charset=UTF-8' },
				text.slice(0, Math.floor(text.length / 2)),
			);
			return true;
		}
		default:
			return false;
	}
}
