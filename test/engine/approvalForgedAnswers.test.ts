/**
 * The Approval resource against answers WeCom should never send (a stand-in origin in front of the
 * sandbox forges them): a missing `info` or `sp_no`, dates beyond what a date holds, titles that are
 * prototype names or used twice, cursors that never advance, templates without titles or ids. Each
 * ends in a clear error or a readable output, never a TypeError, "undefined" or an endless loop.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ALL_CONTROLS_TEMPLATE_ID, EXPENSE_TEMPLATE_ID } from '../../sandbox';
import { MONDAY } from '../approvals/fixtures';
import { CREDENTIAL_ID, startEngineFixture } from './fixtures';
import type { EngineFixture } from './fixtures';
import { startForgedWeCom } from './stubOrigin';
import type { ForgedAnswer, StubOrigin } from './stubOrigin';

const DAY = 24 * 3600;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const zh = (text: string) => [{ text, lang: 'zh_CN' }];
const ok = (extra: Record<string, unknown>) => ({ errcode: 0, errmsg: 'ok', ...extra });

const SP_NO = '202601050001';
const detail: INodeParameters = { resource: 'approval', operation: 'getDetail', spNo: SP_NO };
const many = (extra: INodeParameters): INodeParameters => ({
	resource: 'approval',
	operation: 'getMany',
	startTime: iso(MONDAY - DAY),
	endTime: iso(MONDAY + DAY),
	...extra,
});
const submit = (templateId: string, value: Record<string, unknown>): INodeParameters => ({
	resource: 'approval',
	operation: 'submit',
	creatorUserid: 'alice',
	templateId: { __rl: true, mode: 'id', value: templateId },
	formInput: 'form',
	formFields: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] } as unknown as INodeParameters,
	summary: 'Forged',
});

/** An application as getapprovaldetail shapes it, with the given form. */
const application = (contents: unknown[], extra: Record<string, unknown> = {}) => ({
	sp_no: SP_NO,
	sp_name: 'Forged',
	sp_status: 1,
	template_id: 'forged-template',
	apply_time: MONDAY,
	applyer: { userid: 'alice', partyid: '1' },
	apply_data: { contents },
	...extra,
});

describe('approval resource against forged WeCom answers', () => {
	let fixture: EngineFixture;
	let forged: StubOrigin | undefined;

	beforeEach(async () => {
		fixture = await startEngineFixture({ clock: () => MONDAY * 1000 });
	});
	afterEach(async () => {
		await forged?.close();
		forged = undefined;
		await fixture.close();
	});

	/** Points the credential at a stand-in answering `answers` itself and the rest through the sandbox. */
	async function forge(answers: Record<string, ForgedAnswer>): Promise<StubOrigin> {
		forged = await startForgedWeCom(fixture.sandbox.url, answers);
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ baseUrl: forged.url }));
		return forged;
	}

	describe('get approval detail', () => {
		it('reads a date beyond what a date holds as no date, keeping what WeCom wrote', async () => {
			await forge({
				'/cgi-bin/oa/getapprovaldetail': () =>
					ok({
						info: application([
							{
								control: 'Date',
								id: 'Date-1',
								title: zh('Due'),
								value: { date: { type: 'day', s_timestamp: '99999999999999999' } },
							},
							{
								control: 'DateRange',
								id: 'DateRange-1',
								title: zh('Period'),
								value: { date_range: { type: 'hour', new_begin: 1e17, new_end: 1e17, new_duration: 0 } },
							},
							{
								control: 'Date',
								id: 'Date-2',
								title: zh('Soon'),
								value: { date: { type: 'day', s_timestamp: 'tomorrow' } },
							},
						]),
					}),
			});
			const run = await fixture.runCardNode(detail);
			expect(run.error).toBeUndefined();
			expect(run.items[0].json.fields).toEqual({
				Due: { type: 'day', date: null, timestamp: '99999999999999999' },
				Period: {
					type: 'hour',
					begin: null,
					end: null,
					beginTimestamp: 1e17,
					endTimestamp: 1e17,
					durationSeconds: 0,
				},
				Soon: { type: 'day', date: null, timestamp: 'tomorrow' },
			});
		});

		it('keeps every control when titles repeat or are prototype names, as own keys', async () => {
			const text = (id: string, title: string, value: string) => ({
				control: 'Text',
				id,
				title: zh(title),
				value: { text: value },
			});
			await forge({
				'/cgi-bin/oa/getapprovaldetail': () =>
					ok({
						info: application([
							text('Text-1', 'Name', 'a'),
							text('Text-2', 'Name', 'b'),
							text('Text-3', 'Name (Text-2)', 'c'),
							text('Text-2', 'Name', 'd'),
							text('Text-4', '__proto__', 'e'),
							text('Text-5', 'constructor', 'f'),
							text('Text-6', 'toString', 'g'),
							text('Text-7', 'prototype', 'h'),
							{ control: 'Text', id: 'Text-8', title: [{ text: 42, lang: 'zh_CN' }], value: { text: 'i' } },
						]),
					}),
			});
			const run = await fixture.runCardNode(detail);
			expect(run.error).toBeUndefined();
			const fields = run.items[0].json.fields as Record<string, unknown>;
			expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
			expect(Object.entries(fields)).toEqual([
				['Name', 'a'],
				['Name (Text-2)', 'b'],
				// Its own title is taken: the id added, as for any repeat.
				['Name (Text-2) (Text-3)', 'c'],
				// A repeat of title and id: numbered.
				['Name (Text-2) (2)', 'd'],
				['__proto__ (Text-4)', 'e'],
				['constructor (Text-5)', 'f'],
				['toString', 'g'],
				['prototype (Text-7)', 'h'],
				['Text-8', 'i'],
			]);
			expect(JSON.parse(JSON.stringify(fields))).toEqual(fields);
		});

		it('names a status that is a prototype name as it is, and leaves missing option keys and numbers null', async () => {
			await forge({
				'/cgi-bin/oa/getapprovaldetail': () =>
					ok({
						info: application(
							[
								{
									control: 'RelatedApproval',
									id: 'RelatedApproval-1',
									title: zh('Related'),
									value: { related_approval: [{ name: 'x' }] },
								},
								{
									control: 'Selector',
									id: 'Selector-1',
									title: zh('Pick'),
									value: { selector: { type: 'multi', options: [{ value: zh('Odd') }] } },
								},
							],
							{ sp_status: 'toString' },
						),
					}),
			});
			const run = await fixture.runCardNode(detail);
			expect(run.error).toBeUndefined();
			expect(run.items[0].json.status).toBe('toString');
			expect(run.items[0].json.fields).toEqual({
				Related: [{ sp_no: null, name: 'x', sp_status: undefined, templateName: '' }],
				Pick: ['Odd'],
			});
		});

		it.each([
			['no info', ok({}), 'WeCom answered getapprovaldetail without info'],
			['info that is a list', ok({ info: [] }), 'WeCom answered getapprovaldetail without info'],
			[
				'contents that are no list',
				ok({ info: { ...application([]), apply_data: { contents: 'none' } } }),
				'WeCom answered getapprovaldetail without info.apply_data.contents as a list',
			],
			[
				'no apply_data',
				ok({ info: { ...application([]), apply_data: undefined } }),
				'WeCom answered getapprovaldetail without info.apply_data.contents as a list',
			],
		])('fails clearly on an answer with %s', async (_case, answer, message) => {
			await forge({ '/cgi-bin/oa/getapprovaldetail': () => answer });
			const run = await fixture.runCardNode(detail);
			expect(run.error?.constructor.name).toBe('NodeApiError');
			expect(run.error?.message).toBe(message);
			expect((run.error as { description?: string }).description).toContain(SP_NO);
		});
	});

	describe('get many approvals', () => {
		it('stops after 10 pages in a row that bring no new approval number (cursors that never advance)', async () => {
			const calls = await forge({
				'/cgi-bin/oa/getapprovalinfo': (_body, call) =>
					ok({ sp_no_list: call === 1 ? [SP_NO] : [], new_next_cursor: `cursor-${call}` }),
			});
			const run = await fixture.runCardNode(many({ returnAll: true }));
			expect(run.error?.message).toBe('WeCom kept answering pages without new approval numbers');
			expect((run.error as { description?: string }).description).toContain('10 pages');
			// The first page, then 10 that add nothing.
			expect(calls.calls['/cgi-bin/oa/getapprovalinfo']).toBe(11);
		});

		it('stops when the same numbers come back under new cursors', async () => {
			const calls = await forge({
				'/cgi-bin/oa/getapprovalinfo': (_body, call) => ok({ sp_no_list: [SP_NO], new_next_cursor: `c${call}` }),
			});
			const run = await fixture.runCardNode(many({ returnAll: true }));
			expect(run.error?.message).toBe('WeCom kept answering pages without new approval numbers');
			expect(calls.calls['/cgi-bin/oa/getapprovalinfo']).toBe(11);
		});

		it('stops Return All at 100,000 approval numbers when WeCom keeps giving new ones', async () => {
			// 1,000 new numbers a page (more than the 100 asked for) under ever new cursors: endless.
			const calls = await forge({
				'/cgi-bin/oa/getapprovalinfo': (_body, call) =>
					ok({
						sp_no_list: Array.from(
							{ length: 1000 },
							(_, index) => `2026${String(call * 1000 + index).padStart(9, '0')}`,
						),
						new_next_cursor: `c${call}`,
					}),
			});
			const run = await fixture.runCardNode(many({ returnAll: true }));
			expect(run.error?.message).toBe('More than 100000 approvals in the time range');
			expect(calls.calls['/cgi-bin/oa/getapprovalinfo']).toBe(101);
		});

		it.each([
			['a list that is an object', { '0': SP_NO }],
			['a list with an object', [{ sp_no: SP_NO }]],
		])('fails clearly on sp_no_list as %s', async (_case, list) => {
			await forge({ '/cgi-bin/oa/getapprovalinfo': () => ok({ sp_no_list: list }) });
			const run = await fixture.runCardNode(many({ returnAll: true }));
			expect(run.error?.constructor.name).toBe('NodeApiError');
			expect(run.error?.message).toBe(
				'WeCom answered getapprovalinfo without sp_no_list as a list of approval numbers',
			);
		});

		it.each([
			['0', 0],
			['a negative number', -5],
			['no number', Number.NaN],
			['a fraction', 2.5],
		])('refuses a Limit of %s before calling WeCom', async (_case, limit) => {
			const run = await fixture.runCardNode(many({ returnAll: false, limit }));
			expect(run.error?.message).toMatch(/^Limit must be a positive whole number/);
			expect(fixture.sandbox.stats().calls['/cgi-bin/oa/getapprovalinfo']).toBeUndefined();
		});

		it('asks no further than today for an End Time far in the future', async () => {
			await fixture.sandbox.submitApproval({
				creator: 'alice',
				templateId: EXPENSE_TEMPLATE_ID,
				contents: [
					{ control: 'Money', id: 'Money-1', value: { new_money: '1' } },
					{ control: 'Textarea', id: 'Textarea-1', value: { text: 'x' } },
				],
			});
			const run = await fixture.runCardNode(many({ returnAll: true, endTime: '9999-12-31T00:00:00Z' }));
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json.sp_no)).toEqual([SP_NO]);
			expect(fixture.sandbox.stats().calls['/cgi-bin/oa/getapprovalinfo']).toBeLessThanOrEqual(20);
		});
	});

	describe('submit approval', () => {
		const expense = { 'Money-1': 12, 'Textarea-1': 'Taxi' };

		it('fails clearly when WeCom answers success without sp_no (never "undefined")', async () => {
			await forge({ '/cgi-bin/oa/applyevent': () => ok({}) });
			const run = await fixture.runCardNode(submit(EXPENSE_TEMPLATE_ID, expense));
			expect(run.error?.constructor.name).toBe('NodeApiError');
			expect(run.error?.message).toBe('WeCom answered applyevent without sp_no');
			expect((run.error as { description?: string }).description).toContain('admin console');
			expect(JSON.stringify(run.items)).not.toContain('undefined');
		});

		/** A template whose control ids are prototype names. */
		const prototypeIds = {
			template_names: zh('Forged'),
			template_content: {
				controls: [
					{ property: { control: 'Text', id: 'constructor', title: zh('Made by'), require: 0 } },
					{ property: { control: 'Text', id: '__proto__', title: zh('Kind'), require: 0 } },
					{ property: { control: 'Text', id: 'Text-1', title: zh('Title'), require: 1 } },
				],
			},
		};

		it("reads the form by the template's control ids as own keys only (a control named constructor is blank)", async () => {
			let sent: Record<string, unknown> | undefined;
			await forge({
				'/cgi-bin/oa/gettemplatedetail': () => ok(prototypeIds),
				'/cgi-bin/oa/applyevent': (body) => {
					sent = body;
					return ok({ sp_no: SP_NO });
				},
			});
			const run = await fixture.runCardNode(submit('forged-template', { 'Text-1': 'Offsite' }));
			expect(run.error).toBeUndefined();
			expect(run.items[0].json.sp_no).toBe(SP_NO);
			expect((sent?.apply_data as { contents: unknown }).contents).toEqual([
				{ control: 'Text', id: 'Text-1', value: { text: 'Offsite' } },
			]);
		});

		it('names a control without a title by its id', async () => {
			await forge({
				'/cgi-bin/oa/gettemplatedetail': () =>
					ok({
						template_names: zh('Forged'),
						template_content: { controls: [{ property: { control: 'Text', id: 'Text-1', require: 1 } }] },
					}),
			});
			const run = await fixture.runCardNode(submit('forged-template', {}));
			expect(run.error?.message).toBe(
				'The application does not fit the template: apply_data.contents: "Text-1" (Text-1) is required',
			);
		});

		it.each([
			[
				'a control without property',
				[{ config: {} }],
				'template_content.controls[0].property: must be an object {control, id, title}',
			],
			[
				'a control without id',
				[{ property: { control: 'Text', title: zh('x') } }],
				'template_content.controls[0].property.id: must be a non-empty string',
			],
			[
				'a table column without control type',
				[
					{
						property: { control: 'Table', id: 'Table-1', title: zh('Items') },
						config: { table: { children: [{ property: { id: 'Text-2' } }] } },
					},
				],
				'template_content.controls[0].config.table.children[0].property.control: must be a non-empty string',
			],
			[
				'selector options that are no list',
				[{ property: { control: 'Selector', id: 'Selector-1' }, config: { selector: { type: 'single' } } }],
				'template_content.controls[0].config.selector.options: must be a list',
			],
			['controls that are no list', { 0: {} }, 'template_content.controls: must be a list'],
		])('fails clearly on a template with %s, sending nothing', async (_case, controls, path) => {
			const calls = await forge({
				'/cgi-bin/oa/gettemplatedetail': () => ok({ template_names: zh('Forged'), template_content: { controls } }),
			});
			const run = await fixture.runCardNode(submit('forged-template', { 'Text-1': 'x' }));
			expect(run.error?.constructor.name).toBe('NodeApiError');
			expect(run.error?.message).toBe('WeCom answered gettemplatedetail with a template this node cannot read');
			expect((run.error as { description?: string }).description).toContain(path);
			expect(calls.calls['/cgi-bin/oa/applyevent']).toBeUndefined();
		});
	});

	describe('values of the wrong type from expressions', () => {
		const applyCalls = () => fixture.sandbox.stats().calls['/cgi-bin/oa/applyevent'] ?? 0;
		const expense = { 'Money-1': 12, 'Textarea-1': 'Taxi' };

		it('sends filters that expressions give as numbers as text', async () => {
			let filters: unknown;
			await forge({
				'/cgi-bin/oa/getapprovalinfo': (body) => {
					filters = body.filters;
					return ok({ sp_no_list: [] });
				},
			});
			const run = await fixture.runCardNode(
				many({
					returnAll: true,
					filters: { creator: '={{ 5 }}', departments: '={{ 2 }}', templateId: '={{ 7 }}' },
				}),
			);
			expect(run.error).toBeUndefined();
			expect(filters).toEqual([
				{ key: 'template_id', value: '7' },
				{ key: 'creator', value: '5' },
				{ key: 'department', value: '2' },
			]);
		});

		it.each([
			[
				'an approver relation that is none of 1, 2, 3',
				{ approverSource: 'custom', approvers: 'bob', approverRelation: '={{ "x" }}' },
				'Approved When must be',
			],
			['a department that is no id', { options: { chooseDepartment: '={{ "sales" }}' } }, 'Department ID must be'],
			['a template that is null', { templateId: '={{ null }}' }, 'Template is empty'],
		])('refuses %s before sending anything', async (_case, extra, message) => {
			const run = await fixture.runCardNode({ ...submit(EXPENSE_TEMPLATE_ID, expense), ...extra } as INodeParameters);
			expect(run.error?.message).toContain(message);
			expect(applyCalls()).toBe(0);
		});

		it('refuses a location time beyond what Unix seconds hold', async () => {
			const run = await fixture.runCardNode(
				submit(ALL_CONTROLS_TEMPLATE_ID, {
					'Text-1': 'x',
					'Location-1': JSON.stringify({ latitude: '30.5', longitude: '104.06', time: 1e20 }),
				}),
			);
			expect(run.error?.message).toBe('Form field "Site" has a time that is not Unix seconds');
			expect(applyCalls()).toBe(0);
		});
	});
});
