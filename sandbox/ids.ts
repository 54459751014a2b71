import { randomBytes } from 'node:crypto';

/** Opaque, unique, URL-safe ids, shaped like WeCom's long base64 msgids and response codes. */
export function newMsgid(): string {
	return randomBytes(48).toString('base64url');
}

export function newResponseCode(): string {
	return randomBytes(60).toString('base64url');
}
