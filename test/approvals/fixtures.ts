/**
 * Approval form values transcribed from WeCom's applyevent page
 * (https://developer.work.weixin.qq.com/document/path/91853), filled in for the sandbox's
 * "All controls" template (sandbox/approvals/templates.ts), and the readable fields the node
 * must make of them (the getapprovaldetail shapes of https://developer.work.weixin.qq.com/document/path/91983).
 */
import { ALL_CONTROLS_TEMPLATE_ID } from '../../sandbox';

/** 2026-01-05 00:00:00 UTC+8, a half-day boundary. */
export const MONDAY = Date.UTC(2026, 0, 4, 16) / 1000;

export const ALL_CONTROLS_CONTENTS = [
	{ control: 'Text', id: 'Text-1', value: { text: 'New laptops' } },
	{ control: 'Textarea', id: 'Textarea-1', value: { text: 'Two laptops\nfor the new hires' } },
	{ control: 'Number', id: 'Number-1', value: { new_number: '2' } },
	{ control: 'Money', id: 'Money-1', value: { new_money: '2999.50' } },
	{ control: 'Date', id: 'Date-1', value: { date: { type: 'day', s_timestamp: String(MONDAY) } } },
	{ control: 'Date', id: 'Date-2', value: { date: { type: 'hour', s_timestamp: String(MONDAY + 9 * 3600) } } },
	{
		control: 'DateRange',
		id: 'DateRange-1',
		value: { date_range: { type: 'halfday', new_begin: MONDAY, new_end: MONDAY + 36 * 3600, new_duration: 129600 } },
	},
	{
		control: 'DateRange',
		id: 'DateRange-2',
		value: {
			date_range: { type: 'hour', new_begin: MONDAY + 9 * 3600, new_end: MONDAY + 11 * 3600, new_duration: 7200 },
		},
	},
	{ control: 'Selector', id: 'Selector-1', value: { selector: { type: 'single', options: [{ key: 'option-high' }] } } },
	{
		control: 'Selector',
		id: 'Selector-2',
		value: { selector: { type: 'multi', options: [{ key: 'option-north' }, { key: 'option-west' }] } },
	},
	{ control: 'Contact', id: 'Contact-1', value: { members: [{ userid: 'carol', name: 'Carol' }] } },
	{ control: 'Contact', id: 'Contact-2', value: { departments: [{ openapi_id: '2', name: 'Sales' }] } },
	{ control: 'File', id: 'File-1', value: { files: [{ file_id: 'WWCISP_sandbox_quote' }] } },
	{
		control: 'Table',
		id: 'Table-1',
		value: {
			children: [
				{
					list: [
						{ control: 'Text', id: 'Text-2', value: { text: 'Laptop' } },
						{ control: 'Money', id: 'Money-2', value: { new_money: '1499.75' } },
					],
				},
				{
					list: [
						{ control: 'Text', id: 'Text-2', value: { text: 'Dock' } },
						{ control: 'Money', id: 'Money-2', value: { new_money: '0' } },
					],
				},
			],
		},
	},
	{
		control: 'Location',
		id: 'Location-1',
		value: {
			location: { latitude: '30.547239', longitude: '104.063291', title: 'Office', address: 'Chengdu', time: MONDAY },
		},
	},
	{ control: 'RelatedApproval', id: 'RelatedApproval-1', value: { related_approval: [{ sp_no: '202601010001' }] } },
];

/** What Get Approval Detail's `fields` holds for ALL_CONTROLS_CONTENTS. */
export const ALL_CONTROLS_FIELDS = {
	Title: 'New laptops',
	Details: 'Two laptops\nfor the new hires',
	Quantity: 2,
	Budget: 2999.5,
	'Due day': { type: 'day', date: '2026-01-04T16:00:00.000Z', timestamp: MONDAY },
	'Meeting time': { type: 'hour', date: '2026-01-05T01:00:00.000Z', timestamp: MONDAY + 9 * 3600 },
	Period: {
		type: 'halfday',
		begin: '2026-01-04T16:00:00.000Z',
		end: '2026-01-06T04:00:00.000Z',
		beginTimestamp: MONDAY,
		endTimestamp: MONDAY + 36 * 3600,
		durationSeconds: 129600,
	},
	Window: {
		type: 'hour',
		begin: '2026-01-05T01:00:00.000Z',
		end: '2026-01-05T03:00:00.000Z',
		beginTimestamp: MONDAY + 9 * 3600,
		endTimestamp: MONDAY + 11 * 3600,
		durationSeconds: 7200,
	},
	Priority: 'High',
	Regions: ['North', 'West'],
	Reviewers: [{ userid: 'carol', name: 'Carol' }],
	Departments: [{ id: '2', name: 'Sales' }],
	Attachments: ['WWCISP_sandbox_quote'],
	Items: [
		{ Item: 'Laptop', Price: 1499.75 },
		{ Item: 'Dock', Price: 0 },
	],
	Site: { latitude: 30.547239, longitude: 104.063291, title: 'Office', address: 'Chengdu', time: MONDAY },
	Related: [{ sp_no: '202601010001', name: undefined, sp_status: undefined, templateName: '' }],
};

/** An applyevent body for the All controls template, approver bob (or-sign), CC carol. */
export function allControlsApplication(overrides: Record<string, unknown> = {}) {
	return {
		creator_userid: 'alice',
		template_id: ALL_CONTROLS_TEMPLATE_ID,
		use_template_approver: 0,
		process: {
			node_list: [
				{ type: 1, apv_rel: 2, userid: ['bob'] },
				{ type: 2, userid: ['carol'] },
			],
		},
		apply_data: { contents: ALL_CONTROLS_CONTENTS },
		summary_list: [{ summary_info: [{ text: 'Laptops', lang: 'zh_CN' }] }],
		...overrides,
	};
}

/**
 * The JSON text of one Table control (id `Table-1`) holding `levels` tables in one another, each the
 * only cell of its parent's only row, around a Text control. Built as text: JSON.stringify itself
 * exhausts the stack on 10,000 levels, JSON.parse does not.
 */
export function nestedTablesJson(levels: number): string {
	const open =
		'{"control":"Table","id":"Table-1","title":[{"text":"Items","lang":"zh_CN"}],"value":{"children":[{"list":[';
	const leaf = '{"control":"Text","id":"Text-1","title":[{"text":"Note","lang":"zh_CN"}],"value":{"text":"deep"}}';
	return `${open.repeat(levels)}${leaf}${']}]}}'.repeat(levels)}`;
}

/** A gettemplatedetail control list of the same shape: `levels` Table controls in one another. */
export function nestedTableControlsJson(levels: number): string {
	const title = (text: string) => `"title":[{"text":"${text}","lang":"zh_CN"}]`;
	const open = `{"property":{"control":"Table","id":"Table-1",${title('Items')},"require":0},"config":{"table":{"children":[`;
	const leaf = `{"property":{"control":"Text","id":"Text-1",${title('Note')},"require":0}}`;
	return `[${open.repeat(levels)}${leaf}${']}}}'.repeat(levels)}]`;
}

/** The path of the `level`-th table of nestedTablesJson when it is contents[index]. */
export const nestedTablePath = (level: number, index = 0): string =>
	`apply_data.contents[${index}]${'.value.children[0].list[0]'.repeat(level - 1)}`;
