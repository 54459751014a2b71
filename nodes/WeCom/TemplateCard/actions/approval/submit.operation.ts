import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { checkApplication, controlTitle, tableNestingIssue, templateNestingIssue } from '../../../shared/approval';
import type { ApplyContent, ApplyIssue, TemplateControl } from '../../../shared/approval';
import { optionsCollection, retryOptions } from '../../descriptions/options';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { nodeParameter } from '../../helpers/parameters';
import { fetchApprovalTemplate, submitApplication } from '../../transport/approvals';
import { showFor } from '../node.type';
import { contentsFromForm } from './form';

const properties: INodeProperties[] = [
	{
		displayName: 'Applicant',
		name: 'creatorUserid',
		type: 'string',
		default: '',
		required: true,
		description: "Userid of the member who applies; must be in the app's visible range",
	},
	{
		displayName: 'Template',
		name: 'templateId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			"The approval template. The list shows templates of applications from the last 31 days; any other ID is in the address of the template's edit page in the admin console.",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchApprovalTemplates', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3Tka1eD6v6JfzhDMqPd3aMkFdxqtJMc2ZRioeFXkaaa',
			},
		],
	},
	{
		displayName: 'Form Input',
		name: 'formInput',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Map Fields by Title', value: 'form', description: "Fill in the template's controls by their titles" },
			{ name: 'JSON', value: 'json', description: "WeCom's apply_data.contents list" },
		],
		default: 'form',
	},
	{
		displayName: 'Form Fields',
		name: 'formFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['templateId.value'],
			resourceMapper: {
				resourceMapperMethod: 'getApprovalFormFields',
				mode: 'add',
				fieldWords: { singular: 'control', plural: 'controls' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: { show: { formInput: ['form'] } },
	},
	{
		displayName: 'Contents (JSON)',
		name: 'contentsJson',
		type: 'json',
		default: '[]',
		required: true,
		description:
			'The apply_data.contents list as WeCom documents it for applyevent: one entry per control, with its type, control ID and value',
		displayOptions: { show: { formInput: ['json'] } },
	},
	{
		displayName: 'Approvers',
		name: 'approverSource',
		type: 'options',
		options: [
			{
				name: "Template's Approval Flow",
				value: 'template',
				description: 'As set in the admin console (no "chosen by applicant" nodes)',
			},
			{ name: 'Listed Here', value: 'custom' },
		],
		default: 'template',
	},
	{
		displayName: 'Approver Userids',
		name: 'approvers',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'bob,carol',
		description: 'Comma-separated userids of one approval step',
		displayOptions: { show: { approverSource: ['custom'] } },
	},
	{
		displayName: 'Approved When',
		name: 'approverRelation',
		type: 'options',
		options: [
			{ name: 'Any One Approves (或签)', value: 2 },
			{ name: 'All Approve (会签)', value: 1 },
			{ name: 'All Approve in Order (依次审批)', value: 3 },
		],
		default: 2,
		displayOptions: { show: { approverSource: ['custom'] } },
	},
	{
		displayName: 'CC Userids',
		name: 'ccUsers',
		type: 'string',
		default: '',
		description: 'Comma-separated userids notified of the application',
		displayOptions: { show: { approverSource: ['custom'] } },
	},
	{
		displayName: 'Summary',
		name: 'summary',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		description: 'What the approval list shows: 1 to 3 lines, each at most 20 characters',
	},
	optionsCollection([
		{
			displayName: 'Department ID',
			name: 'chooseDepartment',
			type: 'number',
			default: 0,
			description: "The applicant's department the application is filed under; default their main department",
		},
		...retryOptions(),
	]),
];

export const description = updateDisplayOptions(showFor('approval', 'submit'), properties);

const ids = (value: unknown) =>
	String(value ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id !== '');

function templateIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const located = nodeParameter(ctx, 'templateId', itemIndex, '') as { value?: unknown } | string | null;
	const value = located !== null && typeof located === 'object' ? located.value : located;
	const id = String(value ?? '').trim();
	if (!id) throw new NodeOperationError(ctx.getNode(), 'Template is empty', { itemIndex });
	return id;
}

function contentsOf(ctx: IExecuteFunctions, itemIndex: number, controls: TemplateControl[]): ApplyContent[] {
	if (nodeParameter(ctx, 'formInput', itemIndex, 'form') === 'json') {
		const raw = nodeParameter(ctx, 'contentsJson', itemIndex, '[]');
		try {
			return (typeof raw === 'string' ? JSON.parse(raw) : raw) as ApplyContent[];
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `Contents (JSON) is not JSON: ${(error as Error).message}`, {
				itemIndex,
			});
		}
	}
	// The form follows the template's tables: one nested too deep is refused before it is built.
	const nesting = templateNestingIssue(controls);
	if (nesting)
		throw new NodeOperationError(ctx.getNode(), `${nesting.path}: ${nesting.message}`, {
			itemIndex,
			description: 'Nothing was sent. Use Form Input: JSON, or a template whose tables nest less deep.',
		});
	const values = (nodeParameter(ctx, 'formFields.value', itemIndex, {}) ?? {}) as Record<string, unknown>;
	return contentsFromForm(controls, values, (field, message) => {
		throw new NodeOperationError(ctx.getNode(), `Form field "${field}" ${message}`, { itemIndex });
	});
}

function processOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	if (nodeParameter(ctx, 'approverSource', itemIndex, 'template') === 'template') return { use_template_approver: 1 };
	const approvers = ids(nodeParameter(ctx, 'approvers', itemIndex, ''));
	if (approvers.length === 0) throw new NodeOperationError(ctx.getNode(), 'Approver Userids is empty', { itemIndex });
	const cc = ids(nodeParameter(ctx, 'ccUsers', itemIndex, ''));
	const relation = Number(nodeParameter(ctx, 'approverRelation', itemIndex, 2));
	// apv_rel: 1 all (会签), 2 any (或签), 3 in order (依次审批); WeCom answers 301025 for anything else.
	if (![1, 2, 3].includes(relation))
		throw new NodeOperationError(ctx.getNode(), 'Approved When must be 1, 2 or 3', {
			itemIndex,
			description: '1: all approve (会签), 2: any one approves (或签), 3: all approve in order (依次审批).',
		});
	return {
		use_template_approver: 0,
		process: {
			node_list: [
				{ type: 1, apv_rel: relation, userid: approvers },
				...(cc.length > 0 ? [{ type: 2, userid: cc }] : []),
			],
		},
	};
}

/** "apply_data.contents[2].value.x" → "Amount (apply_data.contents[2].value.x)": the control named. */
function describeIssue(issue: ApplyIssue, contents: ApplyContent[], controls: TemplateControl[]): string {
	const index = /^apply_data\.contents\[(\d+)\]/.exec(issue.path)?.[1];
	const control =
		index === undefined ? undefined : controls.find((known) => known.property.id === contents[Number(index)]?.id);
	const where = control ? `"${controlTitle(control)}" (${issue.path})` : issue.path;
	return `${where}: ${issue.message}`;
}

/** choose_department: a department id (uint32); 0 or empty means the applicant's main department. */
function departmentOf(ctx: IExecuteFunctions, itemIndex: number, raw: unknown): number {
	if (raw === undefined || raw === null || raw === '' || raw === 0) return 0;
	const id = Number(raw);
	if (!Number.isInteger(id) || id < 0 || id > 0xffffffff)
		throw new NodeOperationError(ctx.getNode(), `Department ID must be a department's number (got "${String(raw)}")`, {
			itemIndex,
		});
	return id;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const creator = String(nodeParameter(this, 'creatorUserid', itemIndex, '')).trim();
	if (!creator) throw new NodeOperationError(this.getNode(), 'Applicant is empty', { itemIndex });
	const templateId = templateIdOf(this, itemIndex);
	const options = readOptions<RetryOptionValues & { chooseDepartment?: unknown }>(this, itemIndex);
	const retry = retryPolicyFrom(options, true);
	const department = departmentOf(this, itemIndex, options.chooseDepartment);
	const summaryLines = String(nodeParameter(this, 'summary', itemIndex, ''))
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');
	const body: IDataObject = {
		creator_userid: creator,
		template_id: templateId,
		...processOf(this, itemIndex),
		summary_list: summaryLines.map((text) => ({ summary_info: [{ text, lang: 'zh_CN' }] })),
		...(department ? { choose_department: department } : {}),
	};
	// The template says what the form must hold: checked here, so a wrong form sends nothing.
	const template = await fetchApprovalTemplate(this, itemIndex, templateId, retry);
	const controls = template.template_content.controls;
	const contents = contentsOf(this, itemIndex, controls);
	body.apply_data = { contents } as unknown as IDataObject;
	// Tables nested deeper than any form has are refused before the form is walked.
	const nesting = tableNestingIssue(contents);
	const issues = nesting ? [nesting] : checkApplication(controls, body);
	if (issues.length > 0) {
		throw new NodeOperationError(
			this.getNode(),
			`The application does not fit the template: ${describeIssue(issues[0], contents, controls)}`,
			{
				itemIndex,
				description: issues.map((issue) => describeIssue(issue, contents, controls)).join('\n'),
			},
		);
	}
	const { spNo, attempts } = await submitApplication(this, itemIndex, body, retry);
	return { sp_no: spNo, template_id: templateId, creator_userid: creator, attempts };
}
