/**
 * The sandbox's upload APIs against WeCom's documented limits and errcodes (limits transcribed
 * from https://developer.work.weixin.qq.com/document/path/90253, /90256 and /99110, errcodes
 * from /90313), not read from the code under test.
 */
import { DEMO_ROBOT_KEY } from '../../sandbox';
import { postSandboxUpload } from '../harness/sandboxMedia';
import { useDemoSandbox } from '../harness/sandboxSession';

const MB = 1024 * 1024;
const DAY = 24 * 3600 * 1000;

const bytes = (size: number) => Buffer.alloc(size, 7);

describe('sandbox: media uploads', () => {
	let now = Date.UTC(2026, 0, 1);
	const demo = useDemoSandbox({ clock: () => now });

	const upload = (path: string, query: Record<string, string>, fileName: string, data: Buffer, mimeType?: string) =>
		postSandboxUpload(demo.sandbox.url, path, query, { fileName, data, mimeType });
	const appUpload = (type: string, fileName: string, data: Buffer, accessToken = demo.token) =>
		upload('/cgi-bin/media/upload', { access_token: accessToken, type }, fileName, data);
	const uploadImg = (fileName: string, data: Buffer, mime = 'image/png') =>
		upload('/cgi-bin/media/uploadimg', { access_token: demo.token }, fileName, data, mime);
	const robotUpload = (type: string, fileName: string, data: Buffer, key = DEMO_ROBOT_KEY) =>
		upload('/cgi-bin/webhook/upload_media', { key, type }, fileName, data);

	it('answers media/upload with a media_id, its type and created_at as a string of seconds', async () => {
		const answer = await appUpload('file', 'report.pdf', bytes(1000));
		expect(answer).toMatchObject({ errcode: 0, type: 'file', created_at: String(now / 1000) });
		expect(typeof answer.media_id).toBe('string');
	});

	it.each([
		['image', 'photo.jpg', 10 * MB],
		['image', 'photo.PNG', 10 * MB],
		['voice', 'hello.amr', 2 * MB],
		['video', 'clip.mp4', 10 * MB],
		['file', 'archive.zip', 20 * MB],
	])('takes a %s (%s) of exactly its limit', async (type, fileName, size) => {
		expect(await appUpload(type, fileName, bytes(size))).toMatchObject({ errcode: 0, type });
	});

	it.each([
		['image', 'photo.png', 10 * MB + 1, 45001],
		['voice', 'hello.amr', 2 * MB + 1, 45001],
		['file', 'notes.txt', 5, 40006],
		['file', 'notes.txt', 0, 44001],
		['image', 'photo.gif', 100, 40004],
		['video', 'clip.avi', 100, 40004],
		['voice', 'hello.mp3', 100, 301017],
		['sticker', 'a.png', 100, 40005],
	])('refuses a %s %s of %d bytes with %d', async (type, fileName, size, errcode) => {
		expect((await appUpload(type, fileName, bytes(size))).errcode).toBe(errcode);
	});

	it('refuses a body without the media part (44001) and a bad token (40014)', async () => {
		const noPart = await fetch(`${demo.sandbox.url}/cgi-bin/media/upload?access_token=${demo.token}&type=file`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		expect(((await noPart.json()) as { errcode: number }).errcode).toBe(44001);
		expect((await appUpload('file', 'a.txt', bytes(10), 'not-a-token')).errcode).toBe(40014);
	});

	it('keeps an app media_id for 3 days, for the corp', async () => {
		const answer = await appUpload('file', 'report.pdf', bytes(100));
		const mediaId = String(answer.media_id);
		expect(demo.sandbox.uploadedMedia(mediaId)).toMatchObject({ fileName: 'report.pdf', size: 100, type: 'file' });
		now += 3 * DAY - 1;
		expect(demo.sandbox.uploadedMedia(mediaId)).toBeDefined();
		now += 1;
		expect(demo.sandbox.uploadedMedia(mediaId)).toBeUndefined();
	});

	it('answers uploadimg with a permanent URL that serves the image', async () => {
		const image = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), bytes(100)]);
		const answer = await uploadImg('logo.png', image);
		expect(answer.errcode).toBe(0);
		now += 30 * DAY;
		const served = await fetch(String(answer.url));
		expect(served.status).toBe(200);
		expect(served.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await served.arrayBuffer())).toEqual(image);
	});

	it.each([
		['logo.png', 2 * MB + 1, 40009],
		['logo.png', 5, 40009],
		['logo.gif', 100, 40004],
	])('refuses uploadimg of %s (%d bytes) with %d', async (fileName, size, errcode) => {
		expect((await uploadImg(fileName, bytes(size))).errcode).toBe(errcode);
	});

	it('takes an image of exactly 2 MB on uploadimg', async () => {
		expect((await uploadImg('big.jpg', bytes(2 * MB), 'image/jpeg')).errcode).toBe(0);
	});

	it('uploads robot files and voice with the webhook key; the media_id is that robot’s', async () => {
		const answer = await robotUpload('file', 'minutes.docx', bytes(100));
		expect(answer).toMatchObject({ errcode: 0, type: 'file' });
		expect(demo.sandbox.uploadedMedia(String(answer.media_id))?.owner).toEqual({ robotKey: DEMO_ROBOT_KEY });
		expect((await robotUpload('voice', 'note.amr', bytes(100))).errcode).toBe(0);
	});

	it.each([
		['image', 'a.png', 100, 'its key', 40005],
		['file', 'a.txt', 20 * MB + 1, 'its key', 45001],
		['voice', 'a.wav', 100, 'its key', 301017],
		['file', 'a.txt', 100, 'a wrong key', 93000],
	])('refuses robot upload type %s %s (%d bytes, %s) with %d', async (type, fileName, size, key, errcode) => {
		const webhookKey = key === 'its key' ? DEMO_ROBOT_KEY : 'wrong-key';
		expect((await robotUpload(type, fileName, bytes(size), webhookKey)).errcode).toBe(errcode);
	});
});
