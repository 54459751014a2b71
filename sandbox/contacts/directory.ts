import type { SandboxCorp } from '../types';

/**
 * The corp's address book (通讯录) as WeCom's contact APIs read it. The corp's `users`,
 * `departments` and `tags` stay the app's visible range (可见范围): every contact read is limited
 * to it (https://developer.work.weixin.qq.com/document/path/90196), so a member can be in the
 * directory and still unknown to the app.
 */
export interface DirectoryUser {
	userid: string;
	name: string;
	department: number[];
	position?: string;
	/** As WeCom lists it (https://developer.work.weixin.qq.com/document/path/90196): digits, + and -. */
	mobile?: string;
	/** Personal e-mail (email_type 2 of get_userid_by_email). */
	email?: string;
	/** Corporate e-mail, 企业邮箱 (email_type 1, the default). */
	biz_mail?: string;
	gender?: string;
	avatar?: string;
	address?: string;
	status?: number;
}

export interface DirectoryDepartment {
	id: number;
	name: string;
	parentid: number;
	order: number;
}

export interface DirectoryTag {
	tagid: number;
	tagname: string;
	userids: string[];
	partyids: number[];
}

export interface ContactDirectory {
	users: DirectoryUser[];
	departments: DirectoryDepartment[];
	tags: DirectoryTag[];
}

const CORP_MAIL = 'sandbox-corp.example';

function numbered(n: number): DirectoryUser {
	const id = `user${String(n).padStart(4, '0')}`;
	return {
		userid: id,
		name: `Member ${String(n).padStart(4, '0')}`,
		department: [4 + ((n - 1) % 147)],
		mobile: `1390000${String(n).padStart(4, '0')}`,
		biz_mail: `${id}@${CORP_MAIL}`,
		status: 1,
	};
}

/**
 * The demo corp's directory: alice, bob and carol with mobiles and both kinds of e-mail, dave who
 * is in the directory but outside the app's visible range, user0001..user3000 spread over teams
 * 4..150, and department 151 outside the visible range.
 */
export function demoDirectory(numberedUsers: number): ContactDirectory {
	const people: DirectoryUser[] = [
		{
			userid: 'alice',
			name: 'Alice Zhang',
			department: [2],
			position: 'Engineering manager',
			mobile: '13800000001',
			email: 'alice@example.com',
			biz_mail: `alice@${CORP_MAIL}`,
			gender: '2',
			avatar: 'https://sandbox.invalid/avatar/alice.png',
			address: 'Shenzhen',
			status: 1,
		},
		{
			userid: 'bob',
			name: 'Bob Li',
			department: [2, 3],
			mobile: '13800000002',
			email: 'bob@example.com',
			biz_mail: `bob@${CORP_MAIL}`,
			gender: '1',
			status: 1,
		},
		{
			userid: 'carol',
			name: 'Carol Wang',
			department: [3],
			mobile: '+852-61234567',
			biz_mail: `carol@${CORP_MAIL}`,
			status: 1,
		},
		{
			userid: 'dave',
			name: 'Dave Chen',
			department: [151],
			mobile: '13800000004',
			biz_mail: `dave@${CORP_MAIL}`,
			status: 1,
		},
	];
	const teams = Array.from({ length: 147 }, (_, i) => ({
		id: 4 + i,
		name: `Team ${4 + i}`,
		parentid: i % 2 === 0 ? 2 : 3,
		order: 1000 - i,
	}));
	return {
		users: [...people, ...Array.from({ length: numberedUsers }, (_, i) => numbered(i + 1))],
		departments: [
			{ id: 1, name: 'Sandbox Corp', parentid: 0, order: 100000 },
			{ id: 2, name: 'R&D', parentid: 1, order: 99999 },
			{ id: 3, name: 'Sales', parentid: 1, order: 99998 },
			...teams,
			{ id: 151, name: 'Board', parentid: 1, order: 1 },
		],
		tags: [
			{ tagid: 1, tagname: 'Managers', userids: ['alice', 'dave'], partyids: [] },
			{ tagid: 2, tagname: 'On-call', userids: ['bob', 'carol'], partyids: [3] },
			...Array.from({ length: 148 }, (_, i) => ({ tagid: 3 + i, tagname: `Tag ${3 + i}`, userids: [], partyids: [] })),
		],
	};
}

const derived = new WeakMap<SandboxCorp, ContactDirectory>();

/** The corp's directory; a corp configured without one gets its visible members, all in department 1. */
export function directoryOf(corp: SandboxCorp): ContactDirectory {
	if (corp.directory) return corp.directory;
	let directory = derived.get(corp);
	if (!directory) {
		directory = {
			users: corp.users.map((userid) => ({ userid, name: userid, department: [1], status: 1 })),
			departments: corp.departments.map((id) => ({
				id,
				name: `Department ${id}`,
				parentid: id === 1 ? 0 : 1,
				order: 0,
			})),
			tags: corp.tags.map((tagid) => ({ tagid, tagname: `Tag ${tagid}`, userids: [], partyids: [] })),
		};
		derived.set(corp, directory);
	}
	return directory;
}
