import { aesKeyFrom, decryptMessage } from './aes';
import { refuse } from './errors';
import { assertSignature } from './signature';
import type { XmlElement } from './xml';
import { parseXml } from './xml';

/**
 * Opens what WeCom sends to an app's callback URL: checks the signature, decrypts, checks the
 * receive id and parses (https://developer.work.weixin.qq.com/document/path/90968). The sandbox
 * plays WeCom with the same secrets and query.
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

function openEncrypted(secrets: CallbackSecrets, query: SignedQuery, encrypted: string): string {
	assertSignature({
		token: secrets.token,
		timestamp: query.timestamp,
		nonce: query.nonce,
		encrypted,
		signature: query.msg_signature,
	});
	// aesKeyFrom throws a plain Error (never quoting the key) when the credential's key is unusable.
	const opened = decryptMessage(aesKeyFrom(secrets.encodingAesKey), encrypted);
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

interface OpenedEchostr {
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

/** The Encrypt text of the posted body <xml><ToUserName/><AgentID/><Encrypt/></xml>. */
function encryptedPayloadOf(body: string): string {
	const root = parseXml(body, { maxDepth: 2, maxElements: 16 });
	if (root.name !== 'xml') refuse('badRequest', 'the body is not a WeCom callback');
	const encrypts = root.children.filter((child) => child.name === 'Encrypt');
	if (encrypts.length !== 1 || encrypts[0].text === '') refuse('badRequest', 'the body needs exactly one Encrypt');
	return encrypts[0].text;
}

interface OpenedCallback {
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
