/**
 * Uploads whose errcode 0 answer is not what WeCom documents (forged by a stub origin in front of
 * the sandbox): media/upload and webhook/upload_media answer a media_id and created_at, a string of
 * Unix seconds (https://developer.work.weixin.qq.com/document/path/90253, /99110); media/uploadimg
 * answers the image's url (https://developer.work.weixin.qq.com/document/path/90256). A missing
 * media_id or url fails the item; a created_at that is no usable time does not break the output.
 */
import { NodeApiError } from 'n8n-workflow';

import { fileItem, startMediaFixture, type MediaFixture } from './mediaFixture';
import { startStubOrigin, type StubOrigin } from './stubOrigin';

const THREE_DAYS_MS = 3 * 24 * 3600 * 1000;
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(996, 1)]);
const textFile = () => [fileItem(Buffer.from('quarterly figures, 2026'), 'report.txt', 'text/plain')];
const uploadFile = { resource: 'media', operation: 'uploadFile', mediaType: 'file' };
const robotUpload = { resource: 'robot', operation: 'uploadMedia', mediaType: 'file' };

describe('upload answers WeCom does not document', () => {
	let fixture: MediaFixture;
	let stub: StubOrigin;
	beforeAll(async () => {
		fixture = await startMediaFixture();
	});
	afterAll(async () => await fixture.close());
	beforeEach(async () => {
		fixture.sandbox.reset();
		stub = await startStubOrigin(fixture.sandbox.url);
		fixture.useOrigin(stub.url);
	});
	afterEach(async () => await stub.close());

	describe.each([
		['Upload File', uploadFile, '/cgi-bin/media/upload'],
		['robot Upload Media', robotUpload, '/cgi-bin/webhook/upload_media'],
	])('%s', (_name, parameters, path) => {
		// 99999999999 is a valid date (year 5138) but later than the answer: no media is created in the future.
		it.each([['99999999999999'], ['99999999999'], ['1e400'], ['soon'], [{ at: 1 }]])(
			'outputs expires_at from the upload time when created_at is %p',
			async (createdAt) => {
				stub.rewrite(path, (answer) => ({ ...answer, created_at: createdAt }));
				const before = Date.now();
				const run = await fixture.run(parameters, textFile());
				const after = Date.now();

				expect(run.error).toBeUndefined();
				const expiresAt = Date.parse(String(run.items[0].json.expires_at));
				expect(expiresAt).toBeGreaterThanOrEqual(before + THREE_DAYS_MS);
				expect(expiresAt).toBeLessThanOrEqual(after + THREE_DAYS_MS);
			},
		);

		it('fails clearly when the answer has no media_id', async () => {
			stub.rewrite(path, ({ media_id: _mediaId, ...rest }) => rest);
			const run = await fixture.run(parameters, textFile());

			expect(run.error).toBeInstanceOf(NodeApiError);
			expect(run.error?.message).toMatch(/errcode 0 without media_id/);
		});
	});

	it('does not speak of a message being delivered when an upload gets no WeCom answer', async () => {
		fixture.sandbox.faults.add({ path: '/cgi-bin/media/upload', kind: 'html200', times: 5 });
		const run = await fixture.run({ ...uploadFile, options: { maxAttempts: 1 } }, textFile());

		const description = String((run.error as { description?: string }).description);
		expect(run.error?.message).toMatch(/did not answer with its/);
		expect(description).not.toMatch(/message|delivered/i);
	});

	it('Upload Image fails clearly when the answer has no url', async () => {
		stub.rewrite('/cgi-bin/media/uploadimg', ({ url: _url, ...rest }) => rest);
		const run = await fixture.run({ resource: 'media', operation: 'uploadImage' }, [
			fileItem(png, 'logo.png', 'image/png'),
		]);

		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error?.message).toMatch(/errcode 0 without url/);
	});

	it.each(['javascript:alert(1)', 'not a url', 'ftp://example.com/a.png'])(
		"Upload Image fails clearly when the answer's url is %p (not http or https)",
		async (url) => {
			stub.rewrite('/cgi-bin/media/uploadimg', (answer) => ({ ...answer, url }));
			const run = await fixture.run({ resource: 'media', operation: 'uploadImage' }, [
				fileItem(png, 'logo.png', 'image/png'),
			]);

			expect(run.error).toBeInstanceOf(NodeApiError);
			expect(run.error?.message).toMatch(/errcode 0 without url/);
		},
	);

	it('sends no card whose uploaded image came back without a url', async () => {
		stub.rewrite('/cgi-bin/media/uploadimg', ({ url: _url, ...rest }) => rest);
		const run = await fixture.run(
			{
				resource: 'message',
				operation: 'sendTemplateCard',
				toUser: 'alice',
				cardInput: 'form',
				cardType: 'news_notice',
				title: 'Quarterly report',
				cardActionType: 1,
				cardActionUrl: 'https://example.com/reports/q3',
				cardImage: { image: { imageBinaryField: 'data' } },
			},
			[fileItem(png, 'cover.png', 'image/png')],
		);

		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error?.message).toMatch(/errcode 0 without url/);
		expect(fixture.sandbox.messages()).toEqual([]);
	});

	it('sends no robot card whose uploaded attachment came back without a media_id', async () => {
		stub.rewrite('/cgi-bin/webhook/upload_media', ({ media_id: _mediaId, ...rest }) => rest);
		const run = await fixture.run(
			{
				resource: 'robot',
				operation: 'sendTemplateCard',
				cardInput: 'form',
				cardType: 'text_notice',
				title: 'Quarterly report',
				cardActionType: 1,
				cardActionUrl: 'https://example.com/reports/q3',
				horizontalContentList: {
					items: [{ keyname: 'Report', type: 2, value: 'report.txt', fileBinaryField: 'data' }],
				},
			},
			textFile(),
		);

		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error?.message).toMatch(/errcode 0 without media_id/);
		expect(fixture.sandbox.messages()).toEqual([]);
	});
});
