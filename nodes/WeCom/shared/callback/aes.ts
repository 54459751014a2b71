import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { refuse } from './errors';

/**
 * WeCom's AES layer: AES-256-CBC, key = base64(EncodingAESKey + '='), IV = the key's first 16
 * bytes, PKCS#7 padding to 32-byte blocks (not AES's 16). Plaintext layout:
 * random(16) | length(4, big-endian) | message | receive id.
 */
const PAD_BLOCK = 32;
const RANDOM_BYTES = 16;
const HEADER_BYTES = RANDOM_BYTES + 4;

export const ENCODING_AES_KEY_PATTERN = /^[A-Za-z0-9]{43}$/;

/** Throws on anything but 43 letters/digits (WeCom generates exactly that). */
export function aesKeyFrom(encodingAesKey: string): Buffer {
	if (!ENCODING_AES_KEY_PATTERN.test(encodingAesKey)) {
		throw new Error('EncodingAESKey must be exactly 43 letters or digits');
	}
	const key = Buffer.from(`${encodingAesKey}=`, 'base64');
	if (key.length !== 32) throw new Error('EncodingAESKey does not decode to 32 bytes');
	return key;
}

function pkcs7Pad(data: Buffer): Buffer {
	const padLength = PAD_BLOCK - (data.length % PAD_BLOCK);
	return Buffer.concat([data, Buffer.alloc(padLength, padLength)]);
}

/** Strict: every padding byte must carry the padding length, 1..32. */
function pkcs7Unpad(data: Buffer): Buffer {
	const padLength = data[data.length - 1];
	if (!padLength || padLength > PAD_BLOCK || padLength > data.length) {
		refuse('badCiphertext', 'invalid padding');
	}
	for (let i = data.length - padLength; i < data.length; i++) {
		if (data[i] !== padLength) refuse('badCiphertext', 'invalid padding');
	}
	return data.subarray(0, data.length - padLength);
}

/**
 * Encrypts a message for `receiveId` and returns the base64 text WeCom puts in Encrypt/echostr.
 * `random` is fixed only by tests, for reproducible ciphertexts.
 */
export function encryptMessage(
	key: Buffer,
	message: string,
	receiveId: string,
	random: Buffer = randomBytes(RANDOM_BYTES),
): string {
	if (random.length !== RANDOM_BYTES) throw new Error('random must be 16 bytes');
	const body = Buffer.from(message, 'utf8');
	const length = Buffer.alloc(4);
	length.writeUInt32BE(body.length, 0);
	const plain = pkcs7Pad(Buffer.concat([random, length, body, Buffer.from(receiveId, 'utf8')]));
	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	cipher.setAutoPadding(false);
	return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Node's base64 decoder skips junk silently; a forged text must fail instead. */
function strictBase64(text: string): Buffer {
	if (!BASE64.test(text)) refuse('badCiphertext', 'Encrypt is not valid base64');
	return Buffer.from(text, 'base64');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function utf8Text(bytes: Buffer, what: string): string {
	try {
		return utf8.decode(bytes);
	} catch {
		return refuse('badCiphertext', `${what} is not valid UTF-8`);
	}
}

interface OpenedMessage {
	message: string;
	receiveId: string;
}

/** Decrypts an Encrypt/echostr text. Does not check the signature or the receive id. */
export function decryptMessage(key: Buffer, encrypted: string): OpenedMessage {
	const cipherText = strictBase64(encrypted);
	if (cipherText.length === 0 || cipherText.length % PAD_BLOCK !== 0) {
		refuse('badCiphertext', 'ciphertext length is not a multiple of 32 bytes');
	}
	const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
	decipher.setAutoPadding(false);
	const plain = pkcs7Unpad(Buffer.concat([decipher.update(cipherText), decipher.final()]));
	if (plain.length < HEADER_BYTES) refuse('badCiphertext', 'plaintext too short');
	const messageLength = plain.readUInt32BE(RANDOM_BYTES);
	if (messageLength > plain.length - HEADER_BYTES) refuse('badCiphertext', 'length field exceeds the plaintext');
	const messageEnd = HEADER_BYTES + messageLength;
	return {
		message: utf8Text(plain.subarray(HEADER_BYTES, messageEnd), 'message'),
		receiveId: utf8Text(plain.subarray(messageEnd), 'receive id'),
	};
}
