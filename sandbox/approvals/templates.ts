import type { ApprovalTemplate, LangText, TemplateControl } from '../../nodes/WeCom/shared/approval';

/**
 * The sandbox corp's approval templates, shaped as gettemplatedetail returns them
 * (https://developer.work.weixin.qq.com/document/path/91982), control configs as create_template
 * documents them (https://developer.work.weixin.qq.com/document/path/97437). Together they hold
 * every control type WeCom documents for applications.
 */

const zh = (text: string): LangText[] => [{ text, lang: 'zh_CN' }];

function control(
	type: string,
	id: string,
	title: string,
	config?: TemplateControl['config'],
	require = 0,
): TemplateControl {
	return {
		property: { control: type, id, title: zh(title), placeholder: zh(''), require, un_print: 0 },
		...(config && { config }),
	};
}

const option = (key: string, text: string) => ({ key, value: zh(text) });

/** Expense claim: the everyday case (amount, reason, receipts), used by the examples. */
export const EXPENSE_TEMPLATE_ID = 'C4RbTemplateSandbox0001';
/** Every general control: one of each, both Date kinds, single and multi selectors, users and departments. */
export const ALL_CONTROLS_TEMPLATE_ID = 'C4RbTemplateSandbox0002';
/** Leave request: the Vacation control of WeCom's leave templates. */
export const LEAVE_TEMPLATE_ID = 'C4RbTemplateSandbox0003';
/** Business trip: the Attendance control of WeCom's trip / outing / overtime templates. */
export const TRIP_TEMPLATE_ID = 'C4RbTemplateSandbox0004';

const expense: ApprovalTemplate = {
	template_names: zh('报销 Expense'),
	template_content: {
		controls: [
			control('Money', 'Money-1', 'Amount', undefined, 1),
			control('Textarea', 'Textarea-1', 'Reason', undefined, 1),
			control('Selector', 'Selector-1', 'Category', {
				selector: {
					type: 'single',
					exp_type: 0,
					options: [
						option('option-travel', 'Travel'),
						option('option-meals', 'Meals'),
						option('option-other', 'Other'),
					],
				},
			}),
			control('File', 'File-1', 'Receipts', { file: { is_only_photo: 0 } }),
		],
	},
};

const allControls: ApprovalTemplate = {
	template_names: zh('全字段 All controls'),
	template_content: {
		controls: [
			control('Text', 'Text-1', 'Title', undefined, 1),
			control('Textarea', 'Textarea-1', 'Details'),
			control('Number', 'Number-1', 'Quantity'),
			control('Money', 'Money-1', 'Budget'),
			control('Date', 'Date-1', 'Due day', { date: { type: 'day' } }),
			control('Date', 'Date-2', 'Meeting time', { date: { type: 'hour' } }),
			control('DateRange', 'DateRange-1', 'Period', { date_range: { type: 'halfday' } }),
			control('DateRange', 'DateRange-2', 'Window', { date_range: { type: 'hour' } }),
			control('Selector', 'Selector-1', 'Priority', {
				selector: {
					type: 'single',
					exp_type: 0,
					options: [option('option-high', 'High'), option('option-low', 'Low')],
				},
			}),
			control('Selector', 'Selector-2', 'Regions', {
				selector: {
					type: 'multi',
					exp_type: 0,
					options: [option('option-north', 'North'), option('option-south', 'South'), option('option-west', 'West')],
				},
			}),
			control('Contact', 'Contact-1', 'Reviewers', { contact: { type: 'multi', mode: 'user' } }),
			control('Contact', 'Contact-2', 'Departments', { contact: { type: 'multi', mode: 'department' } }),
			control('File', 'File-1', 'Attachments', { file: { is_only_photo: 0 } }),
			control('Table', 'Table-1', 'Items', {
				table: {
					children: [control('Text', 'Text-2', 'Item'), control('Money', 'Money-2', 'Price')],
					stat_field: [],
				},
			}),
			control('Location', 'Location-1', 'Site', { location: { distance: 200 } }),
			control('RelatedApproval', 'RelatedApproval-1', 'Related', { related_approval: {} }),
			control('Formula', 'Formula-1', 'Total', { formula: {} }),
			control('Tips', 'Tips-1', 'Note', {
				tips: {
					tips_content: [
						{
							text: { sub_text: [{ type: 1, content: { plain_text: { content: 'Attach receipts.' } } }] },
							lang: 'zh_CN',
						},
					],
				},
			}),
		],
	},
};

const leave: ApprovalTemplate = {
	template_names: zh('请假 Leave'),
	template_content: {
		controls: [
			control(
				'Vacation',
				'vacation-1',
				'Leave',
				{
					vacation_list: {
						item: [
							{ id: 1, name: zh('Annual leave') },
							{ id: 2, name: zh('Sick leave') },
						],
					},
				},
				1,
			),
			control('Textarea', 'Textarea-1', 'Reason'),
		],
	},
};

const trip: ApprovalTemplate = {
	template_names: zh('出差 Business trip'),
	template_content: {
		controls: [
			control('Attendance', 'Attendance-1', 'Trip', { attendance: { date_range: { type: 'hour' }, type: 3 } }, 1),
			control('Text', 'Text-1', 'Destination'),
		],
	},
};

export const SANDBOX_TEMPLATES: ReadonlyMap<string, ApprovalTemplate> = new Map([
	[EXPENSE_TEMPLATE_ID, expense],
	[ALL_CONTROLS_TEMPLATE_ID, allControls],
	[LEAVE_TEMPLATE_ID, leave],
	[TRIP_TEMPLATE_ID, trip],
]);
