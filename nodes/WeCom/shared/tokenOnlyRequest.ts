/**
 * How the node has n8n obtain a token the credential's way (preAuthentication, stored for every
 * process) without a request going anywhere. n8n's httpRequestWithAuthentication always sends a
 * request once it has run preAuthentication and authenticate (1.x and 2.x alike): the node marks
 * that request with this header, and the credential's authenticate ends it there, after n8n has
 * stored the token and assigned it onto the credentials object. A new connection of n8n's client
 * per token lifetime, for a request whose answer nobody reads, is spared.
 */
export const TOKEN_ONLY_HEADER = 'x-wecom-card-token-only';

export function isTokenOnlyRequest(headers: unknown): boolean {
	return typeof headers === 'object' && headers !== null && TOKEN_ONLY_HEADER in headers;
}

/** What the credential's authenticate throws for a token-only request: it is never sent. */
export class TokenOnlyRequestEnded extends Error {
	constructor(tokenInHand: boolean) {
		super(
			tokenInHand
				? 'The access token is stored; the request that asked n8n for it is not sent'
				: 'n8n did not obtain a WeCom access token (the credential did not run its token request)',
		);
		this.name = 'TokenOnlyRequestEnded';
	}
}
