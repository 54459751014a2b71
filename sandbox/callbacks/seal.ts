import { randomInt } from 'node:crypto';

import { aesKeyFrom, callbackSignature, encryptMessage } from '../../nodes/WeCom/shared/callback';
import type { CallbackSecrets, SignedQuery } from '../../nodes/WeCom/shared/callback';
import { cdata } from './xmlWrite';

/**
 * The other direction of a callback, for the sandbox playing WeCom: encrypt, sign and wrap a
 * message exactly as the trigger (shared/callback) expects it
 * (https://developer.work.weixin.qq.com/document/path/90968).
 */
export interface SealedCallback {
	query: SignedQuery;
	/** The XML body as WeCom POSTs it: <xml><ToUserName/><AgentID/><Encrypt/></xml>. */
	body: string;
	encrypted: string;
}

export interface SealOptions {
	/** Seconds; default now. */
	timestamp?: number;
	nonce?: string;
	/** Put in the (unsigned) posted body, as WeCom does. */
	agentId?: number;
	/** 16 bytes; random by default. Fixed only in tests, for reproducible ciphertexts. */
	random?: Buffer;
}

function signedQuery(token: string, encrypted: string, options: SealOptions): SignedQuery {
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	const nonce = options.nonce ?? String(randomInt(1_000_000_000, 9_999_999_999));
	return { msg_signature: callbackSignature(token, timestamp, nonce, encrypted), timestamp, nonce };
}

function encrypt(secrets: CallbackSecrets, message: string, options: SealOptions): string {
	return encryptMessage(aesKeyFrom(secrets.encodingAesKey), message, secrets.corpId, options.random);
}

/** Encrypts and signs a message the way WeCom delivers it (POST query + body). */
export function sealCallback(secrets: CallbackSecrets, xml: string, options: SealOptions = {}): SealedCallback {
	const encrypted = encrypt(secrets, xml, options);
	const agent = options.agentId === undefined ? '' : `<AgentID>${cdata(String(options.agentId))}</AgentID>`;
	return {
		query: signedQuery(secrets.token, encrypted, options),
		body: `<xml><ToUserName>${cdata(secrets.corpId)}</ToUserName>${agent}<Encrypt>${cdata(encrypted)}</Encrypt></xml>`,
		encrypted,
	};
}

/** The query of WeCom's GET URL verification for a plaintext echo. */
export function sealEchostr(
	secrets: CallbackSecrets,
	plaintext: string,
	options: SealOptions = {},
): SignedQuery & { echostr: string } {
	const echostr = encrypt(secrets, plaintext, options);
	return { ...signedQuery(secrets.token, echostr, options), echostr };
}
