/** Secrets out of any text that echoes a request; card fields that merely end in "key" stay. */
import { withoutKnownSecrets, redactSecrets } from '../../nodes/WeCom/TemplateCard/transport/redact';

describe('redactSecrets', () => {
	it.each([
		['https://qyapi.weixin.qq.com/cgi-bin/message/send?access_token=T0123&debug=1', 'access_token=***&debug=1'],
		['/cgi-bin/gettoken?corpid=ww1&corpsecret=S0123', 'corpsecret=***'],
		['/cgi-bin/webhook/send?key=693a91f6-7xxx', 'key=***'],
		['invalid request: {"access_token":"T0123"}', '{"access_token":"***"}'],
		["secret: 'S0123'", "secret: '***'"],
	])('removes the value under a secret name in %s', (text, expected) => {
		expect(redactSecrets(text)).toContain(expected);
		expect(redactSecrets(text)).not.toMatch(/T0123|S0123|693a91f6/);
	});

	it('removes every known value wherever it stands, but not short ones that could be words', () => {
		const token = 'tok-9f8e7d6c5b4a39281706';
		expect(redactSecrets(`token ${token} expired (${token})`, [token, 'ok'])).toBe('token *** expired (***)');
		expect(redactSecrets('errmsg ok', ['ok'])).toBe('errmsg ok');
	});

	it("keeps a card's question_key and event_key, which WeCom may quote in an errmsg", () => {
		const errmsg = 'invalid checkbox: "question_key":"q1", event_key: approve';
		expect(redactSecrets(errmsg)).toBe(errmsg);
	});
});

/** A successful answer that echoes the request: known values out of strings and keys, the rest as sent. */
describe('withoutKnownSecrets', () => {
	const token = 'tok-9f8e7d6c5b4a39281706';

	it('replaces the value in strings and keys at any depth, and keeps fields named key', () => {
		const answer = {
			errcode: 0,
			options: [{ key: 'option-1', value: [{ text: `url?access_token=${token}` }] }],
			[token]: 1,
			'***': 2,
		};
		expect(withoutKnownSecrets(answer, [token, undefined, 'ok'])).toEqual({
			errcode: 0,
			options: [{ key: 'option-1', value: [{ text: 'url?access_token=***' }] }],
			'***': 2,
			'*** (2)': 1,
		});
	});

	it('walks 100,000 levels of nesting without exhausting the stack', () => {
		let deep: Record<string, unknown> = { text: token };
		const innermost = deep;
		for (let level = 0; level < 100_000; level++) deep = { list: [deep] };
		expect(() => withoutKnownSecrets(deep, [token])).not.toThrow();
		expect(innermost.text).toBe('***');
	});
});
