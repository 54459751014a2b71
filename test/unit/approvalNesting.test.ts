/**
 * Table controls nested in tables. WeCom documents a Table's rows as content lists like
 * `contents[]` (applyevent https://developer.work.weixin.qq.com/document/path/91853,
 * getapprovaldetail /91983) and no nesting depth; the package bounds it at
 * APPROVAL_TABLE_MAX_DEPTH (3) so that hostile nesting is refused or kept raw, never walked.
 */
import {
	APPROVAL_TABLE_MAX_DEPTH,
	approvalOutput,
	checkTemplate,
	readableFields,
	tableNestingIssue,
	templateNestingIssue,
	type TemplateControl,
	type ApplyContent,
	type ApprovalDetail,
} from '../../nodes/WeCom/shared/approval';
import { nestedTableControlsJson, nestedTablePath, nestedTablesJson } from '../approvals/fixtures';

const nestedTables = (levels: number): ApplyContent[] => [JSON.parse(nestedTablesJson(levels)) as ApplyContent];

describe('Table nesting', () => {
	it('is 3 levels', () => expect(APPROVAL_TABLE_MAX_DEPTH).toBe(3));

	it('lets 3 levels pass and names the 4th', () => {
		expect(tableNestingIssue(nestedTables(3))).toBeUndefined();
		expect(tableNestingIssue(nestedTables(4))).toEqual({
			path: nestedTablePath(4),
			message: 'tables nest at most 3 levels deep',
		});
	});

	it('names the 4th level of 10,000 nested tables without walking them', () => {
		expect(tableNestingIssue(nestedTables(10_000))?.path).toBe(nestedTablePath(4));
	});

	it('counts a value with rows as a table whatever its control says', () => {
		const disguised = nestedTables(4);
		(disguised[0] as { control: string }).control = 'Text';
		expect(tableNestingIssue(disguised)?.path).toBe(nestedTablePath(4));
	});

	it('bounds a template the same way, without walking 10,000 levels', () => {
		const template = (levels: number) => JSON.parse(nestedTableControlsJson(levels)) as TemplateControl[];
		expect(templateNestingIssue(template(3))).toBeUndefined();
		const fourth = `template_content.controls${'[0].config.table.children'.repeat(3)}[0]`;
		expect(templateNestingIssue(template(4))?.path).toBe(fourth);
		expect(templateNestingIssue(template(10_000))?.path).toBe(fourth);
	});

	it('checks a gettemplatedetail answer with 10,000 nested tables without following them past 3 levels (stack overflow before)', () => {
		const answer = (controls: unknown) => ({ template_content: { controls } });
		const deep = JSON.parse(nestedTableControlsJson(10_000)) as TemplateControl[];
		expect(checkTemplate(answer(deep))).toEqual([]);
		// Within 3 levels it still reads every column: a column without an id is named.
		const shallow = JSON.parse(nestedTableControlsJson(3)) as TemplateControl[];
		delete (shallow[0].config!.table!.children![0].config!.table!.children![0].property as { id?: string }).id;
		expect(checkTemplate(answer(shallow))).toEqual([
			{
				path: `template_content.controls${'[0].config.table.children'.repeat(2)}[0].property.id`,
				message: 'must be a non-empty string',
			},
		]);
	});

	it('reads 3 levels of tables into fields', () => {
		expect(readableFields(nestedTables(3))).toEqual({ Items: [{ Items: [{ Items: [{ Note: 'deep' }] }] }] });
	});

	it('keeps the 4th level raw', () => {
		const fourth = nestedTables(4)[0].value.children as Array<{ list: ApplyContent[] }>;
		const raw = fourth[0].list[0].value.children as Array<{ list: ApplyContent[] }>;
		const deepest = raw[0].list[0].value.children as Array<{ list: ApplyContent[] }>;
		expect(readableFields(nestedTables(4))).toEqual({
			Items: [{ Items: [{ Items: [{ Items: deepest[0].list[0].value.children }] }] }],
		});
	});

	it('reads an approval detail with 10,000 nested tables (stack overflow before)', () => {
		const info = { sp_no: '202601010001', sp_status: 1, apply_data: { contents: nestedTables(10_000) } };
		const output = approvalOutput(info as unknown as ApprovalDetail);
		expect(Object.keys(output.fields)).toEqual(['Items']);
	});
});
