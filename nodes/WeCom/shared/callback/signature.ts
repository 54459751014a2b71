import { createHash, timingSafeEqual } from 'node:crypto';

import { refuse } from './errors';

/**
 * WeCom's msg_signature: SHA-1 (lower-case hex) of the four values sorted as strings and joined
 * without a separator. The fourth value is echostr (GET) or the Encrypt text (POST).
 */
export function callbackSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
	const joined = [token, timestamp, nonce, encrypted].sort().join('');
	return createHash('sha1').update(joined, 'utf8').digest('hex');
}

const SHA1_HEX = /^[0-9a-f]{40}$/i;

/** Compares in constant time, so the answer time does not tell how much of a guess was right. */
export function signatureMatches(expectedHex: string, givenHex: string): boolean {
	if (!SHA1_HEX.test(givenHex) || !SHA1_HEX.test(expectedHex)) return false;
	return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(givenHex, 'hex'));
}

interface SignedParts {
	token: string;
	timestamp: string;
	nonce: string;
	encrypted: string;
	signature: string;
}

export function assertSignature(parts: SignedParts): void {
	const expected = callbackSignature(parts.token, parts.timestamp, parts.nonce, parts.encrypted);
	if (!signatureMatches(expected, parts.signature)) refuse('badSignature', 'msg_signature does not match');
}
