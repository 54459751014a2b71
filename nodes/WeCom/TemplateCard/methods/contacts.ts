import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { isUserid } from '../../shared/contactLookup';
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

/** An ID as WeCom gives it, or undefined: department and tag IDs are whole numbers. */
const wholeNumberId = (id: unknown) => (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : undefined);

/** "Name (id)", or the id alone when WeCom gives no name. */
const entry = (name: unknown, id: string | number): INodeListSearchItems => ({
	name: typeof name === 'string' && name !== '' ? `${name} (${id})` : String(id),
	value: String(id),
});
const nameOf = (name: unknown) => (typeof name === 'string' ? name : '');

/**
 * The page token comes back from the editor, so anyone who can call the editor's API may forge
 * it: only the decimal positions this method hands out are read; anything else ends the list.
 */
function pageStart(token: string | undefined): number | undefined {
	if (token === undefined || token === '') return 0;
	return /^\d{1,6}$/.test(token) ? Number(token) : undefined;
}

async function visibleDepartmentIds(ctx: ILoadOptionsFunctions): Promise<number[]> {
	return (await listDepartments(ctx)).flatMap((department) => wholeNumberId(department.id) ?? []);
}

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
	const start = pageStart(paginationToken);
	if (start === undefined) return { results: [], paginationToken: undefined };
	const departments = await visibleDepartmentIds(this);
	const seen = new Set<string>();
	const results: INodeListSearchItems[] = [];
	const budget = () => (results.length ? DEPARTMENTS_PER_PAGE : DEPARTMENTS_PER_EMPTY_PAGE);
	let next = start;
	while (next < departments.length && next < start + budget() && results.length < MEMBERS_PER_PAGE) {
		for (const member of await listDepartmentMembers(this, departments[next])) {
			// A userid WeCom does not allow (@all, a|b) would reach more members than the one picked.
			const userid = isUserid(member.userid) ? member.userid : undefined;
			if (!userid || seen.has(userid) || !matches(filter, nameOf(member.name), userid)) continue;
			seen.add(userid);
			results.push(entry(member.name, userid));
		}
		next++;
	}
	return { results, paginationToken: next < departments.length ? String(next) : undefined };
}

/** Departments of the visible range, by name or ID (department/list has no paging: one page). */
export async function searchDepartments(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const departments = await listDepartments(this);
	return {
		results: departments.flatMap((department) => {
			const id = wholeNumberId(department.id);
			return id !== undefined && matches(filter, nameOf(department.name), String(id))
				? [entry(department.name, id)]
				: [];
		}),
	};
}

/** Every tag of the corp, by name or ID (tag/list has no paging: one page). */
export async function searchTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const tags = await listTags(this);
	return {
		results: tags.flatMap((tag) => {
			const id = wholeNumberId(tag.tagid);
			return id !== undefined && matches(filter, nameOf(tag.tagname), String(id)) ? [entry(tag.tagname, id)] : [];
		}),
	};
}
