/**
 * A media_id WeCom refuses (40007 不合法的media_id: never issued, or older than its 3 days;
 * https://developer.work.weixin.qq.com/document/path/90313) fails the item with the errcode, the
 * field that held it and what to do: upload the file again.
 */
import { EXPENSE_TEMPLATE_ID } from '../../sandbox';
import { demoAppToken, uploadSandboxFile } from '../harness/sandboxMedia';
import { startEngineFixture, textNoticeParameters, type EngineFixture } from './fixtures';

const DAY_MS = 24 * 3600 * 1000;

describe('media_ids WeCom refuses', () => {
	let fixture: EngineFixture;
	let now = Date.UTC(2026, 0, 5, 2);
	beforeAll(async () => {
		fixture = await startEngineFixture({ clock: () => now });
	});
	afterAll(async () => await fixture.close());

	const refusal = (error: unknown) => error as { errcode?: number; message: string; description?: string };

	it('fails a card whose attachment media_id has expired, naming the field', async () => {
		const mediaId = await uploadSandboxFile(fixture.sandbox.url, {
			accessToken: await demoAppToken(fixture.sandbox.url),
		});
		now += 3 * DAY_MS + 60_000;
		const run = await fixture.runCardNode({
			...textNoticeParameters('alice'),
			horizontalContentList: { items: [{ keyname: 'Report', type: 2, value: 'report.pdf', media_id: mediaId }] },
		});
		const error = refusal(run.error);
		expect(error.errcode).toBe(40007);
		expect(error.message).toContain('template_card.horizontal_content_list[].media_id');
		expect(error.description).toMatch(/^Upload the file again .*3 days/);
		expect(fixture.sandbox.messages()).toHaveLength(0);
	});

	it('fails an approval whose File control holds a file_id never uploaded, naming the field', async () => {
		const run = await fixture.runCardNode({
			resource: 'approval',
			operation: 'submit',
			creatorUserid: 'alice',
			templateId: { __rl: true, mode: 'id', value: EXPENSE_TEMPLATE_ID },
			formInput: 'json',
			contentsJson: JSON.stringify([
				{ control: 'Money', id: 'Money-1', value: { new_money: '12' } },
				{ control: 'Textarea', id: 'Textarea-1', value: { text: 'Taxi' } },
				{ control: 'File', id: 'File-1', value: { files: [{ file_id: 'never-uploaded' }] } },
			]),
			summary: 'Taxi',
		});
		const error = refusal(run.error);
		expect(error.errcode).toBe(40007);
		expect(error.message).toContain('apply_data.contents[2].value.files[0].file_id');
		expect(error.description).toMatch(/^Upload the file again .*3 days/);
		expect(fixture.sandbox.approvals()).toHaveLength(0);
	});
});
