/**
 * Card images and attachments taken from input binary fields in the card form: uploaded
 * (media/uploadimg for images, media/upload or the robot's upload_media for attachments) after
 * the card is checked, and their URL / media_id put in the card. A file WeCom would refuse, or a
 * card that is invalid, stops the item before any upload.
 */
import type { INodeParameters } from 'n8n-workflow';

import { DEMO_ROBOT_KEY } from '../../sandbox';
import { fileItem, startMediaFixture, type MediaFixture } from './mediaFixture';

const MB = 1024 * 1024;
const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(size - 4, 2)]);

const newsCard = (extra: INodeParameters): INodeParameters => ({
	cardInput: 'form',
	cardType: 'news_notice',
	title: 'Quarterly report',
	cardActionType: 1,
	cardActionUrl: 'https://example.com/reports/q3',
	...extra,
});
const appSend = (extra: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendTemplateCard',
	toUser: 'alice',
	...newsCard(extra),
});
const attachmentRow = (fileBinaryField: string) => ({
	horizontalContentList: { items: [{ keyname: 'Report', type: 2, value: 'report.pdf', fileBinaryField }] },
});

describe('card images and attachments from binary fields', () => {
	let fixture: MediaFixture;
	beforeAll(async () => {
		fixture = await startMediaFixture();
	});
	afterAll(async () => await fixture.close());
	beforeEach(() => fixture.sandbox.reset());

	const calls = (path: string) => fixture.sandbox.stats().calls[path];
	interface SentCard {
		card_image: { url: string; aspect_ratio?: number };
		image_text_area: { image_url: string };
		horizontal_content_list: Array<{ media_id: string }>;
	}
	const sentCard = (index = 0) => fixture.sandbox.messages()[index].template_card as SentCard;

	it('uploads the card image and the image-text image and sends their permanent URLs', async () => {
		const cover = png(3000);
		const thumb = png(500);
		const run = await fixture.run(
			appSend({
				cardImage: { image: { imageBinaryField: 'cover', aspect_ratio: 2 } },
				imageTextArea: { area: { imageBinaryField: 'thumb', title: 'Highlights' } },
			}),
			[
				{
					json: {},
					binary: {
						...fileItem(cover, 'cover.png', 'image/png', 'cover').binary,
						...fileItem(thumb, 'thumb.jpg', 'image/jpeg', 'thumb').binary,
					},
				},
			],
		);
		expect(run.error).toBeUndefined();
		const card = sentCard();
		expect(card.card_image.aspect_ratio).toBe(2);
		expect(Buffer.from(await (await fetch(card.card_image.url)).arrayBuffer())).toEqual(cover);
		expect(Buffer.from(await (await fetch(card.image_text_area.image_url)).arrayBuffer())).toEqual(thumb);
	});

	it('keeps an Image URL that is filled in, and uploads nothing', async () => {
		const run = await fixture.run(
			appSend({ cardImage: { image: { url: 'https://example.com/cover.png', imageBinaryField: 'cover' } } }),
			[fileItem(png(100), 'cover.png', 'image/png', 'cover')],
		);
		expect(run.error).toBeUndefined();
		expect(sentCard().card_image.url).toBe('https://example.com/cover.png');
		expect(calls('/cgi-bin/media/uploadimg')).toBeUndefined();
	});

	it('uploads an attachment row file for a media_id (media/upload)', async () => {
		const run = await fixture.run(
			appSend({ cardImage: { image: { url: 'https://example.com/c.png' } }, ...attachmentRow('report') }),
			[fileItem(Buffer.from('%PDF-1.7 quarterly'), 'report.pdf', 'application/pdf', 'report')],
		);
		expect(run.error).toBeUndefined();
		const row = sentCard().horizontal_content_list[0];
		expect(row).toMatchObject({ type: 2, keyname: 'Report', value: 'report.pdf' });
		expect(fixture.sandbox.uploadedMedia(row.media_id)).toMatchObject({ fileName: 'report.pdf', type: 'file' });
	});

	it('refuses an oversized card image with the field named, before any upload or send', async () => {
		const run = await fixture.run(appSend({ cardImage: { image: { imageBinaryField: 'cover' } } }), [
			fileItem(png(2 * MB + 1), 'cover.png', 'image/png', 'cover'),
		]);
		expect(run.error?.message).toMatch(
			/^Card Image › Image From Binary Field: the file in "cover" is 2,097,153 bytes, larger than the 2 MB \(2,097,152 bytes\) WeCom accepts/,
		);
		expect(calls('/cgi-bin/media/uploadimg')).toBeUndefined();
		expect(calls('/cgi-bin/message/send')).toBeUndefined();
	});

	it('checks every file before uploading any: a missing second file uploads nothing', async () => {
		const run = await fixture.run(
			appSend({ cardImage: { image: { imageBinaryField: 'cover' } }, ...attachmentRow('missing') }),
			[fileItem(png(100), 'cover.png', 'image/png', 'cover')],
		);
		expect(run.error?.message).toBe(
			'Key/Value Rows[1] › File From Binary Field: the input item has no binary property "missing"',
		);
		expect(calls('/cgi-bin/media/uploadimg')).toBeUndefined();
		expect(calls('/cgi-bin/media/upload')).toBeUndefined();
	});

	it('checks the card before uploading: an invalid card uploads nothing', async () => {
		const run = await fixture.run(appSend({ cardImage: { image: { imageBinaryField: 'cover', aspect_ratio: 5 } } }), [
			fileItem(png(100), 'cover.png', 'image/png', 'cover'),
		]);
		expect(run.error?.message).toMatch(/^Invalid card: Card Image/);
		expect(calls('/cgi-bin/media/uploadimg')).toBeUndefined();
	});

	it("uploads a group robot card's attachment with the robot's own upload", async () => {
		const run = await fixture.run(
			{
				resource: 'robot',
				operation: 'sendTemplateCard',
				...newsCard({ cardImage: { image: { url: 'https://example.com/c.png' } }, ...attachmentRow('minutes') }),
			},
			[fileItem(Buffer.from('minutes of the meeting'), 'minutes.txt', 'text/plain', 'minutes')],
		);
		expect(run.error).toBeUndefined();
		const row = sentCard().horizontal_content_list[0];
		expect(fixture.sandbox.uploadedMedia(row.media_id)?.owner).toEqual({ robotKey: DEMO_ROBOT_KEY });
		expect(calls('/cgi-bin/media/upload')).toBeUndefined();
	});

	it('refuses an image from a binary field on a group robot card, before anything is sent', async () => {
		const run = await fixture.run(
			{
				resource: 'robot',
				operation: 'sendTemplateCard',
				...newsCard({ cardImage: { image: { imageBinaryField: 'cover' } } }),
			},
			[fileItem(png(100), 'cover.png', 'image/png', 'cover')],
		);
		expect(run.error?.message).toBe('Card Image › Image From Binary Field: a group robot cannot upload images');
		expect(calls('/cgi-bin/webhook/send')).toBeUndefined();
	});
});

/**
 * An attachment row (horizontal_content_list type 2, 文件附件, "附件的media_id":
 * https://developer.work.weixin.qq.com/document/path/90236; the robot's 文件上传接口: /99110) takes
 * a `type=file` upload; WeCom answers 40007 不合法的media_id for another (/90313). The node knows
 * the type of what it uploaded and refuses such a card before sending it.
 */
describe('attachment rows take a file upload only', () => {
	let fixture: MediaFixture;
	beforeAll(async () => {
		fixture = await startMediaFixture();
	});
	afterAll(async () => await fixture.close());
	beforeEach(() => fixture.sandbox.reset());

	const upload = async (resource: 'media' | 'robot', mediaType: string, fileName: string) => {
		const operation = resource === 'media' ? 'uploadFile' : 'uploadMedia';
		const run = await fixture.run({ resource, operation, mediaType }, [
			fileItem(png(100), fileName, 'application/octet-stream'),
		]);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.type).toBe(mediaType);
		return String(run.items[0].json.media_id);
	};
	const rows = (media_id: string) => ({
		cardImage: { image: { url: 'https://example.com/c.png' } },
		horizontalContentList: {
			items: [
				{ keyname: 'Owner', value: 'Alice' },
				{ keyname: 'Report', type: 2, value: 'report.pdf', media_id },
			],
		},
	});
	const refusal = (error: unknown) => error as { errcode?: number; message: string; description?: string };

	it.each([
		['image', 'photo.jpg'],
		['voice', 'note.amr'],
		['video', 'clip.mp4'],
	])('refuses an app card whose attachment is a %s upload, sending nothing', async (mediaType, fileName) => {
		const mediaId = await upload('media', mediaType, fileName);
		const run = await fixture.run(appSend(rows(mediaId)));
		const error = refusal(run.error);
		expect(error.errcode).toBe(40007);
		expect(error.message).toContain('horizontal_content_list[1].media_id');
		expect(error.message).toContain('Invalid media_id');
		expect(error.description).toMatch(/Upload it with type file/);
		expect(fixture.sandbox.stats().calls['/cgi-bin/message/send']).toBeUndefined();
	});

	it("refuses a group robot card whose attachment is the robot's voice upload", async () => {
		const mediaId = await upload('robot', 'voice', 'note.amr');
		const run = await fixture.run({ resource: 'robot', operation: 'sendTemplateCard', ...newsCard(rows(mediaId)) });
		expect(refusal(run.error)).toMatchObject({ errcode: 40007 });
		expect(refusal(run.error).message).toContain('horizontal_content_list[1].media_id');
		expect(fixture.sandbox.stats().calls['/cgi-bin/webhook/send']).toBeUndefined();
	});

	it('sends an app card whose attachment is a file upload', async () => {
		const mediaId = await upload('media', 'file', 'report.pdf');
		const run = await fixture.run(appSend(rows(mediaId)));
		expect(run.error).toBeUndefined();
		expect(fixture.sandbox.messages()).toHaveLength(1);
	});
});
