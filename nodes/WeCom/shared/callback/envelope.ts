import { randomInt } from 'node:crypto';

import { aesKeyFrom, decryptMessage, encryptMessage } from './aes';
import type { SealOptions } from './aes';
import { refuse } from './errors';
import { assertSignature, callbackSignature } from './signature';
import type { XmlElement } from './xml';
import { parseXml } from './xml';
import { cdata } from './xmlWrite';

/**
 * Both directions of a WeCom callback: open (verify the signature, decrypt, check the receive
 * id, parse) for the trigger, seal (encrypt, sign, wrap) for the sandbox playing WeCom.
 */
export interface CallbackSecrets {
	token: string;
	encodingAesKey: string;
	/** The expected receive id: the Corp ID for a self-built app. */
	corpId: string;
}

/** Real events are a few KB; approval events with long histories stay far below this. */
export const MAX_CALLBACK_BODY_BYTES = 256 * 1024;
const MAX_ECHOSTR_CHARS = 4096;

export interface SignedQuery {
	msg_signature: string;
	timestamp: string;
	nonce: string;
}

function queryText(query: object, name: string, pattern: RegExp): string {
	const value = (query as Record<string, unknown>)[name];
	if (typeof value !== 'string' || !pattern.test(value))
		refuse('badRequest', `query parameter ${name} missing or malformed`);
	return value;
}

function readSignedQuery(query: object): SignedQuery {
	return {
		msg_signature: queryText(query, 'msg_signature', /^[0-9a-fA-F]{40}$/),
		timestamp: queryText(query, 'timestamp', /^[0-9]{1,13}$/),
		nonce: queryText(query, 'nonce', /^[\x21-\x7e]{1,128}$/),
	};
}

/** Throws a plain Error (never quoting the key) when the credential's key is unusable. */
function keyOf(secrets: CallbackSecrets): Buffer {
	return aesKeyFrom(secrets.encodingAesKey);
}

function openEncrypted(secrets: CallbackSecrets, query: SignedQuery, encrypted: string): string {
	assertSignature({
		token: secrets.token,
		timestamp: query.timestamp,
		nonce: query.nonce,
		encrypted,
		signature: query.msg_signature,
	});
	const opened = decryptMessage(keyOf(secrets), encrypted);
	if (opened.receiveId !== secrets.corpId) refuse('wrongReceiver', 'the message is for another receive id');
	return opened.message;
}

/**
 * What a URL check's echostr decrypts to: a random string WeCom makes up for the check
 * (https://developer.work.weixin.qq.com/document/path/90930; seen in practice as 18 to 20
 * digits). Any other text signed with the Token is a callback's Encrypt (an XML message of a few
 * hundred bytes or more): answering it would decrypt captured callbacks for whoever replays them
 * as a GET. The bound leaves room for a longer random string, far below any callback message.
 */
const URL_CHECK_ECHO = /^[\x21-\x25\x27-\x3b\x3d\x3f-\x7e]{1,64}$/;

export interface OpenedEchostr {
	/** The plaintext to answer with, and nothing else. */
	echo: string;
	/** The signed timestamp of the request (seconds). */
	timestamp: number;
}

/**
 * GET URL verification: signature, decryption, receive id, and a plaintext that is a URL check's
 * random string (printable ASCII, no '<', '>' or '&', at most 64 characters). A refusal never
 * quotes the plaintext. `query` as the framework parsed it (anything but a string is refused).
 */
export function openEchostr(secrets: CallbackSecrets, query: object): OpenedEchostr {
	const signed = readSignedQuery(query);
	const echostr = (query as Record<string, unknown>).echostr;
	if (typeof echostr !== 'string' || echostr === '' || echostr.length > MAX_ECHOSTR_CHARS) {
		refuse('badRequest', 'query parameter echostr missing or malformed');
	}
	const echo = openEncrypted(secrets, signed, echostr);
	if (!URL_CHECK_ECHO.test(echo)) refuse('notUrlCheck', 'the echostr is not a URL check (a callback replayed as GET?)');
	return { echo, timestamp: Number(signed.timestamp) };
}

/** The decrypted echostr of a URL check, to be answered as the whole body. */
export function verifyEchostr(secrets: CallbackSecrets, query: object): string {
	return openEchostr(secrets, query).echo;
}

/** The Encrypt text of the outer envelope <xml><ToUserName/><AgentID/><Encrypt/></xml>. */
export function encryptedPayloadOf(body: string): string {
	const root = parseXml(body, { maxDepth: 2, maxElements: 16 });
	if (root.name !== 'xml') refuse('badRequest', 'the body is not a WeCom callback envelope');
	const encrypts = root.children.filter((child) => child.name === 'Encrypt');
	if (encrypts.length !== 1 || encrypts[0].text === '') refuse('badRequest', 'the envelope needs exactly one Encrypt');
	return encrypts[0].text;
}

export interface OpenedCallback {
	/** The decrypted message XML. */
	xml: string;
	root: XmlElement;
	/** The signed timestamp of the request (seconds). */
	timestamp: number;
}

/** POST event from its Encrypt text: signature, decryption, receive id, then the inner XML. */
export function openEncryptedCallback(secrets: CallbackSecrets, query: object, encrypted: string): OpenedCallback {
	const signed = readSignedQuery(query);
	const xml = openEncrypted(secrets, signed, encrypted);
	return { xml, root: parseXml(xml), timestamp: Number(signed.timestamp) };
}

/** POST event from the raw body. Throws CallbackRejection on anything forged or malformed. */
export function openCallback(secrets: CallbackSecrets, query: object, body: string): OpenedCallback {
	if (Buffer.byteLength(body, 'utf8') > MAX_CALLBACK_BODY_BYTES) refuse('tooLarge', 'body too large');
	readSignedQuery(query);
	return openEncryptedCallback(secrets, query, encryptedPayloadOf(body));
}

export interface SealedCallback {
	query: SignedQuery;
	/** The outer envelope as WeCom POSTs it. */
	body: string;
	encrypted: string;
}

export interface SealCallbackOptions extends SealOptions {
	/** Seconds; default now. */
	timestamp?: number;
	nonce?: string;
	/** Put in the (unsigned) outer envelope, as WeCom does. */
	agentId?: number;
}

function signedQuery(token: string, encrypted: string, options: SealCallbackOptions): SignedQuery {
	const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
	const nonce = options.nonce ?? String(randomInt(1_000_000_000, 9_999_999_999));
	return { msg_signature: callbackSignature(token, timestamp, nonce, encrypted), timestamp, nonce };
}

/** Encrypts and signs a message the way WeCom delivers it (POST query + body). */
export function sealCallback(secrets: CallbackSecrets, xml: string, options: SealCallbackOptions = {}): SealedCallback {
	const encrypted = encryptMessage(keyOf(secrets), xml, secrets.corpId, options);
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
	options: SealCallbackOptions = {},
): SignedQuery & { echostr: string } {
	const echostr = encryptMessage(keyOf(secrets), plaintext, secrets.corpId, options);
	return { ...signedQuery(secrets.token, echostr, options), echostr };
}
