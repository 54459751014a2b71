/**
 * media/get (获取临时素材, https://developer.work.weixin.qq.com/document/path/90254), as WeCom
 * documents it: the file's bytes with its Content-Type and `Content-disposition: attachment;
 * filename="…"`, for any app of the corp while the media_id's 3 days last (/90253), a JSON
 * 40007 不合法的media_id otherwise (/90313). A File control's file is converted to long-term
 * storage when the approval is submitted (/91853), and getapprovaldetail's file_ids are fetched
 * with media/get (/91983): they outlive the 3 days.
 */
import { DEMO_CORP, DEMO_ROBOT_KEY, EXPENSE_TEMPLATE_ID, callSandbox, sandboxControl } from '../../sandbox';
import { demoAppToken, postSandboxUpload } from '../harness/sandboxMedia';
import { useDemoSandbox } from '../harness/sandboxSession';

const DAY_MS = 24 * 3600 * 1000;
const THREE_DAYS_MS = 3 * DAY_MS;

describe('sandbox: media/get', () => {
	let now = Date.UTC(2026, 0, 5, 2);
	const demo = useDemoSandbox({ clock: () => now, robots: [DEMO_ROBOT_KEY] });

	const upload = async (fileName: string, data: Buffer, mimeType = 'application/pdf', type = 'file') => {
		const answer = await postSandboxUpload(
			demo.sandbox.url,
			'/cgi-bin/media/upload',
			{ access_token: await demoAppToken(demo.sandbox.url), type },
			{ fileName, data, mimeType },
		);
		expect(answer.errcode).toBe(0);
		return answer.media_id as string;
	};
	/** media/get with a token fetched now (a token lives 2 hours, the clock moves days). */
	const get = async (mediaId: string) => {
		const url = new URL('/cgi-bin/media/get', demo.sandbox.url);
		url.searchParams.set('access_token', await demoAppToken(demo.sandbox.url));
		url.searchParams.set('media_id', mediaId);
		const answer = await fetch(url);
		const body = Buffer.from(await answer.arrayBuffer());
		const type = answer.headers.get('content-type') ?? '';
		return {
			status: answer.status,
			type,
			disposition: decodeURIComponent(answer.headers.get('content-disposition') ?? ''),
			body,
			errcode: type.startsWith('application/json') ? (JSON.parse(body.toString()) as { errcode: number }).errcode : 0,
		};
	};

	it('returns the uploaded file: its bytes, Content-Type and file name', async () => {
		const data = Buffer.from('%PDF-1.7 quarterly figures');
		const got = await get(await upload('report.pdf', data));
		expect(got).toMatchObject({
			status: 200,
			type: 'application/pdf',
			disposition: 'attachment; filename="report.pdf"',
			errcode: 0,
		});
		expect(got.body).toEqual(data);
	});

	it('returns an image upload and keeps a Chinese file name (percent-encoded)', async () => {
		const data = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
		const got = await get(await upload('报告.png', data, 'image/png', 'image'));
		expect(got).toMatchObject({ type: 'image/png', disposition: 'attachment; filename="报告.png"' });
		expect(got.body).toEqual(data);
	});

	it('names a file with a literal % so that the header decodes to its name', async () => {
		const data = Buffer.from('%PDF-1.7 growth');
		// Non-ASCII names are percent-encoded, so a "%" of the name must not read as an escape.
		const got = await get(await upload('100% 增长.pdf', data));
		expect(got).toMatchObject({ status: 200, disposition: 'attachment; filename="100% 增长.pdf"' });
		expect(got.body).toEqual(data);
	});

	it('serves a media_id for its 3 days, then answers 40007 in JSON', async () => {
		const start = now;
		const mediaId = await upload('report.pdf', Buffer.from('%PDF-1.7 three days'));
		now = start + THREE_DAYS_MS - 60_000;
		expect((await get(mediaId)).status).toBe(200);
		now = start + THREE_DAYS_MS;
		expect(await get(mediaId)).toMatchObject({ status: 200, type: 'application/json; charset=UTF-8', errcode: 40007 });
	});

	it("answers 40007 for an id never issued and for a group robot's upload", async () => {
		expect((await get('sandbox-media-never-issued')).errcode).toBe(40007);
		const robot = await postSandboxUpload(
			demo.sandbox.url,
			'/cgi-bin/webhook/upload_media',
			{ key: DEMO_ROBOT_KEY, type: 'file' },
			{ fileName: 'minutes.txt', data: Buffer.from('robot minutes') },
		);
		expect((await get(robot.media_id as string)).errcode).toBe(40007);
	});

	it('keeps the file of a submitted approval retrievable after its 3 days', async () => {
		const start = now;
		const receipt = Buffer.from('%PDF-1.7 taxi receipt');
		const attached = await upload('receipt.pdf', receipt);
		const other = await upload('other.pdf', Buffer.from('%PDF-1.7 not attached'));
		const access_token = await demoAppToken(demo.sandbox.url);
		const oa = async (path: string, body: unknown) =>
			(await callSandbox(demo.sandbox.url, `/cgi-bin/oa/${path}`, { query: { access_token }, body })).json;
		const applied = await oa('applyevent', {
			creator_userid: 'alice',
			template_id: EXPENSE_TEMPLATE_ID,
			use_template_approver: 1,
			apply_data: {
				contents: [
					{ control: 'Money', id: 'Money-1', value: { new_money: '12' } },
					{ control: 'Textarea', id: 'Textarea-1', value: { text: 'Taxi' } },
					{ control: 'File', id: 'File-1', value: { files: [{ file_id: attached }] } },
				],
			},
			summary_list: [{ summary_info: [{ text: 'Taxi', lang: 'zh_CN' }] }],
		});
		expect(applied.errcode).toBe(0);
		const detail = await oa('getapprovaldetail', { sp_no: applied.sp_no });
		const file = (
			detail.info as { apply_data: { contents: Array<{ id: string; value: { files?: unknown } }> } }
		).apply_data.contents.find((content) => content.id === 'File-1');
		expect(file?.value.files).toEqual([{ file_id: attached }]);

		now = start + THREE_DAYS_MS + DAY_MS;
		const got = await get(attached);
		expect(got).toMatchObject({ status: 200, disposition: 'attachment; filename="receipt.pdf"', errcode: 0 });
		expect(got.body).toEqual(receipt);
		expect((await get(other)).errcode).toBe(40007);
	});

	it('keeps the file of an approval submitted in the Approval app (control API) too', async () => {
		const start = now;
		const attached = await upload('invoice.pdf', Buffer.from('%PDF-1.7 invoice'));
		const submitted = await sandboxControl(demo.sandbox.url).submitApproval({
			creator: 'alice',
			templateId: EXPENSE_TEMPLATE_ID,
			contents: [
				{ control: 'Money', id: 'Money-1', value: { new_money: '30' } },
				{ control: 'Textarea', id: 'Textarea-1', value: { text: 'Hotel' } },
				{ control: 'File', id: 'File-1', value: { files: [{ file_id: attached }] } },
			],
		});
		expect(submitted.ok).toBe(true);
		now = start + THREE_DAYS_MS + DAY_MS;
		expect(await get(attached)).toMatchObject({ status: 200, disposition: 'attachment; filename="invoice.pdf"' });
	});
	it('does not keep a file whose 3 days were over when the approval was submitted', async () => {
		const start = now;
		const stale = await upload('stale.pdf', Buffer.from('%PDF-1.7 stale'));
		now = start + THREE_DAYS_MS + DAY_MS;
		// The Approval app (control API) takes the contents as given; the file was no longer there.
		const submitted = await sandboxControl(demo.sandbox.url).submitApproval({
			creator: 'alice',
			templateId: EXPENSE_TEMPLATE_ID,
			contents: [
				{ control: 'Money', id: 'Money-1', value: { new_money: '30' } },
				{ control: 'Textarea', id: 'Textarea-1', value: { text: 'Hotel' } },
				{ control: 'File', id: 'File-1', value: { files: [{ file_id: stale }] } },
			],
		});
		expect(submitted.ok).toBe(true);
		expect((await get(stale)).errcode).toBe(40007);
	});
});

/** A media_id serves its own corp only: another corp's approval does not make it last. */
describe('sandbox: media/get across corps', () => {
	let now = Date.UTC(2026, 0, 5, 2);
	const OTHER = {
		...DEMO_CORP,
		corpId: 'wwothercorp00001',
		apps: [{ agentId: 1000009, secret: 'other-secret-0123456789' }],
	};
	const demo = useDemoSandbox({ clock: () => now, corps: [DEMO_CORP, OTHER] });

	const otherToken = async () => {
		const { json } = await callSandbox<{ access_token: string }>(demo.sandbox.url, '/cgi-bin/gettoken', {
			query: { corpid: OTHER.corpId, corpsecret: OTHER.apps[0].secret },
		});
		return json.access_token;
	};
	const getAs = async (token: string, mediaId: string) => {
		const url = new URL('/cgi-bin/media/get', demo.sandbox.url);
		url.searchParams.set('access_token', token);
		url.searchParams.set('media_id', mediaId);
		const answer = await fetch(url);
		const type = answer.headers.get('content-type') ?? '';
		const body = Buffer.from(await answer.arrayBuffer());
		return type.startsWith('application/json') ? (JSON.parse(body.toString()) as { errcode: number }).errcode : 0;
	};

	it("keeps nothing for another corp's approval, and never serves one corp's file to another", async () => {
		const start = now;
		const answer = await postSandboxUpload(
			demo.sandbox.url,
			'/cgi-bin/media/upload',
			{ access_token: await otherToken(), type: 'file' },
			{ fileName: 'theirs.pdf', data: Buffer.from('%PDF-1.7 theirs') },
		);
		const theirs = answer.media_id as string;
		expect(await getAs(await demoAppToken(demo.sandbox.url), theirs)).toBe(40007);
		// The demo corp's Approval app is handed the other corp's media_id.
		await sandboxControl(demo.sandbox.url).submitApproval({
			creator: 'alice',
			templateId: EXPENSE_TEMPLATE_ID,
			contents: [
				{ control: 'Money', id: 'Money-1', value: { new_money: '30' } },
				{ control: 'Textarea', id: 'Textarea-1', value: { text: 'Hotel' } },
				{ control: 'File', id: 'File-1', value: { files: [{ file_id: theirs }] } },
			],
		});
		now = start + THREE_DAYS_MS + DAY_MS;
		expect(await getAs(await otherToken(), theirs)).toBe(40007);
		expect(await getAs(await demoAppToken(demo.sandbox.url), theirs)).toBe(40007);
	});
});
