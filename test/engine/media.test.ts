/**
 * Media uploads through the engine against the sandbox: Upload Image (permanent URL), Upload File
 * (media_id for 3 days) and the group robot's Upload Media; files WeCom would refuse are refused
 * with the field named and nothing sent. Limits as WeCom documents them
 * (https://developer.work.weixin.qq.com/document/path/90253, /90256, /99110).
 */
import { DEMO_ROBOT_KEY } from '../../sandbox';
import { fileItem, startMediaFixture, type MediaFixture } from './mediaFixture';

const MB = 1024 * 1024;
const THREE_DAYS_S = 3 * 24 * 3600;
const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(size - 4, 1)]);

describe('media uploads through the engine', () => {
	let fixture: MediaFixture;
	beforeAll(async () => {
		fixture = await startMediaFixture();
	});
	afterAll(async () => await fixture.close());
	beforeEach(() => fixture.sandbox.reset());

	const uploadCalls = (path: string) => fixture.sandbox.stats().calls[path];

	it('uploads an image for a permanent URL that serves it', async () => {
		const image = png(2000);
		const run = await fixture.run({ resource: 'media', operation: 'uploadImage' }, [
			fileItem(image, 'logo.png', 'image/png'),
		]);
		expect(run.error).toBeUndefined();
		const output = run.items[0].json;
		expect(output).toMatchObject({ fileName: 'logo.png', size: 2000, attempts: 1 });
		const served = await fetch(String(output.url));
		expect(Buffer.from(await served.arrayBuffer())).toEqual(image);
	});

	it('uploads a file for a media_id valid for 3 days, with the expiry in the output', async () => {
		const run = await fixture.run({ resource: 'media', operation: 'uploadFile', mediaType: 'file' }, [
			fileItem(Buffer.from('quarterly figures, 2026'), 'report.txt', 'text/plain'),
		]);
		expect(run.error).toBeUndefined();
		const output = run.items[0].json;
		expect(output).toMatchObject({ type: 'file', fileName: 'report.txt', size: 23 });
		const createdAtS = Number(output.created_at);
		expect(output.expires_at).toBe(new Date((createdAtS + THREE_DAYS_S) * 1000).toISOString());
		expect(fixture.sandbox.uploadedMedia(String(output.media_id))).toMatchObject({ fileName: 'report.txt', size: 23 });
	});

	it("uploads the same bytes through n8n's own HTTP client (Connections: n8n's client)", async () => {
		const data = Buffer.from("an attachment carried by n8n's helper");
		const run = await fixture.run(
			{ resource: 'media', operation: 'uploadFile', mediaType: 'file' },
			[fileItem(data, 'helper.txt', 'text/plain')],
			false,
			true,
		);
		expect(run.error).toBeUndefined();
		expect(fixture.sandbox.uploadedMedia(String(run.items[0].json.media_id))).toMatchObject({
			fileName: 'helper.txt',
			size: data.length,
		});
	});

	it('names a file without a name after its property and MIME type', async () => {
		const run = await fixture.run(
			{ resource: 'media', operation: 'uploadFile', mediaType: 'image', binaryPropertyName: 'screenshot' },
			[fileItem(png(100), undefined, 'image/png', 'screenshot')],
		);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.fileName).toBe('screenshot.png');
	});

	it('retries an upload WeCom answered "system busy" (-1)', async () => {
		fixture.sandbox.faults.add({ kind: 'errcode', errcode: -1, path: '/cgi-bin/media/upload', times: 1 });
		const run = await fixture.run({ resource: 'media', operation: 'uploadFile', options: { retryBaseDelayMs: 0 } }, [
			fileItem(Buffer.from('hello world'), 'a.txt', 'text/plain'),
		]);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.attempts).toBe(2);
	});

	it.each([
		[
			'an image over 2 MB',
			'uploadImage',
			{},
			png(2 * MB + 1),
			'big.png',
			/is 2,097,153 bytes, larger than the 2 MB \(2,097,152 bytes\) WeCom accepts/,
		],
		['a GIF', 'uploadImage', {}, png(100), 'anim.gif', /is not JPG or PNG/],
		['a 5-byte file', 'uploadFile', { mediaType: 'file' }, Buffer.alloc(5), 'tiny.txt', /more than 5 bytes/],
		[
			'a video over 10 MB',
			'uploadFile',
			{ mediaType: 'video' },
			Buffer.alloc(10 * MB + 1),
			'clip.mp4',
			/larger than the 10 MB/,
		],
		['an MP3 as voice', 'uploadFile', { mediaType: 'voice' }, Buffer.alloc(100), 'note.mp3', /is not AMR/],
	])('refuses %s before anything is sent', async (_label, operation, extra, data, fileName, message) => {
		const run = await fixture.run({ resource: 'media', operation, ...extra }, [
			fileItem(data, fileName, 'application/octet-stream'),
		]);
		expect(run.error?.message).toMatch(/^Input Binary Field: the file in "data" /);
		expect(run.error?.message).toMatch(message);
		expect(uploadCalls('/cgi-bin/media/upload')).toBeUndefined();
		expect(uploadCalls('/cgi-bin/media/uploadimg')).toBeUndefined();
		expect(fixture.sandbox.stats().gettoken).toBe(0);
	});

	it('names a missing binary property and the ones the item has', async () => {
		const run = await fixture.run({ resource: 'media', operation: 'uploadImage', binaryPropertyName: 'photo' }, [
			fileItem(png(100), 'logo.png', 'image/png', 'attachment'),
		]);
		expect(run.error?.message).toBe('Input Binary Field: the input item has no binary property "photo"');
		expect((run.error as { description?: string }).description).toMatch(/attachment/);
		expect(uploadCalls('/cgi-bin/media/uploadimg')).toBeUndefined();
	});

	it('keeps going per item with continue-on-fail', async () => {
		const run = await fixture.run(
			{ resource: 'media', operation: 'uploadImage' },
			[fileItem(png(100), 'a.png', 'image/png'), { json: {} }, fileItem(png(100), 'b.jpg', 'image/jpeg')],
			true,
		);
		expect(run.items.map((item) => typeof item.json.url)).toEqual(['string', 'undefined', 'string']);
		expect(run.items[1].json.error).toMatch(/no binary property "data"/);
		expect(run.items[0].json.url).not.toBe(run.items[2].json.url);
	});

	it("uploads a robot file with the robot's key; the media_id is that robot's", async () => {
		const run = await fixture.run({ resource: 'robot', operation: 'uploadMedia', mediaType: 'file' }, [
			fileItem(Buffer.from('minutes of the meeting'), 'minutes.txt', 'text/plain'),
		]);
		expect(run.error).toBeUndefined();
		const output = run.items[0].json;
		expect(output).toMatchObject({ type: 'file', fileName: 'minutes.txt' });
		expect(fixture.sandbox.uploadedMedia(String(output.media_id))?.owner).toEqual({ robotKey: DEMO_ROBOT_KEY });
		expect(JSON.stringify(output)).not.toContain(DEMO_ROBOT_KEY);
	});

	it('refuses a robot voice that is not AMR before anything is sent', async () => {
		const run = await fixture.run({ resource: 'robot', operation: 'uploadMedia', mediaType: 'voice' }, [
			fileItem(Buffer.alloc(100), 'note.wav', 'audio/wav'),
		]);
		expect(run.error?.message).toMatch(/is not AMR/);
		expect(uploadCalls('/cgi-bin/webhook/upload_media')).toBeUndefined();
	});
});
