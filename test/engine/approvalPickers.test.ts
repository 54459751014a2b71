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

describe('approval pickers in the editor', () => {
	let fixture: EngineFixture;
	const nodeType = new WeComTemplateCard();

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});
	afterEach(async () => {
		await fixture.close();
	});

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
});
