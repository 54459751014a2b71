import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { listDepartmentMembers, listDepartments, listTags } from '../transport/contacts';

/*
 * The editor's lists of members, departments and tags. They show what every self-built app may
 * read: names and IDs within the app's visible range. Mobiles and e-mails are not read: apps created
 * after 2022-06-20 no longer get them (https://developer.work.weixin.qq.com/document/path/90196).
 */

/** Members are listed department by department (user/simplelist): a page reads at most this many. */
const DEPARTMENTS_PER_PAGE = 10;
/** ...and stops early once it holds this many members. */
const MEMBERS_PER_PAGE = 100;
/** A search that found nobody yet reads on, up to this many departments, so the page is not empty. */
const DEPARTMENTS_PER_EMPTY_PAGE = 50;

const matches = (filter: string | undefined, ...texts: string[]) =>
	!filter || texts.some((text) => text.toLowerCase().includes(filter.trim().toLowerCase()));

/**
 * Members of the visible range, by name or userid. WeCom offers an app no paged member list
 * (user/list_id takes only the contacts-sync secret, https://developer.work.weixin.qq.com/document/path/96067),
 * so a page walks the departments (department/list) and reads each one's members; the pagination
 * token is the next department's position. A member of several departments shows once per page.
 */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const departments = await listDepartments(this);
	const seen = new Set<string>();
	const results: INodeListSearchItems[] = [];
	const start = Number(paginationToken ?? 0) || 0;
	const budget = () => (results.length ? DEPARTMENTS_PER_PAGE : DEPARTMENTS_PER_EMPTY_PAGE);
	let next = start;
	while (next < departments.length && next < start + budget() && results.length < MEMBERS_PER_PAGE) {
		for (const member of await listDepartmentMembers(this, departments[next].id)) {
			if (seen.has(member.userid) || !matches(filter, member.name, member.userid)) continue;
			seen.add(member.userid);
			results.push({ name: `${member.name} (${member.userid})`, value: member.userid });
		}
		next++;
	}
	return { results, paginationToken: next < departments.length ? String(next) : undefined };
}

/** Departments of the visible range, by name or ID (department/list has no paging: one page). */
export async function searchDepartments(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const departments = await listDepartments(this);
	return {
		results: departments
			.filter((department) => matches(filter, department.name, String(department.id)))
			.map((department) => ({ name: `${department.name} (${department.id})`, value: String(department.id) })),
	};
}

/** Every tag of the corp, by name or ID (tag/list has no paging: one page). */
export async function searchTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const tags = await listTags(this);
	return {
		results: tags
			.filter((tag) => matches(filter, tag.tagname, String(tag.tagid)))
			.map((tag) => ({ name: `${tag.tagname} (${tag.tagid})`, value: String(tag.tagid) })),
	};
}
