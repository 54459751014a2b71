/*
 * Which client carries a request whose token is in hand: kept-alive `fetch` (./keptAlive), or
 * n8n's request helper, which honours HTTP_PROXY / HTTPS_PROXY (often how a corp reaches WeCom
 * from the fixed IP WeCom trusts, errcode 60020) but opens a new connection per request.
 */
import { weComBaseUrl } from '../../shared/apiOrigin';
import { ERRCODE } from '../../shared/errorCodes';
import type { WeComApiContext } from './context';
import { sendAuthenticated, type Sender, type WeComCredentials } from './credentials';
import { sendKeptAlive } from './keptAlive';

/** The credential's Connections setting. */
export const CONNECTIONS = { keptAlive: 'keptAlive', n8nClient: 'n8nClient' } as const;

/**
 * Apps (API origin + corp) for which the kept-alive path was refused while n8n's client got
 * through: they stay on n8n's client until n8n restarts. Nothing secret is in the key.
 */
const onN8nClient = new Set<string>();

function routeOf(credentials: WeComCredentials): string {
	return `${weComBaseUrl(credentials)}\n${String(credentials.corpId ?? '')}`;
}

/** Failures that prove the request never left this machine's direct path. */
const DIRECT_PATH_UNREACHABLE = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'UND_ERR_CONNECT_TIMEOUT',
]);

function neverSent(error: unknown): boolean {
	const failure = error as { code?: string; cause?: { code?: string } } | undefined;
	return DIRECT_PATH_UNREACHABLE.has(failure?.cause?.code ?? failure?.code ?? '');
}

function errcodeOf(response: unknown): number | undefined {
	const errcode = (response as { errcode?: unknown } | null)?.errcode;
	return typeof errcode === 'number' ? errcode : undefined;
}

/** The sender for requests of this context. */
export function senderFor(ctx: WeComApiContext): Sender {
	return async (options, credentials) => {
		const route = routeOf(credentials);
		if (credentials.connections === CONNECTIONS.n8nClient || onN8nClient.has(route)) {
			return await sendAuthenticated(ctx, options, credentials);
		}
		const direct = await sendKeptAlive(ctx, options, credentials).then(
			(sent) => ({ sent }),
			(error: unknown) => ({ error }),
		);
		if ('sent' in direct && errcodeOf(direct.sent.response) !== ERRCODE.ipNotTrusted) return direct.sent;
		if ('error' in direct && !neverSent(direct.error)) throw direct.error;
		// WeCom refused this path (60020) or it leads nowhere: both mean nothing was delivered, so
		// n8n's client (and the proxy it may use) can carry the same request.
		const viaN8n = await sendAuthenticated(ctx, options, credentials).then(
			(sent) => ({ sent }),
			(error: unknown) => ({ error }),
		);
		if ('error' in viaN8n) {
			// Through n8n's client it may have been delivered: that is the outcome to report.
			if (!neverSent(viaN8n.error)) throw viaN8n.error;
			if ('error' in direct) throw direct.error;
			return direct.sent;
		}
		const errcode = errcodeOf(viaN8n.sent.response);
		if (errcode !== undefined && errcode !== ERRCODE.ipNotTrusted) onN8nClient.add(route);
		return viaN8n.sent;
	};
}
