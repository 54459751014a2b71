/**
 * Submit Approval's editor helpers through n8n-core's LoadOptionsContext (what the editor calls):
 * the template picker (listSearch) and the form read from gettemplatedetail (resourceMapping),
 * with the credential's managed token, against the sandbox.
 */
import type { INode, IWorkflowBase } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { ALL_CONTROLS_TEMPLATE_ID, EXPENSE_TEMPLATE_ID, LEAVE_TEMPLATE_ID } from '../../sandbox';
import { createAdditionalData } from '../harness/additionalData';
import { CARD_NODE_TYPE, CREDENTIAL_ID, startEngineFixture } from './fixtures';
import type { EngineFixture } from './fixtures';
import { startForgedWeCom } from './stubOrigin';
import type { ForgedAnswer, StubOrigin } from './stubOrigin';

describe('approval pickers in the editor', () => {
	let fixture: EngineFixture;
	let forged: StubOrigin | undefined;
	const nodeType = new WeComTemplateCard();

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});
	afterEach(async () => {
		await forged?.close();
		forged = undefined;
		await fixture.close();
	});

	/** Answers WeCom should never send, on these paths; the rest from the sandbox. */
	async function forge(answers: Record<string, ForgedAnswer>): Promise<void> {
		forged = await startForgedWeCom(fixture.sandbox.url, answers);
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ baseUrl: forged.url }));
	}

	function editorContext(templateId: string): LoadOptionsContext {
		const node: INode = {
			id: 'approval-node',
			name: 'Submit',
			type: CARD_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				resource: 'approval',
				operation: 'submit',
				templateId: { __rl: true, mode: 'list', value: templateId },
			},
			credentials: { weComApi: { id: CREDENTIAL_ID, name: 'WeCom sandbox' } },
		};
		const workflowData = {
			id: 'wf-pickers',
			name: 'pickers',
			nodes: [node],
			connections: {},
		} as unknown as IWorkflowBase;
		const workflow = new Workflow({
			id: 'wf-pickers',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: fixture.harness.nodeTypes,
		});
		const { additionalData } = createAdditionalData({
			credentialsHelper: fixture.harness.credentialsHelper,
			executionId: 'editor',
			mode: 'manual',
			workflowData,
		});
		return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	}

	it('lists the templates of recent applications, searchable by name', async () => {
		for (const templateId of [EXPENSE_TEMPLATE_ID, LEAVE_TEMPLATE_ID, EXPENSE_TEMPLATE_ID]) {
			const contents =
				templateId === EXPENSE_TEMPLATE_ID
					? [
							{ control: 'Money', id: 'Money-1', value: { new_money: '1' } },
							{ control: 'Textarea', id: 'Textarea-1', value: { text: 'x' } },
						]
					: [
							{
								control: 'Vacation',
								id: 'vacation-1',
								value: {
									vacation: {
										selector: { type: 'single', options: [{ key: '1' }] },
										attendance: { date_range: { type: 'hour', new_begin: 1767571200, new_end: 1767578400 }, type: 1 },
									},
								},
							},
						];
			await fixture.sandbox.submitApproval({ creator: 'alice', templateId, contents });
		}
		const search = nodeType.methods.listSearch.searchApprovalTemplates;
		const all = await search.call(editorContext(''));
		// Newest application first.
		expect(all.results).toEqual([
			{ name: '报销 Expense', value: EXPENSE_TEMPLATE_ID },
			{ name: '请假 Leave', value: LEAVE_TEMPLATE_ID },
		]);
		expect((await search.call(editorContext(''), 'expense')).results).toEqual([
			{ name: '报销 Expense', value: EXPENSE_TEMPLATE_ID },
		]);
	});

	it('shows one form field per control, by title, typed by control, without the controls WeCom fills in', async () => {
		const { fields } = await nodeType.methods.resourceMapping.getApprovalFormFields.call(
			editorContext(ALL_CONTROLS_TEMPLATE_ID),
		);
		expect(fields.map((field) => field.id)).not.toContain('Tips-1');
		expect(fields.map((field) => field.id)).not.toContain('Formula-1');
		expect(fields.find((field) => field.id === 'Text-1')).toMatchObject({
			displayName: 'Title',
			required: true,
			type: 'string',
		});
		expect(fields.find((field) => field.id === 'Money-1')).toMatchObject({ displayName: 'Budget', type: 'number' });
		expect(fields.find((field) => field.id === 'Date-2')).toMatchObject({
			displayName: 'Meeting time',
			type: 'dateTime',
		});
		expect(fields.find((field) => field.id === 'Selector-1')).toMatchObject({
			type: 'options',
			options: [
				{ name: 'High', value: 'option-high' },
				{ name: 'Low', value: 'option-low' },
			],
		});
		expect(fields.find((field) => field.id === 'Table-1')?.displayName).toBe(
			'Items (JSON list of rows, each {"<column title>": value})',
		);

		const unknown = editorContext('no-such-template');
		await expect(nodeType.methods.resourceMapping.getApprovalFormFields.call(unknown)).rejects.toThrow(
			'No approval template no-such-template visible to this app',
		);
	});

	it('lists a template without a name by its id, and skips an application without a template id', async () => {
		const ok = (extra: Record<string, unknown>) => ({ errcode: 0, errmsg: 'ok', ...extra });
		const details: Record<string, Record<string, unknown>> = {
			'202601050003': { template_id: 'tpl-unnamed' },
			'202601050002': { sp_name: 'No template' },
			'202601050001': { template_id: 'tpl-named', sp_name: 42 },
		};
		await forge({
			'/cgi-bin/oa/getapprovalinfo': (_body, call) =>
				// The same page again and again under new cursors.
				ok({ sp_no_list: Object.keys(details), new_next_cursor: `c${call}` }),
			'/cgi-bin/oa/getapprovaldetail': (body) =>
				ok({
					info: {
						sp_no: body.sp_no,
						sp_status: 1,
						apply_data: { contents: [] },
						...details[String(body.sp_no)],
					},
				}),
		});
		const { results } = await nodeType.methods.listSearch.searchApprovalTemplates.call(editorContext(''));
		expect(results).toEqual([
			{ name: 'tpl-unnamed', value: 'tpl-unnamed' },
			{ name: 'tpl-named', value: 'tpl-named' },
		]);
		expect(forged?.calls['/cgi-bin/oa/getapprovaldetail']).toBe(3);
	});

	it('skips an application it cannot read, and shows why when it can read none', async () => {
		const ok = (extra: Record<string, unknown>) => ({ errcode: 0, errmsg: 'ok', ...extra });
		let readable = true;
		await forge({
			'/cgi-bin/oa/getapprovalinfo': () => ok({ sp_no_list: ['202601050002', '202601050001'] }),
			'/cgi-bin/oa/getapprovaldetail': (body) =>
				body.sp_no === '202601050002' || !readable
					? { errcode: 301055, errmsg: 'no permission to this approval' }
					: ok({
							info: {
								sp_no: body.sp_no,
								sp_status: 1,
								template_id: 'tpl-readable',
								sp_name: 'Readable',
								apply_data: { contents: [] },
							},
						}),
		});
		const search = nodeType.methods.listSearch.searchApprovalTemplates;
		expect((await search.call(editorContext(''))).results).toEqual([{ name: 'Readable', value: 'tpl-readable' }]);
		readable = false;
		await expect(search.call(editorContext(''))).rejects.toThrow(/301055/);
	});

	it('names a form field without a title by its control id', async () => {
		await forge({
			'/cgi-bin/oa/gettemplatedetail': () => ({
				errcode: 0,
				errmsg: 'ok',
				template_names: [{ text: 'Forged', lang: 'zh_CN' }],
				template_content: {
					controls: [
						{ property: { control: 'Text', id: 'Text-1', require: 1 } },
						{ property: { control: 'Table', id: 'Table-1', title: 'Items' }, config: { table: { children: [] } } },
					],
				},
			}),
		});
		const { fields } = await nodeType.methods.resourceMapping.getApprovalFormFields.call(editorContext('forged'));
		expect(fields.map((field) => field.displayName)).toEqual([
			'Text-1',
			'Table-1 (JSON list of rows, each {"<column title>": value})',
		]);
	});
});
