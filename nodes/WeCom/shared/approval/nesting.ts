import type { ApplyIssue, TemplateControl } from './types';
import { APPROVAL_TABLE_MAX_DEPTH } from './limits';

/**
 * The nesting guard for Table controls, shared by Submit Approval (its contents, and for the form
 * its template: refused before sending), the sandbox's applyevent (301025) and the readable
 * `fields` of an approval (kept raw beyond it).
 */

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when a table `depth` levels deep (1 = a table of the form itself) may still be read. */
export const tableDepthAllowed = (depth: number): boolean => depth <= APPROVAL_TABLE_MAX_DEPTH;

/**
 * The first control (in any order) whose rows nest tables deeper than APPROVAL_TABLE_MAX_DEPTH, or
 * undefined. Any value with `children` rows counts as a table, whatever its `control` says, since
 * the form checks follow the template's type. Walked with a list of pending rows, never deeper
 * than the limit, so no input can exhaust the stack.
 */
export function tableNestingIssue(contents: unknown, at = 'apply_data.contents'): ApplyIssue | undefined {
	const pending: Array<{ list: unknown; path: string; depth: number }> = [{ list: contents, path: at, depth: 0 }];
	while (pending.length > 0) {
		const { list, path, depth } = pending.pop()!;
		if (!Array.isArray(list)) continue;
		for (const [index, content] of list.entries()) {
			const rows = isObject(content) && isObject(content.value) ? content.value.children : undefined;
			if (!Array.isArray(rows) || rows.length === 0) continue;
			const here = `${path}[${index}]`;
			if (!tableDepthAllowed(depth + 1))
				return { path: here, message: `tables nest at most ${APPROVAL_TABLE_MAX_DEPTH} levels deep` };
			rows.forEach((row, rowIndex) => {
				if (isObject(row))
					pending.push({ list: row.list, path: `${here}.value.children[${rowIndex}].list`, depth: depth + 1 });
			});
		}
	}
	return undefined;
}

/**
 * The same bound on a template (gettemplatedetail's Table `config.table.children`): a form built
 * from a template follows its tables, so one nested deeper is refused before the form is built.
 */
export function templateNestingIssue(
	controls: readonly TemplateControl[],
	at = 'template_content.controls',
): ApplyIssue | undefined {
	const pending: Array<{ list: unknown; path: string; depth: number }> = [{ list: controls, path: at, depth: 0 }];
	while (pending.length > 0) {
		const { list, path, depth } = pending.pop()!;
		if (!Array.isArray(list)) continue;
		for (const [index, control] of list.entries()) {
			const children = (control as Partial<TemplateControl> | null)?.config?.table?.children;
			if (!Array.isArray(children) || children.length === 0) continue;
			const here = `${path}[${index}]`;
			if (!tableDepthAllowed(depth + 1))
				return { path: here, message: `the template nests tables more than ${APPROVAL_TABLE_MAX_DEPTH} levels deep` };
			pending.push({ list: children, path: `${here}.config.table.children`, depth: depth + 1 });
		}
	}
	return undefined;
}
