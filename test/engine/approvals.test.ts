/**
 * The Approval resource through n8n's engine against the sandbox: Get Approval Detail with readable
 * fields for every control type, Get Many Approvals (paging, 31-day parts, filters), Submit Approval
 * from JSON and from the form, and bad input that sends nothing.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { ALL_CONTROLS_TEMPLATE_ID, EXPENSE_TEMPLATE_ID, LEAVE_TEMPLATE_ID, TRIP_TEMPLATE_ID } from '../../sandbox';
import { ALL_CONTROLS_CONTENTS, ALL_CONTROLS_FIELDS, MONDAY } from '../approvals/fixtures';
import { demoAppToken, uploadSandboxFile, withUploadedFiles } from '../harness/sandboxMedia';
import { CREDENTIAL_ID, startEngineFixture } from './fixtures';
import type { EngineFixture } from './fixtures';

const DAY = 24 * 3600;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

const submitJson = (templateId: string, contents: unknown, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'approval',
	operation: 'submit',
	creatorUserid: 'alice',
	templateId: { __rl: true, mode: 'id', value: templateId },
	formInput: 'json',
	contentsJson: JSON.stringify(contents),
	summary: 'Sandbox test',
	...extra,
});

const submitForm = (
	templateId: string,
	value: Record<string, unknown>,
	extra: INodeParameters = {},
): INodeParameters => ({
	resource: 'approval',
	operation: 'submit',
	creatorUserid: 'alice',
	templateId: { __rl: true, mode: 'list', value: templateId },
	formInput: 'form',
	formFields: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] } as unknown as INodeParameters,
	summary: 'Expense\nfrom n8n',
	...extra,
});

const detail = (spNo: string): INodeParameters => ({ resource: 'approval', operation: 'getDetail', spNo });

describe('approval resource', () => {
	let fixture: EngineFixture;
	let now = MONDAY * 1000;

	beforeEach(async () => {
		now = MONDAY * 1000;
		fixture = await startEngineFixture({ clock: () => now, callbacks: { maxRetries: 0 } });
	});
	afterEach(async () => {
		await fixture.close();
	});

	const applyCalls = () => fixture.sandbox.stats().calls['/cgi-bin/oa/applyevent'] ?? 0;
	/** A File control's media_id, uploaded by the app as Upload File would (the sandbox refuses others). */
	const uploadFile = async (fileName: string) =>
		await uploadSandboxFile(fixture.sandbox.url, { accessToken: await demoAppToken(fixture.sandbox.url) }, fileName);

	it('submits from JSON and reads every control type back as readable fields', async () => {
		const quote = await uploadFile('quote.pdf');
		const submitted = await fixture.runCardNode(
			submitJson(ALL_CONTROLS_TEMPLATE_ID, withUploadedFiles(ALL_CONTROLS_CONTENTS, quote), {
				approverSource: 'custom',
				approvers: 'bob',
				approverRelation: 2,
				ccUsers: 'carol',
			}),
		);
		expect(submitted.error).toBeUndefined();
		expect(submitted.items[0].json).toMatchObject({ sp_no: '202601050001', template_id: ALL_CONTROLS_TEMPLATE_ID });

		const read = await fixture.runCardNode(detail('202601050001'));
		expect(read.error).toBeUndefined();
		const output = read.items[0].json;
		expect(output).toMatchObject({
			sp_no: '202601050001',
			sp_status: 1,
			status: 'pending',
			template_id: ALL_CONTROLS_TEMPLATE_ID,
			applicant: 'alice',
			apply_time: MONDAY,
		});
		expect(output.fields).toEqual({ ...ALL_CONTROLS_FIELDS, Attachments: [quote] });
		expect((output.detail as { notifyer: unknown }).notifyer).toEqual([{ userid: 'carol' }]);
	});

	it('reads Vacation and Attendance controls', async () => {
		const leave = [
			{
				control: 'Vacation',
				id: 'vacation-1',
				value: {
					vacation: {
						selector: { type: 'single', options: [{ key: '2' }] },
						attendance: {
							date_range: { type: 'halfday', new_begin: MONDAY, new_end: MONDAY + DAY, new_duration: DAY },
							type: 1,
						},
					},
				},
			},
		];
		expect((await fixture.runCardNode(submitJson(LEAVE_TEMPLATE_ID, leave))).error).toBeUndefined();
		const trip = [
			{
				control: 'Attendance',
				id: 'Attendance-1',
				value: {
					attendance: {
						date_range: { type: 'hour', new_begin: MONDAY, new_end: MONDAY + 7200, new_duration: 7200 },
						type: 3,
					},
				},
			},
			{ control: 'Text', id: 'Text-1', value: { text: 'Shanghai' } },
		];
		expect((await fixture.runCardNode(submitJson(TRIP_TEMPLATE_ID, trip))).error).toBeUndefined();

		const leaveFields = (await fixture.runCardNode(detail('202601050001'))).items[0].json.fields;
		expect(leaveFields).toEqual({
			Leave: {
				leaveType: 'Sick leave',
				leaveTypeId: '2',
				type: 'halfday',
				begin: iso(MONDAY),
				end: iso(MONDAY + DAY),
				beginTimestamp: MONDAY,
				endTimestamp: MONDAY + DAY,
				durationSeconds: DAY,
			},
		});
		const tripFields = (await fixture.runCardNode(detail('202601050002'))).items[0].json.fields;
		expect(tripFields).toEqual({
			Trip: {
				attendanceType: 3,
				type: 'hour',
				begin: iso(MONDAY),
				end: iso(MONDAY + 7200),
				beginTimestamp: MONDAY,
				endTimestamp: MONDAY + 7200,
				durationSeconds: 7200,
			},
			Destination: 'Shanghai',
		});
	});

	it('submits from the form, fields mapped by control id, with the template flow', async () => {
		const [receipt1, receipt2] = [await uploadFile('taxi.pdf'), await uploadFile('hotel.pdf')];
		const run = await fixture.runCardNode(
			submitForm(EXPENSE_TEMPLATE_ID, {
				'Money-1': 120.5,
				'Textarea-1': 'Taxi to the airport',
				'Selector-1': 'option-travel',
				'File-1': `${receipt1}, ${receipt2}`,
			}),
		);
		expect(run.error).toBeUndefined();
		const [approval] = fixture.sandbox.approvals();
		expect(approval.info.apply_data.contents.map(({ id, value }) => ({ id, value }))).toEqual([
			{ id: 'Money-1', value: { new_money: '120.5' } },
			{ id: 'Textarea-1', value: { text: 'Taxi to the airport' } },
			{
				id: 'Selector-1',
				value: {
					selector: { type: 'single', options: [{ key: 'option-travel', value: [{ text: 'Travel', lang: 'zh_CN' }] }] },
				},
			},
			{ id: 'File-1', value: { files: [{ file_id: receipt1 }, { file_id: receipt2 }] } },
		]);
		expect(approval.info.sp_record[0].details[0].approver.userid).toBe('bob');
		const fields = (await fixture.runCardNode(detail(approval.info.sp_no))).items[0].json.fields;
		expect(fields).toEqual({
			Amount: 120.5,
			Reason: 'Taxi to the airport',
			Category: 'Travel',
			Receipts: [receipt1, receipt2],
		});
	});

	it("submits a fixed Date control for every item when the form carries the editor's schema", async () => {
		// The editor saves the mapper's schema, and n8n turns a dateTime column into a Luxon DateTime.
		const schema = [
			{ id: 'Text-1', displayName: 'Title', type: 'string' },
			{ id: 'Date-1', displayName: 'Due day', type: 'dateTime' },
		].map((column) => ({ ...column, required: false, defaultMatch: false, display: true }));
		const parameters = submitForm(ALL_CONTROLS_TEMPLATE_ID, { 'Text-1': 'Offsite', 'Date-1': iso(MONDAY) });
		parameters.formFields = { ...(parameters.formFields as object), schema } as unknown as INodeParameters;
		const run = await fixture.runCardNode(parameters, [{ json: { n: 1 } }, { json: { n: 2 } }]);

		expect(run.error).toBeUndefined();
		const dates = fixture.sandbox
			.approvals()
			.map(({ info }) => info.apply_data.contents.find(({ id }) => id === 'Date-1')?.value);
		expect(dates).toEqual([
			{ date: { type: 'day', s_timestamp: String(MONDAY) } },
			{ date: { type: 'day', s_timestamp: String(MONDAY) } },
		]);
	});

	it('turns form text into every control shape (dates, multi options by label, table rows by column title)', async () => {
		const run = await fixture.runCardNode(
			submitForm(ALL_CONTROLS_TEMPLATE_ID, {
				'Text-1': 'Offsite',
				'Number-1': 3,
				'Date-1': iso(MONDAY),
				'Date-2': MONDAY + 3600,
				'DateRange-1': JSON.stringify({ begin: iso(MONDAY), end: iso(MONDAY + 12 * 3600) }),
				'Selector-2': 'North, South',
				'Contact-1': 'bob,carol',
				'Contact-2': '2',
				'Table-1': JSON.stringify([{ Item: 'Room', Price: 300 }, { Item: 'Coffee' }]),
				'Location-1': JSON.stringify({
					latitude: '30.5',
					longitude: '104.06',
					title: 'Hall',
					address: 'Chengdu',
					time: MONDAY,
				}),
				'RelatedApproval-1': '202601010001',
			}),
		);
		expect(run.error).toBeUndefined();
		const fields = (await fixture.runCardNode(detail(fixture.sandbox.approvals()[0].info.sp_no))).items[0].json
			.fields as Record<string, unknown>;
		expect(fields).toMatchObject({
			Title: 'Offsite',
			Quantity: 3,
			'Due day': { type: 'day', timestamp: MONDAY },
			'Meeting time': { type: 'hour', timestamp: MONDAY + 3600 },
			Period: { type: 'halfday', beginTimestamp: MONDAY, endTimestamp: MONDAY + 12 * 3600, durationSeconds: 12 * 3600 },
			Regions: ['North', 'South'],
			Reviewers: [{ userid: 'bob' }, { userid: 'carol' }],
			Departments: [{ id: '2' }],
			Items: [
				{ Item: 'Room', Price: 300 },
				{ Item: 'Coffee', Price: null },
			],
			Site: { latitude: 30.5, longitude: 104.06, title: 'Hall' },
			Related: [{ sp_no: '202601010001' }],
		});
	});

	it("turns form JSON into Vacation and Attendance values (leave type by name, the template's range kind)", async () => {
		const leave = await fixture.runCardNode(
			submitForm(LEAVE_TEMPLATE_ID, {
				'vacation-1': JSON.stringify({
					type: 'Annual leave',
					begin: iso(MONDAY),
					end: iso(MONDAY + 12 * 3600),
					unit: 'halfday',
				}),
			}),
		);
		expect(leave.error).toBeUndefined();
		const trip = await fixture.runCardNode(
			submitForm(TRIP_TEMPLATE_ID, {
				'Attendance-1': JSON.stringify({ begin: MONDAY, end: MONDAY + 3600 }),
				'Text-1': 'Beijing',
			}),
		);
		expect(trip.error).toBeUndefined();
		const [leaveApproval, tripApproval] = fixture.sandbox.approvals();
		expect(leaveApproval.info.apply_data.contents[0].value).toEqual({
			vacation: {
				selector: { type: 'single', options: [{ key: '1', value: [{ text: 'Annual leave', lang: 'zh_CN' }] }] },
				attendance: {
					date_range: { type: 'halfday', new_begin: MONDAY, new_end: MONDAY + 12 * 3600, new_duration: 12 * 3600 },
					type: 1,
				},
			},
		});
		expect(tripApproval.info.apply_data.contents[0].value).toEqual({
			attendance: {
				date_range: { type: 'hour', new_begin: MONDAY, new_end: MONDAY + 3600, new_duration: 3600 },
				type: 3,
			},
		});
		const unknownKind = await fixture.runCardNode(
			submitForm(LEAVE_TEMPLATE_ID, {
				'vacation-1': JSON.stringify({ type: 'Holiday', begin: MONDAY, end: MONDAY + 3600 }),
			}),
		);
		expect(unknownKind.error?.message).toBe(
			'Form field "Leave" has no option "Holiday" (options: Annual leave, Sick leave)',
		);
	});

	it.each([
		[
			'a missing required control',
			submitForm(EXPENSE_TEMPLATE_ID, { 'Textarea-1': 'x' }),
			'"Amount" (Money-1) is required',
		],
		[
			'an unknown option',
			submitForm(EXPENSE_TEMPLATE_ID, { 'Money-1': 1, 'Textarea-1': 'x', 'Selector-1': 'option-x' }),
			'"Category"',
		],
		[
			'a summary over 20 characters',
			submitForm(EXPENSE_TEMPLATE_ID, { 'Money-1': 1, 'Textarea-1': 'x' }, { summary: 'x'.repeat(21) }),
			'at most 20 characters',
		],
		[
			'no summary',
			submitForm(EXPENSE_TEMPLATE_ID, { 'Money-1': 1, 'Textarea-1': 'x' }, { summary: ' ' }),
			'summary_list',
		],
		[
			'a table without JSON',
			submitForm(ALL_CONTROLS_TEMPLATE_ID, { 'Text-1': 'x', 'Table-1': 'rows' }),
			'Form field "Items" is not JSON',
		],
		[
			'a table row with a misspelt column (its value would be sent empty)',
			submitForm(ALL_CONTROLS_TEMPLATE_ID, {
				'Text-1': 'x',
				'Table-1': JSON.stringify([{ Item: 'Room', Prise: 300 }]),
			}),
			'Form field "Items" row 1 has no column "Prise" (columns: Item, Price)',
		],
		[
			'a table row that is no object',
			submitForm(ALL_CONTROLS_TEMPLATE_ID, { 'Text-1': 'x', 'Table-1': JSON.stringify(['Room']) }),
			'Form field "Items" row 1 is not an object',
		],
		[
			'a prototype key as a table column',
			submitForm(ALL_CONTROLS_TEMPLATE_ID, { 'Text-1': 'x', 'Table-1': '[{"Item":"Room","__proto__":{"Price":1}}]' }),
			'Form field "Items" row 1 has no column "__proto__"',
		],
		[
			'a leave range of a kind WeCom has not (day)',
			submitForm(LEAVE_TEMPLATE_ID, {
				'vacation-1': JSON.stringify({ type: 'Annual leave', begin: MONDAY, end: MONDAY + DAY, unit: 'day' }),
			}),
			'"Leave" (apply_data.contents[0].value.vacation.attendance.date_range.type): must be halfday or hour',
		],
		[
			'a value under a control id the template lacks (it would be dropped)',
			submitForm(EXPENSE_TEMPLATE_ID, { 'Money-1': 1, 'Textarea-1': 'x', 'Text-9': 'lost' }),
			'Form field "Text-9" is not a control of this template',
		],
		[
			'a date that is no date',
			submitForm(ALL_CONTROLS_TEMPLATE_ID, { 'Text-1': 'x', 'Date-1': 'soon' }),
			'Form field "Due day" is not a date',
		],
		[
			'an object as Text (it would be sent as "[object Object]")',
			submitForm(ALL_CONTROLS_TEMPLATE_ID, { 'Text-1': { name: 'Offsite' } }),
			'Form field "Title" is an object',
		],
		[
			'objects as members',
			submitForm(ALL_CONTROLS_TEMPLATE_ID, { 'Text-1': 'x', 'Contact-1': [{ userid: 'bob' }] }),
			'Form field "Reviewers" is an object',
		],
		[
			'a location time that is no number (it would be sent as null)',
			submitForm(ALL_CONTROLS_TEMPLATE_ID, {
				'Text-1': 'x',
				'Location-1': JSON.stringify({
					latitude: '30.5',
					longitude: '104.06',
					title: 'Hall',
					address: 'Chengdu',
					time: 'noon',
				}),
			}),
			'Form field "Site" has a time that is not Unix seconds',
		],
		[
			'a date beyond what a date can hold',
			submitForm(ALL_CONTROLS_TEMPLATE_ID, { 'Text-1': 'x', 'Date-1': 1e20 }),
			'Form field "Due day" is not a date',
		],
		[
			'a line break in Text (JSON)',
			submitJson(ALL_CONTROLS_TEMPLATE_ID, [{ control: 'Text', id: 'Text-1', value: { text: 'a\nb' } }]),
			'"Title"',
		],
		[
			'seven attachments (JSON)',
			submitJson(EXPENSE_TEMPLATE_ID, [
				{ control: 'Money', id: 'Money-1', value: { new_money: '1' } },
				{ control: 'Textarea', id: 'Textarea-1', value: { text: 'x' } },
				{
					control: 'File',
					id: 'File-1',
					value: { files: Array.from({ length: 7 }, (_, i) => ({ file_id: `m${i}` })) },
				},
			]),
			'at most 6 attachments',
		],
		[
			'custom approvers left empty',
			submitForm(
				EXPENSE_TEMPLATE_ID,
				{ 'Money-1': 1, 'Textarea-1': 'x' },
				{ approverSource: 'custom', approvers: ' ' },
			),
			'Approver Userids is empty',
		],
	])('refuses %s before sending anything', async (_case, parameters, message) => {
		const run = await fixture.runCardNode(parameters);
		expect(run.error?.message).toContain(message);
		expect(applyCalls()).toBe(0);
	});

	it('explains an unknown template and an unknown or malformed approval number', async () => {
		const template = await fixture.runCardNode(submitJson('no-such-template', []));
		expect(template.error?.message).toBe(
			'WeCom error 301025: No approval template no-such-template visible to this app',
		);
		expect(applyCalls()).toBe(0);

		const unknown = await fixture.runCardNode(detail('209901010001'));
		expect(unknown.error?.message).toBe(
			'WeCom error 301025: No application with approval number 209901010001 visible to this app',
		);
		const calls = fixture.sandbox.stats().calls['/cgi-bin/oa/getapprovaldetail'];
		const malformed = await fixture.runCardNode(detail('{{ nothing }}'));
		expect(malformed.error?.message).toContain('Approval Number must be');
		expect(fixture.sandbox.stats().calls['/cgi-bin/oa/getapprovaldetail']).toBe(calls);

		const continued = await fixture.runCardNode(detail('209901010001'), undefined, true);
		expect(continued.items[0].json).toMatchObject({ errcode: 301025 });
	});

	it('explains 301055 when the app may not call the approval API', async () => {
		await fixture.close();
		fixture = await startEngineFixture({
			corps: [
				{
					corpId: 'wwsandboxdemo0001',
					apps: [{ agentId: 1000002, secret: 'SandboxDemoSecret-not-a-real-wecom-secret00', approvalApi: false }],
					users: ['alice'],
					departments: [1],
					tags: [],
				},
			],
		});
		const run = await fixture.runCardNode(detail('202601050001'));
		expect(run.error?.message).toBe('WeCom error 301055: No permission on the approval app or its data');
		expect((run.error as { description?: string }).description).toContain('可调用接口的应用');
	});

	describe('get many', () => {
		const many = (extra: INodeParameters): INodeParameters => ({
			resource: 'approval',
			operation: 'getMany',
			startTime: iso(MONDAY - DAY),
			endTime: iso(MONDAY + DAY),
			...extra,
		});

		async function submitExpenses(count: number, creator = 'alice'): Promise<void> {
			for (let i = 0; i < count; i++) {
				await fixture.sandbox.submitApproval({
					creator,
					templateId: EXPENSE_TEMPLATE_ID,
					contents: [
						{ control: 'Money', id: 'Money-1', value: { new_money: String(10 + i) } },
						{ control: 'Textarea', id: 'Textarea-1', value: { text: `Expense ${i}` } },
					],
				});
				now += 1000;
			}
		}

		it('pages through getapprovalinfo until there is no cursor', async () => {
			await submitExpenses(130);
			const run = await fixture.runCardNode(many({ returnAll: true }));
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(130);
			expect(run.items[129].json).toEqual({ sp_no: '202601050130' });
			expect(fixture.sandbox.stats().calls['/cgi-bin/oa/getapprovalinfo']).toBe(2);

			const limited = await fixture.runCardNode(many({ returnAll: false, limit: 3 }));
			expect(limited.items.map((item) => item.json.sp_no)).toEqual(['202601050001', '202601050002', '202601050003']);
		});

		it('splits a range over 31 days into parts WeCom accepts', async () => {
			await submitExpenses(1);
			now += 40 * DAY * 1000;
			await submitExpenses(1);
			const run = await fixture.runCardNode(
				many({ returnAll: true, startTime: iso(MONDAY - DAY), endTime: iso(MONDAY + 60 * DAY) }),
			);
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json.sp_no)).toEqual(['202601050001', '202602140001']);
			expect(fixture.sandbox.stats().calls['/cgi-bin/oa/getapprovalinfo']).toBe(2);
			expect(fixture.sandbox.stats().errcodes['301025']).toBeUndefined();
		});

		it('stops with an explained error when a page cursor comes back (no endless paging)', async () => {
			let listCalls = 0;
			const server = createServer((req, res) => {
				const path = new URL(req.url ?? '/', 'http://loop.invalid').pathname;
				req.resume();
				req.on('end', () => {
					res.setHeader('content-type', 'application/json');
					if (path === '/cgi-bin/gettoken') {
						res.end(
							JSON.stringify({ errcode: 0, errmsg: 'ok', access_token: 'loop-token-0123456789', expires_in: 7200 }),
						);
						return;
					}
					if (path === '/cgi-bin/oa/getapprovalinfo') listCalls++;
					res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', sp_no_list: ['202601050001'], new_next_cursor: 'same' }));
				});
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			try {
				const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
				fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ baseUrl }));
				const run = await fixture.runCardNode(many({ returnAll: true }));
				expect(run.error?.message).toBe('WeCom answered a page cursor it had already given');
				// The first page (cursor ""), the page of "same", which names "same" again: stop.
				expect(listCalls).toBe(2);
			} finally {
				await new Promise<void>((resolve) => server.close(() => resolve()));
			}
		});

		it('refuses a start time before 2010 (an empty expression is 1970: hundreds of requests)', async () => {
			const run = await fixture.runCardNode(many({ startTime: 0 }));
			expect(run.error?.message).toMatch(/^Start Time is before 2010/);
			expect(fixture.sandbox.stats().calls['/cgi-bin/oa/getapprovalinfo']).toBeUndefined();
		});

		it('asks again in halves when WeCom answers 301112 (narrow the time range)', async () => {
			await submitExpenses(3);
			fixture.sandbox.faults.add({ path: '/cgi-bin/oa/getapprovalinfo', kind: 'errcode', errcode: 301112, times: 2 });
			const run = await fixture.runCardNode(many({ returnAll: true }));
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json.sp_no)).toEqual(['202601050001', '202601050002', '202601050003']);
			// The 2-day range, refused; its first day, refused; that day's halves; the second day.
			expect(fixture.sandbox.stats().calls['/cgi-bin/oa/getapprovalinfo']).toBe(5);
		});

		it('filters, and returns details with readable fields on request', async () => {
			await submitExpenses(2);
			await submitExpenses(1, 'bob');
			const run = await fixture.runCardNode(
				many({
					returnAll: true,
					filters: { creator: 'bob', templateId: EXPENSE_TEMPLATE_ID, status: '1' },
					options: { includeDetails: true },
				}),
			);
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(1);
			expect(run.items[0].json).toMatchObject({
				sp_no: '202601050003',
				applicant: 'bob',
				fields: { Amount: 10, Reason: 'Expense 0' },
			});
			expect(run.items[0].pairedItem).toEqual({ item: 0 });
		});

		it('refuses an end before the start without calling WeCom', async () => {
			const run = await fixture.runCardNode(many({ startTime: iso(MONDAY), endTime: iso(MONDAY - 1) }));
			expect(run.error?.message).toBe('End Time must be after Start Time');
			expect(fixture.sandbox.stats().calls['/cgi-bin/oa/getapprovalinfo']).toBeUndefined();
		});
	});
});
