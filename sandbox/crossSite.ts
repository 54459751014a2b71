/**
 * Keeps web pages on other sites away from the sandbox's own control API and page (the /cgi-bin/
 * API is left alone: only servers call it, and real WeCom checks none of this). Without it a page
 * the developer happens to open could repoint the callback URL and read the demo Token and
 * EncodingAESKey back.
 * - Host must be a loopback name with the sandbox's port: a DNS-rebinding page reaches the
 *   sandbox under its own host name.
 * - An Origin header, when present, must be the sandbox's own origin.
 * - Anything but GET/HEAD must be sent as Content-Type: application/json, which a cross-site form
 *   cannot send and a cross-site fetch can only send after a CORS preflight the sandbox never
 *   approves.
 */
import type { IncomingMessage } from 'node:http';

export interface CrossSiteRefusal {
	status: 403 | 421;
	error: string;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** The Host values that name this sandbox: loopback names, and the bound address if it is a specific one. */
export function ownHosts(bindHost: string, port: number): ReadonlySet<string> {
	const names = ['127.0.0.1', 'localhost', '[::1]'];
	if (!WILDCARD_HOSTS.has(bindHost)) names.push(bindHost.includes(':') ? `[${bindHost}]` : bindHost);
	return new Set(names.map((name) => `${name.toLowerCase()}:${port}`));
}

export function refuseCrossSite(req: IncomingMessage, hosts: ReadonlySet<string>): CrossSiteRefusal | undefined {
	const host = (req.headers.host ?? '').toLowerCase();
	if (!hosts.has(host))
		return { status: 421, error: `Host ${host || '(none)'} is not this sandbox; use ${[...hosts][0]}` };
	const origin = req.headers.origin;
	const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
	if (origin !== undefined && origin.toLowerCase() !== `${scheme}://${host}`)
		return { status: 403, error: `cross-site request from ${origin} refused` };
	const method = req.method ?? 'GET';
	const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	if (method !== 'GET' && method !== 'HEAD' && mediaType !== 'application/json')
		return { status: 403, error: `${method} needs Content-Type: application/json` };
	return undefined;
}
