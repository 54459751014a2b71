import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { APPROVAL_LIST_MAX_RANGE_SECONDS, APPROVAL_LIST_PAGE_SIZE } from '../../shared/approval';
import { fetchApprovalDetail, fetchApprovalPage } from '../transport/approvals';

/** Applications read to find templates: enough for a picker, few enough to stay well under 600 calls/min. */
const APPLICATIONS_READ = 30;
/** Pages of approval numbers looked through (100 each). */
const PAGES_READ = 10;

/**
 * Templates for the picker. WeCom has no call that lists templates, so the picker shows the
 * templates of the latest applications (last 31 days, getapprovalinfo + getapprovaldetail); any
 * other template is entered by ID.
 */
export async function searchApprovalTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const endTime = Math.floor(Date.now() / 1000);
	const spNos: string[] = [];
	let cursor: string | undefined = '';
	for (let pages = 0; cursor !== undefined && pages < PAGES_READ; pages++) {
		const page = await fetchApprovalPage(this, 0, {
			startTime: endTime - APPROVAL_LIST_MAX_RANGE_SECONDS,
			endTime,
			cursor,
			size: APPROVAL_LIST_PAGE_SIZE,
			filters: [],
		});
		spNos.push(...page.spNos);
		cursor = page.nextCursor;
	}
	// An approval number starts with its day and counts up ("202601050001"): the highest are the newest.
	// Once each: cursors that do not advance would repeat a page.
	const newest = [...new Set(spNos)].sort((a, b) => b.localeCompare(a)).slice(0, APPLICATIONS_READ);
	const templates = new Map<string, string>();
	let unreadable: unknown;
	for (const spNo of newest) {
		let detail: Awaited<ReturnType<typeof fetchApprovalDetail>>;
		try {
			detail = await fetchApprovalDetail(this, 0, spNo);
		} catch (error) {
			// One application the app may not read (or a malformed answer) must not hide the others.
			unreadable ??= error;
			continue;
		}
		const { template_id: id, sp_name: name } = detail;
		// An application without a template id names no template; one without a name shows its id.
		if (typeof id !== 'string' || id === '' || templates.has(id)) continue;
		templates.set(id, typeof name === 'string' ? name : '');
	}
	// Nothing readable at all: the reason (a missing permission, say) is what the user needs to see.
	if (templates.size === 0 && unreadable !== undefined) throw unreadable;
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = [...templates]
		.filter(([id, name]) => !wanted || name.toLowerCase().includes(wanted) || id.toLowerCase().includes(wanted))
		.map(([id, name]) => ({ name: name || id, value: id }));
	return { results };
}
