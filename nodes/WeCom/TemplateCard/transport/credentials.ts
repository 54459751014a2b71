import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'weComApi';

/** Refresh a little before WeCom's expiry, so a request never races the deadline. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/**
 * A failed token request is answered from memory for this long: a wrong secret must not be
 * retried by every item (WeCom can block the IP for an hour), but a fix in the admin console
 * should be picked up soon after.
 */
const FAILURE_MEMORY_MS = 60 * 1000;

export type WeComCredentials = ICredentialDataDecryptedObject & {
	corpId: string;
	agentId: number;
	accessToken?: string;
	accessTokenExpiresAt?: number;
};

interface Refresh {
	staleToken: string;
	refreshed: Promise<WeComCredentials>;
	failedAt?: number;
}

/** The last token refresh per credential; items that hold the same stale token join it. */
const latestRefresh = new Map<string, Refresh>();

/** Keyed by what identifies the app, so editing the credential starts afresh. */
function refreshKey(ctx: IExecuteFunctions, credentials: WeComCredentials): string {
	const id = ctx.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? '';
	const app = createHash('sha256')
		.update([credentials.baseUrl, credentials.corpId, credentials.corpSecret, credentials.agentId].join('\n'))
		.digest('hex');
	return `${id}:${app}`;
}

/** True when the credential holds no token yet, or one about to expire. */
export function tokenNeedsRefresh(credentials: WeComCredentials, now = Date.now()): boolean {
	if (!credentials.accessToken) return true;
	const expiresAt = Number(credentials.accessTokenExpiresAt) || 0;
	return expiresAt > 0 && expiresAt - now < EXPIRY_MARGIN_MS;
}

/** Sends with exactly these credential values, so we know which token a failure belongs to. */
export async function sendAuthenticated(
	ctx: IExecuteFunctions,
	options: IHttpRequestOptions,
	credentials: WeComCredentials,
): Promise<unknown> {
	const reference = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
	return await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options, {
		credentialsDecrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: CREDENTIAL_TYPE,
			data: credentials,
		},
	});
}

/**
 * Sends with a fresh token. WeCom reports a bad token as HTTP 200 + errcode, which n8n never
 * treats as expired; handing n8n the credential with an empty token makes it run
 * preAuthentication and store the new token in the credential (read by every worker).
 * Items that hold the same stale token at the same time share that one refresh.
 */
export async function sendWithFreshToken(
	ctx: IExecuteFunctions,
	options: IHttpRequestOptions,
	stale: WeComCredentials,
): Promise<unknown> {
	const key = refreshKey(ctx, stale);
	const staleToken = String(stale.accessToken ?? '');
	const latest = latestRefresh.get(key);
	const failureIsRecent = latest?.failedAt !== undefined && Date.now() - latest.failedAt < FAILURE_MEMORY_MS;
	if (latest && latest.staleToken === staleToken && (latest.failedAt === undefined || failureIsRecent)) {
		return await sendAuthenticated(ctx, options, await latest.refreshed);
	}

	const refreshing: WeComCredentials = { ...stale, accessToken: '' };
	const response = sendAuthenticated(ctx, options, refreshing);
	// n8n writes the new token into the object it was given: once it is there, the refresh
	// succeeded, whatever happened to the request that carried it.
	const refresh: Refresh = {
		staleToken,
		refreshed: response.then(
			() => refreshing,
			(error: unknown) => {
				if (refreshing.accessToken) return refreshing;
				refresh.failedAt = Date.now();
				throw error;
			},
		),
	};
	refresh.refreshed.catch(() => undefined);
	latestRefresh.set(key, refresh);
	return await response;
}
