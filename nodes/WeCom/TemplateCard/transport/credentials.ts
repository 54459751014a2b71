import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'weComApi';

/** Refresh a little before WeCom's expiry, so a request never races the deadline. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export type WeComCredentials = ICredentialDataDecryptedObject & {
	corpId: string;
	agentId: number;
	accessToken?: string;
	accessTokenExpiresAt?: number;
};

/** The last refresh per credential: items that failed with the same stale token join it. */
const latestRefresh = new Map<string, { staleToken: string; refreshed: Promise<WeComCredentials> }>();

function credentialKey(ctx: IExecuteFunctions, credentials: WeComCredentials): string {
	return ctx.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? `${credentials.corpId}/${credentials.agentId}`;
}

export function tokenIsAboutToExpire(credentials: WeComCredentials, now = Date.now()): boolean {
	const expiresAt = Number(credentials.accessTokenExpiresAt) || 0;
	return Boolean(credentials.accessToken) && expiresAt > 0 && expiresAt - now < EXPIRY_MARGIN_MS;
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
 * Re-sends with a fresh token. WeCom reports a bad token as HTTP 200 + errcode, which n8n
 * never treats as expired; handing n8n the credential with an empty token makes it run
 * preAuthentication and store the new token in the credential (shared by every worker).
 * Items that fail with the same stale token at the same time share that one refresh.
 */
export async function sendWithFreshToken(
	ctx: IExecuteFunctions,
	options: IHttpRequestOptions,
	stale: WeComCredentials,
): Promise<unknown> {
	const key = credentialKey(ctx, stale);
	const staleToken = String(stale.accessToken ?? '');
	const running = latestRefresh.get(key);
	if (running && running.staleToken === staleToken) {
		return await sendAuthenticated(ctx, options, await running.refreshed);
	}

	const refreshing: WeComCredentials = { ...stale, accessToken: '' };
	const response = sendAuthenticated(ctx, options, refreshing);
	// n8n writes the new token into the object it was given: once it is there, the refresh
	// succeeded, whatever happened to the request that carried it.
	const refreshed = response.then(
		() => refreshing,
		(error: unknown) => {
			if (refreshing.accessToken) return refreshing;
			throw error;
		},
	);
	// A failed refresh must not be replayed to later executions (the user may fix the secret).
	refreshed.catch(() => {
		if (latestRefresh.get(key)?.refreshed === refreshed) latestRefresh.delete(key);
	});
	latestRefresh.set(key, { staleToken, refreshed });
	return await response;
}
