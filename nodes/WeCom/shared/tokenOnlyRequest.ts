/**
 * How the node has n8n obtain a token the credential's way (preAuthentication, stored for every
 * process) without a request going anywhere. n8n's httpRequestWithAuthentication always sends a
 * request once it has run preAuthentication and authenticate (1.x and 2.x alike): the node marks
 * that request with this header, and the credential's authenticate ends it there, after n8n has
 * stored the token and assigned it onto the credentials object. A new connection of n8n's client
 * per token lifetime, for a request whose answer nobody reads, is spared.
 *
 * The header's value is drawn once per process, so only this package's own request carries it:
 * an HTTP Request node with the WeCom credential may forward headers it got from outside, and a
 * name alone would end its request (n8n's requestWithAuthentication then runs gettoken again
 * after that error, every time). Node and credential load this module through the same require,
 * so they share the value; if they ever did not, the request goes out as before this header
 * existed (GET /cgi-bin/ with the token, answer ignored).
 */
import { randomUUID } from 'node:crypto';

export const TOKEN_ONLY_HEADER = 'x-wecom-card-token-only';

const TOKEN_ONLY_VALUE = randomUUID();

/** The headers of the request that only has n8n obtain a token. */
export function tokenOnlyHeaders(): Record<string, string> {
	return { [TOKEN_ONLY_HEADER]: TOKEN_ONLY_VALUE };
}

/** Only the exact value of this process matches; nobody outside it can know the value. */
export function isTokenOnlyRequest(headers: unknown): boolean {
	return (
		typeof headers === 'object' &&
		headers !== null &&
		(headers as Record<string, unknown>)[TOKEN_ONLY_HEADER] === TOKEN_ONLY_VALUE
	);
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
