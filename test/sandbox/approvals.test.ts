/**
 * The sandbox's approval API against WeCom's pages: gettemplatedetail, applyevent (the form rules),
 * getapprovaldetail, getapprovalinfo (range, paging, filters), and the state changes that send
 * sys_approval_change.
 */
import {
	ALL_CONTROLS_TEMPLATE_ID,
	callSandbox,
	DEMO_CORP,
	DEMO_CORP_ID,
	DEMO_SECRET,
	EXPENSE_TEMPLATE_ID,
	LEAVE_TEMPLATE_ID,
	sandboxControl,
	startSandbox,
	TRIP_TEMPLATE_ID,
} from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import {
	ALL_CONTROLS_CONTENTS,
	allControlsApplication,
	MONDAY,
	nestedTablePath,
	nestedTablesJson,
} from '../approvals/fixtures';
import { uploadSandboxFile, withUploadedFiles } from '../harness/sandboxMedia';

const DAY = 24 * 3600;

/** getapprovaldetail's info, loosely: the tests walk into it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer walked by path
type Info = Record<string, any>;
const NO_ACCESS_AGENT = 1000009;
const NO_ACCESS_SECRET = 'no-approval-access-secret';

describe('sandbox: approvals', () => {
	let sandbox: Sandbox;
	let token: string;
	/** File controls need a media_id the app uploaded (else 40007). */
	let fileId: string;
	let now = MONDAY * 1000;

	beforeAll(async () => {
		const corp = {
			...DEMO_CORP,
			apps: [...DEMO_CORP.apps, { agentId: NO_ACCESS_AGENT, secret: NO_ACCESS_SECRET, approvalApi: false }],
		};
		sandbox = await startSandbox({ corps: [corp], clock: () => now, callbacks: { maxRetries: 0 } });
	});
	afterAll(() => sandbox.close());
	beforeEach(async () => {
		sandbox.reset();
		now = MONDAY * 1000;
		token = await tokenFor(DEMO_SECRET);
		fileId = await uploadSandboxFile(sandbox.url, { accessToken: token });
	});

	const tokenFor = async (corpsecret: string) =>
		(await callSandbox(sandbox.url, '/cgi-bin/gettoken', { query: { corpid: DEMO_CORP_ID, corpsecret } })).json
			.access_token as string;
	const call = async (path: string, body: unknown, accessToken = token) =>
		(await callSandbox(sandbox.url, `/cgi-bin/oa/${path}`, { query: { access_token: accessToken }, body })).json;
	const apply = async (overrides: Record<string, unknown> = {}) => {
		const body = allControlsApplication(overrides);
		const contents = (body.apply_data as { contents?: unknown } | undefined)?.contents;
		if (contents === undefined) return await call('applyevent', body);
		return await call('applyevent', { ...body, apply_data: { contents: withUploadedFiles(contents, fileId) } });
	};
	const contentsWith = (id: string, value: unknown) =>
		ALL_CONTROLS_CONTENTS.map((content) => (content.id === id ? { ...content, value } : content));

	/**
	 * WeCom documents a Table's rows as content lists and no nesting depth (applyevent:
	 * https://developer.work.weixin.qq.com/document/path/91853); the package bounds it at 3 levels,
	 * and a form that breaks the template is 301025 (https://developer.work.weixin.qq.com/document/path/90313).
	 */
	it('applyevent answers 301025 for 10,000 nested tables, naming the 4th level', async () => {
		const rawBody = `{"creator_userid":"alice","template_id":"${ALL_CONTROLS_TEMPLATE_ID}","use_template_approver":1,"apply_data":{"contents":[${nestedTablesJson(10_000)}]},"summary_list":[{"summary_info":[{"text":"Deep","lang":"zh_CN"}]}]}`;
		const { json } = await callSandbox(sandbox.url, '/cgi-bin/oa/applyevent', {
			query: { access_token: token },
			rawBody,
		});
		expect(json.errcode).toBe(301025);
		expect(json.errmsg).toContain(`${nestedTablePath(4)}: tables nest at most 3 levels deep`);
		expect(sandbox.approvals()).toHaveLength(0);
	});

	it('gettemplatedetail returns every documented control type across the templates', async () => {
		const types = new Set<string>();
		for (const id of [EXPENSE_TEMPLATE_ID, ALL_CONTROLS_TEMPLATE_ID, LEAVE_TEMPLATE_ID, TRIP_TEMPLATE_ID]) {
			const answer = await call('gettemplatedetail', { template_id: id });
			expect(answer.errcode).toBe(0);
			for (const control of (answer.template_content as { controls: Array<{ property: { control: string } }> })
				.controls)
				types.add(control.property.control);
		}
		expect([...types].sort()).toEqual(
			[
				'Attendance',
				'Contact',
				'Date',
				'DateRange',
				'File',
				'Formula',
				'Location',
				'Money',
				'Number',
				'RelatedApproval',
				'Selector',
				'Table',
				'Text',
				'Textarea',
				'Tips',
				'Vacation',
			].sort(),
		);
		expect((await call('gettemplatedetail', { template_id: 'nope' })).errcode).toBe(301025);
	});

	it('applyevent returns an sp_no and getapprovaldetail the application with titles and option labels', async () => {
		const answer = await apply();
		expect(answer).toMatchObject({ errcode: 0, sp_no: '202601050001' });
		const detail = await call('getapprovaldetail', { sp_no: answer.sp_no });
		expect(detail.errcode).toBe(0);
		const info = detail.info as Info;
		expect(info).toMatchObject({
			sp_no: '202601050001',
			sp_status: 1,
			template_id: ALL_CONTROLS_TEMPLATE_ID,
			apply_time: MONDAY,
			applyer: { userid: 'alice' },
			sp_record: [
				{ sp_status: 1, approverattr: 1, details: [{ approver: { userid: 'bob' }, sp_status: 1, sptime: 0 }] },
			],
			notifyer: [{ userid: 'carol' }],
		});
		const priority = info.apply_data.contents.find((content: { id: string }) => content.id === 'Selector-1');
		expect(priority).toEqual({
			control: 'Selector',
			id: 'Selector-1',
			title: [{ text: 'Priority', lang: 'zh_CN' }],
			value: {
				selector: { type: 'single', options: [{ key: 'option-high', value: [{ text: 'High', lang: 'zh_CN' }] }] },
			},
		});
		const table = info.apply_data.contents.find((content: { id: string }) => content.id === 'Table-1');
		expect(table.value.children[0].list[1].title).toEqual([{ text: 'Price', lang: 'zh_CN' }]);
	});

	it('answers 301025 for an unknown or empty sp_no, or a missing one', async () => {
		expect((await call('getapprovaldetail', { sp_no: '209901010001' })).errcode).toBe(301025);
		expect((await call('getapprovaldetail', {})).errcode).toBe(301025);
	});

	it.each([
		[
			'a missing required control',
			{ apply_data: { contents: ALL_CONTROLS_CONTENTS.filter((c) => c.id !== 'Text-1') } },
		],
		['a line break in a Text control', { apply_data: { contents: contentsWith('Text-1', { text: 'a\nb' }) } }],
		['a number that is not a string', { apply_data: { contents: contentsWith('Number-1', { new_number: 2 }) } }],
		[
			'a Date of the wrong kind',
			{ apply_data: { contents: contentsWith('Date-1', { date: { type: 'hour', s_timestamp: '1' } }) } },
		],
		[
			'a half-day range not on 00:00 / 12:00',
			{
				apply_data: {
					contents: contentsWith('DateRange-1', {
						date_range: { type: 'halfday', new_begin: MONDAY + 3600, new_end: MONDAY + DAY, new_duration: 1 },
					}),
				},
			},
		],
		[
			'an unknown option key',
			{
				apply_data: {
					contents: contentsWith('Selector-1', { selector: { type: 'single', options: [{ key: 'option-x' }] } }),
				},
			},
		],
		[
			'two options in a single selector',
			{
				apply_data: {
					contents: contentsWith('Selector-1', {
						selector: { type: 'single', options: [{ key: 'option-high' }, { key: 'option-low' }] },
					}),
				},
			},
		],
		[
			'users in a department control',
			{ apply_data: { contents: contentsWith('Contact-2', { members: [{ userid: 'bob' }] }) } },
		],
		[
			'a table row missing a column',
			{
				apply_data: {
					contents: contentsWith('Table-1', {
						children: [{ list: [{ control: 'Text', id: 'Text-2', value: { text: 'x' } }] }],
					}),
				},
			},
		],
		['a table without rows', { apply_data: { contents: contentsWith('Table-1', { children: [] }) } }],
		[
			'seven attachments',
			{
				apply_data: {
					contents: contentsWith('File-1', { files: Array.from({ length: 7 }, (_, i) => ({ file_id: `f${i}` })) }),
				},
			},
		],
		[
			'an unknown control id',
			{ apply_data: { contents: [...ALL_CONTROLS_CONTENTS, { control: 'Text', id: 'Text-9', value: { text: 'x' } }] } },
		],
		[
			'a control of the wrong type',
			{
				apply_data: {
					contents: contentsWith('Text-1', { new_money: '1' }).map((c) =>
						c.id === 'Text-1' ? { ...c, control: 'Money' } : c,
					),
				},
			},
		],
		[
			'a leave range of a kind WeCom has not (day)',
			{
				template_id: LEAVE_TEMPLATE_ID,
				apply_data: {
					contents: [
						{
							control: 'Vacation',
							id: 'vacation-1',
							value: {
								vacation: {
									selector: { type: 'single', options: [{ key: '1' }] },
									attendance: {
										date_range: { type: 'day', new_begin: MONDAY, new_end: MONDAY + DAY, new_duration: DAY },
										type: 1,
									},
								},
							},
						},
					],
				},
			},
		],
		['no summary', { summary_list: [] }],
		[
			'four summary rows',
			{ summary_list: Array.from({ length: 4 }, () => ({ summary_info: [{ text: 'x', lang: 'zh_CN' }] })) },
		],
		['a summary over 20 characters', { summary_list: [{ summary_info: [{ text: 'x'.repeat(21), lang: 'zh_CN' }] }] }],
		['lang zh-CN', { summary_list: [{ summary_info: [{ text: 'x', lang: 'zh-CN' }] }] }],
		['an unknown template', { template_id: 'nope' }],
		['no approver with use_template_approver 0', { process: { node_list: [] } }],
		['an approver outside the corp', { process: { node_list: [{ type: 1, apv_rel: 1, userid: ['ghost'] }] } }],
	])('refuses %s with 301025 and creates nothing', async (_case, overrides) => {
		expect((await apply(overrides)).errcode).toBe(301025);
		expect(sandbox.approvals()).toEqual([]);
	});

	it('answers 40058 without a creator, 301055 for a creator outside the app and an app without approval access', async () => {
		expect((await apply({ creator_userid: '' })).errcode).toBe(40058);
		expect((await apply({ creator_userid: 'ghost' })).errcode).toBe(301055);
		const other = await tokenFor(NO_ACCESS_SECRET);
		expect((await call('getapprovaldetail', { sp_no: '1' }, other)).errcode).toBe(301055);
	});

	it('uses the template flow when use_template_approver is 1', async () => {
		const { sp_no } = await apply({ use_template_approver: 1, process: undefined });
		const info = (await call('getapprovaldetail', { sp_no })).info as Info;
		expect(info.sp_record[0].details[0].approver.userid).toBe('bob');
	});

	it('getapprovalinfo pages with new_cursor, filters and a range of at most 31 days', async () => {
		for (let i = 0; i < 5; i++) {
			await apply(i === 4 ? { creator_userid: 'bob' } : {});
			now += 20 * 60 * 1000;
		}
		const range = { starttime: String(MONDAY - 10), endtime: String(MONDAY + DAY) };
		const first = await call('getapprovalinfo', { ...range, new_cursor: '', size: 2 });
		expect(first).toMatchObject({ errcode: 0, sp_no_list: ['202601050001', '202601050002'] });
		const second = await call('getapprovalinfo', { ...range, new_cursor: first.new_next_cursor, size: 2 });
		const third = await call('getapprovalinfo', { ...range, new_cursor: second.new_next_cursor, size: 2 });
		expect(third.sp_no_list).toEqual(['202601050005']);
		expect(third.new_next_cursor).toBeUndefined();

		const byBob = await call('getapprovalinfo', {
			...range,
			new_cursor: '',
			size: 100,
			filters: [{ key: 'creator', value: 'bob' }],
		});
		expect(byBob.sp_no_list).toEqual(['202601050005']);
		const none = await call('getapprovalinfo', {
			...range,
			new_cursor: '',
			size: 100,
			filters: [{ key: 'sp_status', value: '2' }],
		});
		expect(none.sp_no_list).toEqual([]);
		const numeric = await call('getapprovalinfo', {
			starttime: MONDAY - 10,
			endtime: MONDAY + DAY,
			new_cursor: '',
			size: 100,
		});
		expect(numeric.sp_no_list).toHaveLength(5);

		const tooLong = { starttime: String(MONDAY), endtime: String(MONDAY + 31 * DAY + 1), new_cursor: '', size: 100 };
		expect((await call('getapprovalinfo', tooLong)).errcode).toBe(301025);
		expect((await call('getapprovalinfo', { ...range, new_cursor: '', size: 101 })).errcode).toBe(301025);
		expect(
			(await call('getapprovalinfo', { starttime: range.endtime, endtime: range.starttime, new_cursor: '', size: 1 }))
				.errcode,
		).toBe(301025);
		const repeated = [
			{ key: 'creator', value: 'bob' },
			{ key: 'creator', value: 'alice' },
		];
		expect((await call('getapprovalinfo', { ...range, new_cursor: '', size: 1, filters: repeated })).errcode).toBe(
			301025,
		);
		const departed = [{ key: 'creator', value: 'ghost' }];
		expect((await call('getapprovalinfo', { ...range, new_cursor: '', size: 1, filters: departed })).errcode).toBe(
			301055,
		);
	});

	it('approving and rejecting change the application and send sys_approval_change', async () => {
		const { sp_no } = await apply();
		const approved = await sandbox.decideApproval({
			spNo: String(sp_no),
			userid: 'bob',
			decision: 'approve',
			speech: 'ok',
		});
		expect(approved).toEqual({ spNo: sp_no, spStatus: 2, statusChangeEvent: 2 });
		const info = (await call('getapprovaldetail', { sp_no })).info as Info;
		expect(info.sp_status).toBe(2);
		expect(info.sp_record[0].details[0]).toMatchObject({ speech: 'ok', sp_status: 2, sptime: MONDAY });
		await expect(sandbox.decideApproval({ spNo: String(sp_no), userid: 'bob', decision: 'reject' })).rejects.toThrow(
			'no longer pending',
		);

		const deliveries = sandbox.callbackDeliveries().filter((delivery) => delivery.kind === 'approval');
		expect(deliveries.map((delivery) => /<StatuChangeEvent>(\d+)</.exec(delivery.xml)?.[1])).toEqual(['1', '2']);
		expect(deliveries[1].xml).toContain(`<SpNo>${sp_no}</SpNo>`);
		expect(deliveries[1].xml).toContain('<SpStatus>2</SpStatus>');

		const second = await apply();
		const control = sandboxControl(sandbox.url);
		expect(await control.approvals()).toHaveLength(2);
		const rejected = await callSandbox(sandbox.url, '/sandbox/approvals/decide', {
			body: { spNo: second.sp_no, userid: 'bob', decision: 'reject' },
		});
		expect(rejected.json).toMatchObject({ ok: true, spStatus: 3, statusChangeEvent: 3 });
		const stranger = await callSandbox(sandbox.url, '/sandbox/approvals/decide', {
			body: { spNo: second.sp_no, userid: 'carol', decision: 'approve' },
		});
		expect(stranger.status).toBe(400);
	});

	it('countersign needs every approver; the applicant can revoke; members submit through the control API', async () => {
		const { sp_no } = await apply({ process: { node_list: [{ type: 1, apv_rel: 1, userid: ['bob', 'carol'] }] } });
		expect((await sandbox.decideApproval({ spNo: String(sp_no), userid: 'bob', decision: 'approve' })).spStatus).toBe(
			1,
		);
		expect((await sandbox.decideApproval({ spNo: String(sp_no), userid: 'carol', decision: 'approve' })).spStatus).toBe(
			2,
		);

		const submitted = await sandbox.submitApproval({
			creator: 'alice',
			templateId: EXPENSE_TEMPLATE_ID,
			contents: [
				{ control: 'Money', id: 'Money-1', value: { new_money: '120' } },
				{ control: 'Textarea', id: 'Textarea-1', value: { text: 'Taxi' } },
			],
		});
		expect(submitted).toMatchObject({ spStatus: 1, statusChangeEvent: 1 });
		expect(await sandbox.decideApproval({ spNo: submitted.spNo, userid: 'alice', decision: 'revoke' })).toMatchObject({
			spStatus: 4,
			statusChangeEvent: 6,
		});
		await expect(
			sandbox.submitApproval({ creator: 'alice', templateId: EXPENSE_TEMPLATE_ID, contents: [] }),
		).rejects.toThrow('"Amount" (Money-1) is required');
	});
});
