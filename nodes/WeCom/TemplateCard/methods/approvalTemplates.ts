import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { APPROVAL_LIST_MAX_RANGE_SECONDS } from '../../shared/approval';
import { fetchApprovalDetail, fetchApprovalPage } from '../transport/approvals';

/** Applications read to find templates: enough for a picker, few enough to stay well under 600 calls/min. */
const APPLICATIONS_READ = 30;

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
	const page = await fetchApprovalPage(this, 0, {
		startTime: endTime - APPROVAL_LIST_MAX_RANGE_SECONDS,
		endTime,
		cursor: '',
		size: APPLICATIONS_READ,
		filters: [],
	});
	const templates = new Map<string, string>();
	// Newest first: the latest name of a template wins.
	for (const spNo of [...page.spNos].reverse()) {
		const detail = await fetchApprovalDetail(this, 0, spNo);
		if (!templates.has(detail.template_id)) templates.set(detail.template_id, detail.sp_name);
	}
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = [...templates]
		.filter(([id, name]) => !wanted || name.toLowerCase().includes(wanted) || id.toLowerCase().includes(wanted))
		.map(([id, name]) => ({ name: name || id, value: id }));
	return { results };
}
