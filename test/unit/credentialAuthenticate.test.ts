/**
 * The WeCom API credential's authenticate: the token goes into the query next to the request's
 * own parameters, as WeCom asks (https://developer.work.weixin.qq.com/document/path/91039).
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { WeComApi } from '../../credentials/WeComApi.credentials';

const TOKEN = 'token-for-authenticate-test';
const credentials = { corpId: 'ww1', corpSecret: 'secret-for-authenticate-test', accessToken: TOKEN };

async function authenticated(options: Partial<IHttpRequestOptions>): Promise<IHttpRequestOptions> {
	return await new WeComApi().authenticate(credentials, { url: 'https://example.invalid/cgi-bin/x', ...options });
}

describe('WeComApi authenticate', () => {
	it('adds access_token to the request’s own query parameters, leaving the caller’s options alone', async () => {
		const qs = { lang: 'en' };
		const result = await authenticated({ qs });

		expect(result.qs).toEqual({ lang: 'en', access_token: TOKEN });
		expect(qs).toEqual({ lang: 'en' });
	});

	it('sends an empty access_token when none is stored, as the generic expression did', async () => {
		const result = await new WeComApi().authenticate({ corpId: 'ww1' }, { url: 'https://example.invalid/' });

		expect(result.qs).toEqual({ access_token: '' });
	});

	it.each([
		['"lang=en"', 'lang=en'],
		['a number', 7],
		['a list', ['lang', 'en']],
	])('refuses query parameters given as %s instead of spreading them, and names no token', async (_label, qs) => {
		const failure = await authenticated({ qs: qs as unknown as IHttpRequestOptions['qs'] }).catch(
			(error: unknown) => error as Error,
		);

		expect(failure).toBeInstanceOf(Error);
		expect((failure as Error).message).toMatch(/name\/value pairs/);
		expect((failure as Error).message).not.toContain(TOKEN);
	});
});
