/**
 * A generated corpus of forged and malformed callbacks against the WeCom Trigger, hosted like
 * n8n hosts it (real HTTP, n8n-core's WebhookContext): every one must get a 4xx, start nothing,
 * throw nothing and echo nothing decrypted. Also: re-sends are dropped, distinct events are not,
 * and the replay window holds (by default, and against a timestamp/nonce swap).
 */
import { createCipheriv } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import { WeComCallbackApi } from '../../credentials/WeComCallbackApi.credentials';
import { aesKeyFrom, callbackSignature, encryptMessage } from '../../nodes/WeCom/shared/callback';
import { WeComTrigger } from '../../nodes/WeCom/Trigger/WeComTrigger.node';
import { cdata, sealCallback, sealEchostr, toXml } from '../../sandbox/callbacks';
import { startTriggerHost } from '../engine/triggerHost';
import type { TriggerHost } from '../engine/triggerHost';
import { createEngineHarness, registerSecret } from '../harness';

const TRIGGER_TYPE = 'n8n-nodes-wecom-card.weComTrigger';
const SECRETS = {
	corpId: 'wwforgerycorp01',
	token: 'ForgeryCorpusToken7',
	encodingAesKey: 'kT3nQ8vLw2ZpX5cR9mB4yH7dF1gJ6sA0eU2iO8qW3rE',
};
const CREDENTIAL = { id: 'forgery-callback', name: 'Forgery callback' };
const FIXED_RANDOM = Buffer.from('0123456789abcdef');

registerSecret(SECRETS.token, 'callbackToken');
registerSecret(SECRETS.encodingAesKey, 'encodingAesKey');

const nowSeconds = () => Math.floor(Date.now() / 1000);
/** When the corpus' callbacks were "sent": the whole file runs well within the replay window. */
const SENT_AT = nowSeconds();

function clickXml(createTime = SENT_AT, eventKey = 'approve'): string {
	return toXml('xml', {
		ToUserName: SECRETS.corpId,
		FromUserName: 'alice',
		CreateTime: createTime,
		MsgType: 'event',
		Event: 'template_card_event',
		EventKey: eventKey,
		TaskId: 'forgery-1',
		CardType: 'button_interaction',
		ResponseCode: 'rc-forgery-1',
		AgentID: 1000002,
	});
}

interface Request {
	method?: string;
	query?: Record<string, string | string[]>;
	body?: string;
}

interface ForgedCase extends Request {
	name: string;
	/** The exact status when it is certain; any 4xx otherwise. */
	status?: number;
	/** Sent to the trigger with the replay window on. */
	windowed?: boolean;
}

const postedBody = (encrypted: string) =>
	`<xml><ToUserName>${cdata(SECRETS.corpId)}</ToUserName><AgentID>${cdata('1000002')}</AgentID><Encrypt>${cdata(encrypted)}</Encrypt></xml>`;

/** A request whose signature is right for `encrypted`: forgeries that get past the signature. */
function signed(encrypted: string, timestamp = String(nowSeconds()), nonce = '1372623149'): Request {
	return {
		method: 'POST',
		query: {
			msg_signature: callbackSignature(SECRETS.token, timestamp, nonce, encrypted),
			timestamp,
			nonce,
		},
		body: postedBody(encrypted),
	};
}

/** AES with WeCom's key and IV but a plaintext built by hand (for broken paddings and lengths). */
function rawCipher(plain: Buffer): string {
	const key = aesKeyFrom(SECRETS.encodingAesKey);
	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	cipher.setAutoPadding(false);
	return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/** What a library with AES's own 16-byte PKCS#7 would produce: its length is not a multiple of 32. */
function sixteenBytePadded(): string {
	let message = clickXml();
	// Trailing blanks (harmless in XML) until the padded plaintext lands 16 bytes off a 32-byte block.
	const offset = () => (20 + Buffer.byteLength(message) + SECRETS.corpId.length) % 32;
	while (offset() === 0 || offset() > 15) message += ' ';
	const key = aesKeyFrom(SECRETS.encodingAesKey);
	const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
	const length = Buffer.alloc(4);
	length.writeUInt32BE(Buffer.byteLength(message), 0);
	const plain = Buffer.concat([FIXED_RANDOM, length, Buffer.from(message), Buffer.from(SECRETS.corpId)]);
	return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/** A ciphertext whose base64 ends in '=' (32-byte multiples only do when not divisible by 3). */
function paddedBase64(): string {
	let message = clickXml();
	while (!encryptedFor(message).endsWith('=')) message += ' ';
	return encryptedFor(message);
}

function plaintext(parts: { length?: number; message?: string | Buffer; receiveId?: string }): Buffer {
	const message = Buffer.isBuffer(parts.message) ? parts.message : Buffer.from(parts.message ?? clickXml());
	const length = Buffer.alloc(4);
	length.writeUInt32BE(parts.length ?? message.length >>> 0, 0);
	const body = Buffer.concat([FIXED_RANDOM, length, message, Buffer.from(parts.receiveId ?? SECRETS.corpId)]);
	const padLength = 32 - (body.length % 32);
	return Buffer.concat([body, Buffer.alloc(padLength, padLength)]);
}

/** Fills a hand-built plaintext up to a whole 32-byte block with the given (possibly wrong) padding bytes. */
function withPadding(body: Buffer, bytes: (count: number) => number[]): Buffer {
	const count = 32 - (body.length % 32);
	return Buffer.concat([body, Buffer.from(bytes(count))]);
}

function encryptedFor(message: string, receiveId = SECRETS.corpId): string {
	return encryptMessage(aesKeyFrom(SECRETS.encodingAesKey), message, receiveId, FIXED_RANDOM);
}

function flipBit(base64: string, byteIndex: number, mask: number): string {
	const bytes = Buffer.from(base64, 'base64');
	const index = byteIndex < 0 ? bytes.length + byteIndex : byteIndex;
	bytes[index] ^= mask;
	return bytes.toString('base64');
}

function forgeryCorpus(): ForgedCase[] {
	const cases: ForgedCase[] = [];
	const add = (name: string, request: Request, status?: number, windowed = false) =>
		cases.push({ name, ...request, status, windowed });
	const valid = signed(encryptedFor(clickXml()));
	const validQuery = valid.query as Record<string, string>;
	const encrypted = encryptedFor(clickXml());

	// Signatures: every hex digit changed, and every other way to get it wrong.
	for (let i = 0; i < 40; i++) {
		const digits = validQuery.msg_signature.split('');
		digits[i] = ((parseInt(digits[i], 16) + 1) % 16).toString(16);
		add(`signature digit ${i} changed`, { ...valid, query: { ...validQuery, msg_signature: digits.join('') } }, 401);
	}
	const ts = validQuery.timestamp;
	const nonce = validQuery.nonce;
	add(
		'signed with another token',
		{
			...valid,
			query: {
				...validQuery,
				msg_signature: callbackSignature('OtherToken', ts, nonce, encrypted),
			},
		},
		401,
	);
	add(
		'signed over another ciphertext',
		{
			...valid,
			query: {
				...validQuery,
				msg_signature: callbackSignature(SECRETS.token, ts, nonce, encryptedFor('<xml/>')),
			},
		},
		401,
	);
	add(
		'signed over the values unsorted',
		{
			...valid,
			query: {
				...validQuery,
				msg_signature: callbackSignature('', '', '', `${SECRETS.token}${ts}${nonce}${encrypted}`),
			},
		},
		401,
	);
	add('signature missing', { ...valid, query: { timestamp: ts, nonce } }, 400);
	add('signature empty', { ...valid, query: { ...validQuery, msg_signature: '' } }, 400);
	add(
		'signature 39 digits',
		{
			...valid,
			query: {
				...validQuery,
				msg_signature: validQuery.msg_signature.slice(1),
			},
		},
		400,
	);
	add(
		'signature 41 digits',
		{
			...valid,
			query: { ...validQuery, msg_signature: `${validQuery.msg_signature}0` },
		},
		400,
	);
	add('signature not hex', { ...valid, query: { ...validQuery, msg_signature: 'z'.repeat(40) } }, 400);
	add(
		'signature given twice',
		{
			...valid,
			query: {
				...validQuery,
				msg_signature: [validQuery.msg_signature, validQuery.msg_signature],
			},
		},
		400,
	);
	add(
		'timestamp changed after signing',
		{ ...valid, query: { ...validQuery, timestamp: String(Number(ts) + 1) } },
		401,
	);
	add('nonce changed after signing', { ...valid, query: { ...validQuery, nonce: `${nonce}1` } }, 401);

	// Ciphertext bit flips, not re-signed: a forger without the token stops at the signature.
	for (const index of [0, 1, 15, 16, 31, 32, 100, -33, -17, -16, -2, -1]) {
		add(`ciphertext byte ${index} flipped`, { ...valid, body: postedBody(flipBit(encrypted, index, 0x01)) }, 401);
	}
	// Bit flips re-signed, to reach the AES layer: padding, length field, receive id or XML break.
	for (const index of [0, 3, 7, 15, -49, -33, -32, -17, -16, -9, -2, -1]) {
		for (const mask of [0x01, 0x80]) {
			add(`ciphertext byte ${index} ^ ${mask}, re-signed`, signed(flipBit(encrypted, index, mask)));
		}
	}

	// Another receive id.
	for (const receiveId of [
		'wwsomeoneelse',
		'',
		`${SECRETS.corpId}x`,
		SECRETS.corpId.slice(0, -1),
		SECRETS.corpId.toUpperCase(),
	]) {
		add(`receive id ${JSON.stringify(receiveId)}`, signed(encryptedFor(clickXml(), receiveId)), 403);
	}

	// Base64 damage, re-signed.
	const damaged: Record<string, string> = {
		'truncated by 1': encrypted.slice(0, -1),
		'truncated by 2': encrypted.slice(0, -2),
		'truncated by 3': encrypted.slice(0, -3),
		'truncated by 4 (one block short of 32)': encrypted.slice(0, -4),
		'truncated by 8': encrypted.slice(0, -8),
		'cut in half': encrypted.slice(0, Math.floor(encrypted.length / 2)),
		'first 16 characters': encrypted.slice(0, 16),
		'padding removed': paddedBase64().replace(/=+$/, ''),
		'extra padding': `${encrypted}==`,
		'"*" inside': `*${encrypted.slice(1)}`,
		'space inside': `${encrypted.slice(0, 10)} ${encrypted.slice(11)}`,
		'newline inside': `${encrypted.slice(0, 10)}\n${encrypted.slice(10)}`,
		'URL-safe alphabet': encrypted.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
		'48 bytes (AES-aligned, not 32-aligned)': Buffer.alloc(48, 7).toString('base64'),
	};
	for (const [name, text] of Object.entries(damaged)) add(`base64 ${name}`, signed(text), 400);

	// Hand-built plaintexts: paddings and length fields.
	const xmlBytes = Buffer.from(clickXml());
	const unpadded = plaintext({}).subarray(0, 20 + xmlBytes.length + SECRETS.corpId.length);
	add('pad bytes 0', signed(rawCipher(withPadding(unpadded, (n) => Array(n).fill(0)))), 400);
	add('pad byte 33', signed(rawCipher(withPadding(unpadded, (n) => [...Array(n - 1).fill(1), 33]))), 400);
	add('pad bytes inconsistent', signed(rawCipher(withPadding(unpadded, (n) => [...Array(n - 1).fill(n - 1), n]))), 400);
	add('pad longer than the data', signed(rawCipher(Buffer.alloc(32, 32))), 400);
	add('16-byte padding (AES default), 16 bytes short of a 32-byte block', signed(sixteenBytePadded()), 400);
	add('length field + 1', signed(rawCipher(plaintext({ length: xmlBytes.length + 1 }))));
	add('length field 0xFFFFFFFF', signed(rawCipher(plaintext({ length: 0xffffffff }))), 400);
	add('length field - 1', signed(rawCipher(plaintext({ length: xmlBytes.length - 1 }))), 403);
	add('length field 0', signed(rawCipher(plaintext({ length: 0 }))), 403);
	add('no receive id', signed(rawCipher(plaintext({ receiveId: '' }))), 403);
	add('message not UTF-8', signed(rawCipher(plaintext({ message: Buffer.from([0x3c, 0x78, 0xff, 0xfe, 0x3e]) }))), 400);
	add(
		'shorter than the 20-byte header',
		signed(rawCipher(withPadding(Buffer.alloc(10, 65), (n) => Array(n).fill(n)))),
		400,
	);

	// Bodies that are not WeCom's posted XML.
	const query = validQuery;
	const bodies: Record<string, string> = {
		empty: '',
		whitespace: '   \n',
		'plain text': 'hello',
		JSON: JSON.stringify({ Encrypt: encrypted }),
		'body without Encrypt': '<xml><ToUserName><![CDATA[x]]></ToUserName></xml>',
		'two Encrypt elements': `<xml><Encrypt>${cdata(encrypted)}</Encrypt><Encrypt>${cdata(encrypted)}</Encrypt></xml>`,
		'empty Encrypt': '<xml><Encrypt><![CDATA[]]></Encrypt></xml>',
		'root is not xml': `<envelope><Encrypt>${cdata(encrypted)}</Encrypt></envelope>`,
		'Encrypt nested deeper': `<xml><a><Encrypt>${cdata(encrypted)}</Encrypt></a></xml>`,
		'unclosed body': `<xml><Encrypt>${cdata(encrypted)}</Encrypt>`,
		'DOCTYPE body': `<!DOCTYPE xml><xml><Encrypt>${cdata(encrypted)}</Encrypt></xml>`,
		'XXE body': `<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Encrypt>&e;</Encrypt></xml>`,
		'billion laughs body': `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><Encrypt>&b;</Encrypt></xml>`,
		'processing instruction in the body': `<xml><?evil?><Encrypt>${cdata(encrypted)}</Encrypt></xml>`,
	};
	for (const [name, body] of Object.entries(bodies)) add(`body: ${name}`, { method: 'POST', query, body }, 400);

	// Validly signed and encrypted, but the message inside is hostile or broken.
	const inner: Record<string, string> = {
		DOCTYPE: `<!DOCTYPE xml>${clickXml()}`,
		XXE: '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><FromUserName>&xxe;</FromUserName></xml>',
		'billion laughs': '<!DOCTYPE xml [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;">]><xml><Content>&l2;</Content></xml>',
		'undeclared entity': '<xml><Content>&xxe;</Content></xml>',
		'processing instruction': '<xml><?php system("id"); ?></xml>',
		'not XML': 'hello',
		empty: '',
		JSON: '{"MsgType":"event"}',
		'mismatched tags': '<xml><Event>x</Evnt></xml>',
		'control character': '<xml><Content>\u0007</Content></xml>',
		'nested 40 deep': `<xml>${'<a>'.repeat(40)}${'</a>'.repeat(40)}</xml>`,
		'6000 elements': `<xml>${'<a/>'.repeat(6000)}</xml>`,
	};
	for (const [name, message] of Object.entries(inner))
		add(`inner message: ${name}`, signed(encryptedFor(message)), 400);

	// Too large: refused before any parsing.
	const padded = `<xml><Encrypt>${cdata(encrypted)}</Encrypt>${' '.repeat(300 * 1024)}</xml>`;
	add('body of 300 KB (whitespace)', { method: 'POST', query, body: padded }, 413);
	const huge = Buffer.alloc(240 * 1024, 1).toString('base64');
	add('Encrypt of 320 KB', signed(huge), 413);
	add('body of 2 MB', { method: 'POST', query, body: 'x'.repeat(2 * 1024 * 1024) }, 413);

	// Query damage.
	add('no query at all', { method: 'POST', body: valid.body }, 400);
	add('timestamp missing', { ...valid, query: { msg_signature: validQuery.msg_signature, nonce } }, 400);
	add(
		'nonce missing',
		{
			...valid,
			query: { msg_signature: validQuery.msg_signature, timestamp: ts },
		},
		400,
	);
	add('timestamp not a number', { ...valid, query: { ...validQuery, timestamp: '17e8' } }, 400);
	add('timestamp 14 digits', { ...valid, query: { ...validQuery, timestamp: '17600000000000' } }, 400);
	add('nonce with a space', { ...valid, query: { ...validQuery, nonce: '12 34' } }, 400);
	add('timestamp given twice', { ...valid, query: { ...validQuery, timestamp: [ts, ts] } }, 400);

	// Replays outside the window (the trigger with Max Request Age = 300 s).
	for (const [name, offset] of [
		['301 s old', -301],
		['an hour old', -3600],
		['a year old', -365 * 86400],
		['an hour ahead', 3600],
	] as const) {
		add(`replay window: ${name}`, signed(encrypted, String(nowSeconds() + offset)), 403, true);
	}
	add('replay window: timestamp 0', signed(encrypted, '0'), 403, true);
	add('replay window: timestamp in milliseconds', signed(encrypted, String(Date.now())), 403, true);

	// Replays the signed timestamp alone cannot catch. The signature sorts its four values, so a
	// replayer may swap timestamp and nonce; the message's own CreateTime has to be recent too.
	const hourAgo = nowSeconds() - 3600;
	const hourOldClick = encryptedFor(clickXml(hourAgo));
	// Captured an hour ago, with a nonce that happens to read as the Unix time of now.
	const captured = signed(hourOldClick, String(hourAgo), String(nowSeconds()));
	const capturedQuery = captured.query as Record<string, string>;
	const swapped = {
		...captured,
		query: {
			...capturedQuery,
			timestamp: capturedQuery.nonce,
			nonce: capturedQuery.timestamp,
		},
	};
	add('replay: timestamp and nonce swapped, the nonce reading as now', swapped, 403, true);
	add('replay: timestamp and nonce swapped, default options', swapped, 403);
	add('replay: captured an hour ago, default options', captured, 403);
	add('replay: CreateTime an hour old, timestamp fresh (re-signed)', signed(hourOldClick), 403, true);
	add('replay: CreateTime an hour ahead (re-signed)', signed(encryptedFor(clickXml(nowSeconds() + 3600))), 403, true);
	const withoutCreateTime = clickXml().replace(/<CreateTime>[0-9]+<\/CreateTime>/, '');
	add('replay: a message without CreateTime', signed(encryptedFor(withoutCreateTime)), 403, true);
	const textCreateTime = clickXml().replace(
		/<CreateTime>[0-9]+<\/CreateTime>/,
		`<CreateTime>${cdata('now')}</CreateTime>`,
	);
	add('replay: CreateTime not a number', signed(encryptedFor(textCreateTime)), 403, true);

	// Methods and the GET handshake.
	for (const method of ['PUT', 'DELETE', 'PATCH']) add(`method ${method}`, { ...valid, method }, 404);
	add('method HEAD', { method: 'HEAD', query: validQuery }, 404);
	add('GET without echostr', { method: 'GET', query: validQuery }, 400);
	const echo = { ...sealEchostr(SECRETS, '123456') };
	add(
		'GET with a forged echostr signature',
		{
			method: 'GET',
			query: { ...echo, msg_signature: validQuery.msg_signature },
		},
		401,
	);
	add('GET with a changed echostr', { method: 'GET', query: { ...echo, echostr: flipBit(echo.echostr, 3, 1) } }, 401);
	add(
		'GET echostr for another corp',
		{
			method: 'GET',
			query: { ...sealEchostr({ ...SECRETS, corpId: 'wwelse' }, '1') },
		},
		403,
	);
	add(
		'GET echostr not base64, signed',
		{
			method: 'GET',
			query: {
				...echo,
				echostr: 'not*base64',
				msg_signature: callbackSignature(SECRETS.token, echo.timestamp, echo.nonce, 'not*base64'),
			},
		},
		400,
	);
	add('POST with only an echostr', { method: 'POST', query: echo, body: '' }, 400);

	// A URL check answers only a URL check's random string. A callback's Encrypt replayed as the
	// echostr keeps its signature (the same four values) and must not come back decrypted.
	const asEchostr = (request: Request, encryptedText: string): Request => ({
		method: 'GET',
		query: {
			...(request.query as Record<string, string>),
			echostr: encryptedText,
		},
	});
	add("GET: a captured callback's Encrypt replayed as echostr", asEchostr(valid, encrypted), 400);
	add('GET: the hour-old capture replayed as echostr, swapped', asEchostr(swapped, hourOldClick), 400);
	const textMessage = encryptedFor(
		toXml('xml', {
			ToUserName: SECRETS.corpId,
			FromUserName: 'bob',
			CreateTime: SENT_AT,
			MsgType: 'text',
			Content: '1',
		}),
	);
	add('GET: a captured text message replayed as echostr', asEchostr(signed(textMessage), textMessage), 400);
	const notUrlChecks: Record<string, string> = {
		'<xml/>': '<xml/>',
		'an XML fragment': '<a',
		'65 characters': '1'.repeat(65),
		'with a space': '12 34',
		'with an ampersand': '12&34',
		'with a newline': '1234\n',
		empty: '',
		'full-width digits': '１２３４',
	};
	for (const [name, plaintext] of Object.entries(notUrlChecks)) {
		add(`GET: echostr plaintext ${name}`, { method: 'GET', query: { ...sealEchostr(SECRETS, plaintext) } }, 400);
	}
	const hourOldCheck = {
		...sealEchostr(SECRETS, '1616140317555161061', { timestamp: hourAgo }),
	};
	add('GET: URL check an hour old, default options', { method: 'GET', query: hourOldCheck }, 403);
	add('GET: URL check an hour old', { method: 'GET', query: hourOldCheck }, 403, true);
	return cases;
}

async function send(host: TriggerHost, request: Request): Promise<number> {
	const url = new URL(host.webhookUrl);
	for (const [name, value] of Object.entries(request.query ?? {})) {
		for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, item);
	}
	const method = request.method ?? 'POST';
	const hasBody = method !== 'GET' && method !== 'HEAD' && request.body !== undefined;
	const response = await fetch(url, {
		method,
		headers: hasBody ? { 'Content-Type': 'text/xml' } : undefined,
		body: hasBody ? request.body : undefined,
	});
	await response.arrayBuffer();
	return response.status;
}

async function startTrigger(parameters: INodeParameters): Promise<TriggerHost> {
	const harness = createEngineHarness({
		nodeTypes: { [TRIGGER_TYPE]: new WeComTrigger() },
		credentialTypes: { weComCallbackApi: new WeComCallbackApi() },
	});
	harness.credentials.add({
		...CREDENTIAL,
		type: 'weComCallbackApi',
		data: {
			corpId: SECRETS.corpId,
			token: SECRETS.token,
			encodingAesSecretKey: SECRETS.encodingAesKey,
		},
	});
	return await startTriggerHost({
		harness,
		trigger: {
			type: TRIGGER_TYPE,
			name: 'WeCom Trigger',
			parameters,
			credentials: { weComCallbackApi: CREDENTIAL },
		},
	});
}

describe('forged and malformed callbacks', () => {
	let plain: TriggerHost;
	let windowed: TriggerHost;

	beforeAll(async () => {
		plain = await startTrigger({
			events: ['*'],
			options: { ignoreResends: false },
		});
		windowed = await startTrigger({
			events: ['*'],
			options: { ignoreResends: false, maxAgeSeconds: 300 },
		});
	});

	afterAll(async () => {
		await plain.close();
		await windowed.close();
	});

	it('are all refused with a 4xx, start nothing and crash nothing', async () => {
		const corpus = forgeryCorpus();
		expect(corpus.length).toBeGreaterThanOrEqual(100);
		const control = signed(encryptedFor(clickXml()));
		expect(await send(plain, control)).toBe(200);

		const outcomes: Array<{ name: string; status: number; expected?: number }> = [];
		for (const forged of corpus) {
			const host = forged.windowed ? windowed : plain;
			const before = host.requests.length;
			const status = await send(host, forged);
			expect(host.requests.length).toBe(before + 1);
			outcomes.push({ name: forged.name, status, expected: forged.status });
		}
		const requests = [...plain.requests.slice(1), ...windowed.requests];
		const rejected = outcomes.filter(({ status }) => status >= 400 && status < 500).length;
		const started = requests.filter((request) => request.started).length;
		const crashed = requests.filter((request) => request.crashed).length;
		const byStatus = new Map<number, number>();
		for (const { status } of outcomes) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
		const breakdown = [...byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
		console.log(
			`forgery corpus: ${corpus.length} cases, ${rejected} rejected (4xx: ${breakdown.join(' ')}), ${started} started, ${crashed} crashed`,
		);

		expect(outcomes.filter(({ status }) => status < 400 || status >= 500)).toEqual([]);
		expect(outcomes.filter(({ status, expected }) => expected !== undefined && status !== expected)).toEqual([]);
		expect(started).toBe(0);
		expect(crashed).toBe(0);
		// Refusals name a reason class and nothing decrypted.
		const echoed = requests.filter(({ body }) =>
			['<', 'CDATA', 'template_card', SECRETS.corpId].some((text) => body.includes(text)),
		);
		expect(echoed).toEqual([]);
		// Nothing was poisoned: a genuine callback still goes through, on both triggers.
		expect(await send(plain, signed(encryptedFor(clickXml(nowSeconds(), 'after-corpus'))))).toBe(200);
		expect(
			await send(
				windowed,
				signed(encryptedFor(clickXml(nowSeconds() - 10, 'after-corpus')), String(nowSeconds() - 10)),
			),
		).toBe(200);
		expect(plain.started).toHaveLength(2);
		expect(windowed.started).toHaveLength(1);
	});
});

describe('re-sends and replays', () => {
	let host: TriggerHost;

	afterEach(async () => {
		await host.close();
	});

	it('drops re-sends: the same request, and the same event sealed again, start the workflow once', async () => {
		host = await startTrigger({ events: ['*'] });
		const clickedAt = nowSeconds();
		const first = signed(encryptedFor(clickXml(clickedAt)));
		const resealed = sealCallback(SECRETS, clickXml(clickedAt), {
			nonce: '99',
			timestamp: nowSeconds() + 1,
		});
		const statuses = [
			await send(host, first),
			await send(host, first),
			await send(host, first),
			await send(host, {
				method: 'POST',
				query: { ...resealed.query },
				body: resealed.body,
			}),
		];
		expect(statuses).toEqual([200, 200, 200, 200]);
		expect(host.requests.map((request) => request.body)).toEqual(['', '', '', '']);
		expect(host.started).toHaveLength(1);
		// A different click (another second, or another button) is a new event.
		await send(host, signed(encryptedFor(clickXml(clickedAt - 1))));
		await send(host, signed(encryptedFor(clickXml(clickedAt, 'reject'))));
		expect(host.started).toHaveLength(3);
	});

	it('drops re-sent messages by MsgId', async () => {
		host = await startTrigger({ events: ['message'] });
		const message = (msgId: string) =>
			`<xml><ToUserName>${cdata(SECRETS.corpId)}</ToUserName><FromUserName>${cdata('bob')}</FromUserName><CreateTime>${nowSeconds()}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata('hi')}</Content><MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
		for (const msgId of ['4561255354251345929', '4561255354251345929', '4561255354251345930']) {
			expect(await send(host, signed(encryptedFor(message(msgId))))).toBe(200);
		}
		expect(host.started.map((items) => items[0].json.msgId)).toEqual(['4561255354251345929', '4561255354251345930']);
	});

	it('lets re-sends through when Ignore Re-Sends is off', async () => {
		host = await startTrigger({
			events: ['*'],
			options: { ignoreResends: false },
		});
		const request = signed(encryptedFor(clickXml(nowSeconds())));
		await send(host, request);
		await send(host, request);
		expect(host.started).toHaveLength(2);
	});

	it('remembers a callback for as long as a longer window would accept it again', async () => {
		host = await startTrigger({ events: ['*'], options: { maxAgeSeconds: 3600 } });
		const delivery = signed(encryptedFor(clickXml(nowSeconds(), 'long-window')));
		const request = { method: 'POST', query: delivery.query ?? {}, body: delivery.body ?? '' };
		expect(await host.send(request)).toEqual({ status: 200, body: '' });
		// 50 minutes on: inside the one-hour window, so only the re-send memory stops it.
		const realNow = Date.now;
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 50 * 60 * 1000);
		try {
			expect(await host.send(request)).toEqual({ status: 200, body: '' });
		} finally {
			jest.restoreAllMocks();
		}
		expect(host.started).toHaveLength(1);
	});

	it('accepts timestamps inside the replay window, refuses them outside', async () => {
		host = await startTrigger({
			events: ['*'],
			options: { maxAgeSeconds: 60 },
		});
		const now = nowSeconds();
		expect(await send(host, signed(encryptedFor(clickXml(now - 30, 'a')), String(now - 30)))).toBe(200);
		expect(await send(host, signed(encryptedFor(clickXml(now + 30, 'b')), String(now + 30)))).toBe(200);
		expect(await send(host, signed(encryptedFor(clickXml(now - 90, 'c')), String(now - 90)))).toBe(403);
		expect(host.requests.at(-1)?.body).toBe('stale');
		expect(host.started).toHaveLength(2);
	});
});

describe('URL verification', () => {
	let host: TriggerHost;

	afterEach(async () => {
		await host.close();
	});

	async function get(query: Record<string, string>): Promise<{ status: number; body: string }> {
		const url = new URL(host.webhookUrl);
		for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
		const response = await fetch(url);
		return { status: response.status, body: await response.text() };
	}

	it("answers a URL check's random string exactly, and a callback replayed as one with a reason only", async () => {
		host = await startTrigger({ events: ['*'] });
		// WeCom's echostr plaintexts are random strings of 18 to 20 digits; 64 printable characters is the bound.
		for (const plaintext of ['1616140317555161061', `${'Az09'.repeat(15)}-_=+`]) {
			expect(await get({ ...sealEchostr(SECRETS, plaintext) })).toEqual({ status: 200, body: plaintext });
		}
		const captured = signed(encryptedFor(clickXml(nowSeconds(), 'captured')));
		const echostr = encryptedFor(clickXml(nowSeconds(), 'captured'));
		expect(await get({ ...(captured.query as Record<string, string>), echostr })).toEqual({
			status: 400,
			body: 'notUrlCheck',
		});
		expect(host.started).toHaveLength(0);
	});
});

describe('a misconfigured credential', () => {
	it('answers 500 without starting anything or throwing out of the handler', async () => {
		const harness = createEngineHarness({
			nodeTypes: { [TRIGGER_TYPE]: new WeComTrigger() },
			credentialTypes: { weComCallbackApi: new WeComCallbackApi() },
		});
		harness.credentials.add({
			...CREDENTIAL,
			type: 'weComCallbackApi',
			data: {
				corpId: SECRETS.corpId,
				token: SECRETS.token,
				encodingAesSecretKey: SECRETS.encodingAesKey.slice(1),
			},
		});
		const host = await startTriggerHost({
			harness,
			trigger: {
				type: TRIGGER_TYPE,
				name: 'WeCom Trigger',
				parameters: { events: ['*'] },
				credentials: { weComCallbackApi: CREDENTIAL },
			},
		});
		try {
			expect(await send(host, signed(encryptedFor(clickXml())))).toBe(500);
			expect(host.requests[0]).toMatchObject({
				body: 'internal error',
				started: false,
			});
			// Answered by the node itself: webhook() did not throw.
			expect(host.requests[0].error).toBeUndefined();
			expect(harness.logs.map((log) => log.message).join('\n')).toMatch(/EncodingAESKey must be exactly 43/);
		} finally {
			await host.close();
		}
	});
});
