/**
 * WeCom callback crypto: the official test vector (WeCom doc 90968), round trips, and a
 * cross-check against the `@wecom/crypto` npm package as an independent implementation.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import * as reference from '@wecom/crypto';

import {
	aesKeyFrom,
	callbackSignature,
	CallbackRejection,
	decryptMessage,
	encryptMessage,
	normaliseEvent,
	openCallback,
	openEchostr,
	signatureMatches,
} from '../../nodes/WeCom/shared/callback';
import { sealCallback, sealEchostr } from '../../sandbox/callbacks';
import { registerSecret } from '../harness';

/** The official vector (the token and key are public sample values). */
const VECTOR = {
	corpId: 'wx5823bf96d3bd56c7',
	token: 'QDG6eK',
	encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
	timestamp: '1409659813',
	nonce: '1372623149',
	signature: '477715d11cdb4164915debcba66cb864d751f3e6',
	encrypted:
		'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
};
const VECTOR_SECRETS = { token: VECTOR.token, encodingAesKey: VECTOR.encodingAesKey, corpId: VECTOR.corpId };
const VECTOR_BODY = `<xml><ToUserName><![CDATA[${VECTOR.corpId}]]></ToUserName><Encrypt><![CDATA[${VECTOR.encrypted}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;
const VECTOR_QUERY = { msg_signature: VECTOR.signature, timestamp: VECTOR.timestamp, nonce: VECTOR.nonce };

registerSecret(VECTOR.token, 'callbackToken');
registerSecret(VECTOR.encodingAesKey, 'encodingAesKey');

const rejection = (fn: () => unknown): CallbackRejection | undefined => {
	try {
		fn();
	} catch (error) {
		if (error instanceof CallbackRejection) return error;
		throw error;
	}
	return undefined;
};

function randomKey(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(randomBytes(43), (byte) => alphabet[byte % alphabet.length]).join('');
}

describe('the official test vector (doc 90968)', () => {
	it('has the documented signature', () => {
		expect(callbackSignature(VECTOR.token, VECTOR.timestamp, VECTOR.nonce, VECTOR.encrypted)).toBe(VECTOR.signature);
	});

	it('verifies, decrypts (352 bytes, pad 30) and names the right receive id', () => {
		expect(Buffer.from(VECTOR.encrypted, 'base64')).toHaveLength(352);
		const key = aesKeyFrom(VECTOR.encodingAesKey);
		const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
		decipher.setAutoPadding(false);
		const plain = Buffer.concat([decipher.update(Buffer.from(VECTOR.encrypted, 'base64')), decipher.final()]);
		// 30 is impossible with AES's own 16-byte padding: WeCom pads to 32.
		expect(plain[plain.length - 1]).toBe(30);
		const opened = decryptMessage(aesKeyFrom(VECTOR.encodingAesKey), VECTOR.encrypted);
		expect(opened.receiveId).toBe(VECTOR.corpId);
		expect(opened.message).toContain('<Content><![CDATA[hello]]></Content>');
	});

	it('opens as a whole callback into the documented text message', () => {
		const opened = openCallback(VECTOR_SECRETS, VECTOR_QUERY, VECTOR_BODY);
		expect(opened.timestamp).toBe(1409659813);
		const event = normaliseEvent(opened.root, opened.xml);
		expect(event).toMatchObject({
			category: 'message',
			msgType: 'text',
			event: '',
			fromUser: 'mycreate',
			toUser: VECTOR.corpId,
			content: 'hello',
			// Beyond 2^53: kept as text, never rounded.
			msgId: '4561255354251345929',
			agentId: 218,
			createTime: 1409659813,
		});
	});

	it('is refused for another corp, another token or a changed nonce', () => {
		expect(
			rejection(() => openCallback({ ...VECTOR_SECRETS, corpId: 'wwother' }, VECTOR_QUERY, VECTOR_BODY))?.reason,
		).toBe('wrongReceiver');
		expect(
			rejection(() => openCallback({ ...VECTOR_SECRETS, token: 'QDG6eL' }, VECTOR_QUERY, VECTOR_BODY))?.reason,
		).toBe('badSignature');
		expect(
			rejection(() => openCallback(VECTOR_SECRETS, { ...VECTOR_QUERY, nonce: '1372623148' }, VECTOR_BODY))?.status,
		).toBe(401);
	});

	it('matches @wecom/crypto on the same vector', () => {
		expect(reference.getSignature(VECTOR.token, VECTOR.timestamp, VECTOR.nonce, VECTOR.encrypted)).toBe(
			VECTOR.signature,
		);
		const theirs = reference.decrypt(VECTOR.encodingAesKey, VECTOR.encrypted);
		const ours = decryptMessage(aesKeyFrom(VECTOR.encodingAesKey), VECTOR.encrypted);
		expect(ours).toEqual({ message: theirs.message, receiveId: theirs.id });
	});
});

describe('cross-check with @wecom/crypto (independent implementation)', () => {
	const messages = [
		'',
		'a',
		'<xml><Content><![CDATA[你好, WeCom 👋]]></Content></xml>',
		'x'.repeat(30), // 16 + 4 + 30 + 14 (receive id) = 64: a whole 32-byte block of padding
		'y'.repeat(31),
		'z'.repeat(4000),
	];

	it.each(messages.map((message) => [message.length, message]))(
		'encrypts byte for byte like it, and each decrypts the other (%i chars)',
		(_length, message) => {
			const encodingAesKey = randomKey();
			const key = aesKeyFrom(encodingAesKey);
			const random = randomBytes(16);
			const receiveId = 'wwcrosscheck01';
			const ours = encryptMessage(key, message, receiveId, random);
			expect(ours).toBe(reference.encrypt(encodingAesKey, message, receiveId, random));
			expect(reference.decrypt(encodingAesKey, ours)).toMatchObject({ message, id: receiveId });
			expect(decryptMessage(key, reference.encrypt(encodingAesKey, message, receiveId))).toEqual({
				message,
				receiveId,
			});
		},
	);

	it('signs like it for 200 random inputs', () => {
		for (let i = 0; i < 200; i++) {
			const parts = [
				randomBytes(8).toString('hex'),
				String(1_700_000_000 + i),
				String(i * 7919),
				randomBytes(48).toString('base64'),
			];
			const [token, timestamp, nonce, encrypted] = parts;
			expect(callbackSignature(token, timestamp, nonce, encrypted)).toBe(
				reference.getSignature(token, timestamp, nonce, encrypted),
			);
		}
	});

	it('seals callbacks that it opens, and opens what it seals', () => {
		const secrets = { token: 'RoundTrip42', encodingAesKey: randomKey(), corpId: 'wwroundtrip' };
		const xml = '<xml><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event></xml>';
		const sealed = sealCallback(secrets, xml, { timestamp: 1_760_000_000, nonce: '123456', agentId: 7 });
		expect(sealed.body).toContain('<AgentID><![CDATA[7]]></AgentID>');
		expect(reference.getSignature(secrets.token, '1760000000', '123456', sealed.encrypted)).toBe(
			sealed.query.msg_signature,
		);
		expect(reference.decrypt(secrets.encodingAesKey, sealed.encrypted)).toMatchObject({
			message: xml,
			id: secrets.corpId,
		});
		expect(openCallback(secrets, sealed.query, sealed.body).xml).toBe(xml);

		const theirs = reference.encrypt(secrets.encodingAesKey, xml, secrets.corpId);
		const query = { msg_signature: reference.getSignature(secrets.token, 1, 2, theirs), timestamp: '1', nonce: '2' };
		expect(openCallback(secrets, query, `<xml><Encrypt><![CDATA[${theirs}]]></Encrypt></xml>`).xml).toBe(xml);
	});
});

describe('URL verification (echostr)', () => {
	const secrets = { token: 'EchoToken', encodingAesKey: randomKey(), corpId: 'wwecho' };

	it('returns the plaintext exactly', () => {
		const query = sealEchostr(secrets, '1616140317555161061');
		expect(openEchostr(secrets, query).echo).toBe('1616140317555161061');
	});

	it('refuses a missing or forged echostr, and one for another corp', () => {
		const query = sealEchostr(secrets, '42');
		expect(rejection(() => openEchostr(secrets, { ...query, echostr: undefined }))?.reason).toBe('badRequest');
		expect(rejection(() => openEchostr(secrets, { ...query, echostr: `${query.echostr}A` }))?.reason).toBe(
			'badSignature',
		);
		const other = sealEchostr({ ...secrets, corpId: 'wwelse' }, '42');
		expect(rejection(() => openEchostr(secrets, other))?.reason).toBe('wrongReceiver');
	});

	it("refuses a signed echostr that is not a URL check's random string, without quoting it", () => {
		const message = '<xml><Content><![CDATA[payroll]]></Content></xml>';
		for (const plaintext of [message, '<a', 'x'.repeat(65), '1 2', '1&2', '']) {
			const refused = rejection(() => openEchostr(secrets, sealEchostr(secrets, plaintext)));
			expect(refused?.reason).toBe('notUrlCheck');
			expect(refused?.message).not.toContain('payroll');
		}
		// The signed timestamp comes back for the trigger's replay window.
		expect(openEchostr(secrets, sealEchostr(secrets, '42', { timestamp: 1_760_000_000 }))).toEqual({
			echo: '42',
			timestamp: 1_760_000_000,
		});
	});
});

describe('building blocks', () => {
	it('accepts exactly 43 letters or digits as EncodingAESKey', () => {
		expect(aesKeyFrom(VECTOR.encodingAesKey)).toHaveLength(32);
		for (const bad of [
			'',
			VECTOR.encodingAesKey.slice(1),
			`${VECTOR.encodingAesKey}A`,
			`${VECTOR.encodingAesKey.slice(1)}+`,
		]) {
			expect(() => aesKeyFrom(bad)).toThrow(/43 letters or digits/);
		}
	});

	it('compares signatures only as 40 hex digits, case-insensitively', () => {
		expect(signatureMatches(VECTOR.signature, VECTOR.signature.toUpperCase())).toBe(true);
		expect(signatureMatches(VECTOR.signature, VECTOR.signature.slice(1))).toBe(false);
		expect(signatureMatches(VECTOR.signature, `${VECTOR.signature.slice(0, 39)}g`)).toBe(false);
		expect(signatureMatches(VECTOR.signature, '')).toBe(false);
	});

	it('refuses lenient base64, bad padding and impossible length fields', () => {
		const key = aesKeyFrom(VECTOR.encodingAesKey);
		const iv = key.subarray(0, 16);
		const raw = (plain: Buffer) => {
			const cipher = createCipheriv('aes-256-cbc', key, iv);
			cipher.setAutoPadding(false);
			return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
		};
		const block = (fill: number[]) => Buffer.from(fill);
		const header = (length: number) => {
			const buffer = Buffer.alloc(20);
			buffer.writeUInt32BE(length, 16);
			return buffer;
		};
		const reason = (text: string) => rejection(() => decryptMessage(key, text))?.reason;

		expect(reason(VECTOR.encrypted.replace('+', '-'))).toBe('badCiphertext');
		expect(reason(`${VECTOR.encrypted.slice(0, -2)}`)).toBe('badCiphertext');
		expect(reason(` ${VECTOR.encrypted}`)).toBe('badCiphertext');
		expect(reason('')).toBe('badCiphertext');
		// Pad byte 0, 33, and inconsistent pad bytes.
		expect(reason(raw(Buffer.concat([header(0), Buffer.alloc(12, 0)])))).toBe('badCiphertext');
		expect(reason(raw(Buffer.concat([header(0), Buffer.alloc(11, 1), block([33])])))).toBe('badCiphertext');
		expect(reason(raw(Buffer.concat([header(0), Buffer.alloc(9, 0x41), block([3, 2, 3])])))).toBe('badCiphertext');
		// Length field beyond the plaintext.
		expect(reason(raw(Buffer.concat([header(100), Buffer.alloc(8, 0x41), Buffer.alloc(4, 4)])))).toBe('badCiphertext');
		// A sound one decrypts.
		expect(decryptMessage(key, raw(Buffer.concat([header(2), Buffer.from('hiww'), Buffer.alloc(8, 8)])))).toEqual({
			message: 'hi',
			receiveId: 'ww',
		});
	});
});
