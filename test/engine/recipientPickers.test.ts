/**
 * The editor's pickers for members, departments and tags (listSearch), called through n8n's
 * LoadOptionsContext against the sandbox, and the picked values sent as recipients. Lists show
 * names and IDs of the app's visible range only: every contact read is limited to it, and apps created
 * after 2022-06-20 get no mobiles or e-mails (https://developer.work.weixin.qq.com/document/path/90196).
 * department/list (https://developer.work.weixin.qq.com/document/path/90208) and tag/list
 * (https://developer.work.weixin.qq.com/document/path/90216) have no paging; members are read per
 * department (user/simplelist, https://developer.work.weixin.qq.com/document/path/90200).
 */
import { CREDENTIAL_ID, startEngineFixture, textNoticeParameters } from './fixtures';
import type { EngineFixture } from './fixtures';
import { listSearch } from './listSearchHost';
import { startStubOrigin, type StubOrigin } from './stubOrigin';

describe('recipient pickers', () => {
	let fixture: EngineFixture;

	beforeEach(async () => {
		fixture = await startEngineFixture();
	});
	afterEach(async () => {
		await fixture.close();
	});

	const calls = (path: string) => fixture.sandbox.stats().calls[path] ?? 0;

	describe('users', () => {
		it('lists members with name and userid, department by department, with a page token', async () => {
			const first = await listSearch(fixture, 'searchUsers');

			expect(first.results.slice(0, 3)).toEqual([
				{ name: 'Alice Zhang (alice)', value: 'alice' },
				{ name: 'Bob Li (bob)', value: 'bob' },
				{ name: 'Carol Wang (carol)', value: 'carol' },
			]);
			expect(first.results.some((item) => item.value === 'dave')).toBe(false);
			expect(first.paginationToken).toBeDefined();

			const second = await listSearch(fixture, 'searchUsers', undefined, first.paginationToken as string);
			expect(second.results.length).toBeGreaterThan(0);
			expect(second.results.map((item) => item.value)).not.toContain('alice');
		});

		it('walks every department to the last page', async () => {
			const seen = new Set<string>();
			let token: string | undefined;
			let pages = 0;
			do {
				const page = await listSearch(fixture, 'searchUsers', undefined, token);
				for (const item of page.results) seen.add(String(item.value));
				token = page.paginationToken as string | undefined;
				pages++;
			} while (token && pages < 100);

			expect(token).toBeUndefined();
			// alice, bob, carol and user0001..user3000; dave is outside the visible range.
			expect(seen.size).toBe(3003);
		});

		it('filters by name or userid', async () => {
			const byName = await listSearch(fixture, 'searchUsers', 'carol w');
			expect(byName.results).toEqual([{ name: 'Carol Wang (carol)', value: 'carol' }]);
		});

		it('reads up to 50 departments for a page while a search finds nobody', async () => {
			// user0147 is in team 150, the 150th department of the list.
			const first = await listSearch(fixture, 'searchUsers', 'user0147');
			expect(first.results).toEqual([]);
			expect(first.paginationToken).toBe('50');
			const later = await listSearch(fixture, 'searchUsers', 'user0147', '100');
			expect(later.results).toEqual([{ name: 'Member 0147 (user0147)', value: 'user0147' }]);
		});

		it('reads no mobile or e-mail', async () => {
			await listSearch(fixture, 'searchUsers');
			expect(calls('/cgi-bin/user/get')).toBe(0);
			expect(calls('/cgi-bin/user/list_id')).toBe(0);
		});
	});

	it('lists departments of the visible range with their IDs, filtered by name or ID', async () => {
		const all = await listSearch(fixture, 'searchDepartments');
		expect(all.results).toHaveLength(150);
		expect(all.results.slice(0, 3)).toEqual([
			{ name: 'Sandbox Corp (1)', value: '1' },
			{ name: 'R&D (2)', value: '2' },
			{ name: 'Sales (3)', value: '3' },
		]);
		expect(all.results.map((item) => item.value)).not.toContain('151');
		expect((await listSearch(fixture, 'searchDepartments', 'sales')).results).toEqual([
			{ name: 'Sales (3)', value: '3' },
		]);
		expect(all.paginationToken).toBeUndefined();
	});

	it('lists tags with their IDs, filtered', async () => {
		const found = await listSearch(fixture, 'searchTags', 'on-call');
		expect(found.results).toEqual([{ name: 'On-call (2)', value: '2' }]);
		expect((await listSearch(fixture, 'searchTags')).results).toHaveLength(150);
	});

	it('reports a WeCom error as the node does', async () => {
		fixture.sandbox.faults.add({ path: '/cgi-bin/tag/list', kind: 'errcode', errcode: 48002, times: 1 });
		await expect(listSearch(fixture, 'searchTags')).rejects.toThrow('WeCom error 48002');
	});

	it('sends to picked members, departments and tags, from the list, by ID and by expression', async () => {
		const run = await fixture.runCardNode(
			{
				...textNoticeParameters('carol'),
				toParty: '3',
				picked: {
					users: [
						{ user: { __rl: true, mode: 'list', value: 'alice' } },
						{ user: { __rl: true, mode: 'id', value: '={{ $json.who }}' } },
						{ user: { __rl: true, mode: 'id', value: 'ALICE' } },
					],
					departments: [{ department: { __rl: true, mode: 'list', value: '2' } }],
					tags: [{ tag: { __rl: true, mode: 'id', value: '1' } }],
				},
			},
			[{ json: { who: 'mobile:13800000002' } }],
		);

		expect(run.error).toBeUndefined();
		const [sent] = fixture.sandbox.messages().filter((message) => message.action === 'send');
		expect([sent.touser, sent.toparty, sent.totag]).toEqual([['carol', 'alice', 'bob'], ['3', '2'], ['1']]);
	});
});

/** The page token and WeCom's lists as a forged editor request or a changed answer could make them. */
describe('recipient pickers with forged input', () => {
	let fixture: EngineFixture;
	let stub: StubOrigin;
	beforeEach(async () => {
		fixture = await startEngineFixture();
		stub = await startStubOrigin(fixture.sandbox.url);
		fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ baseUrl: stub.url }));
	});
	afterEach(async () => {
		await stub.close();
		await fixture.close();
	});
	const simplelistQueries = () =>
		stub
			.urls()
			.filter((url) => url.startsWith('/cgi-bin/user/simplelist?'))
			.map((url) => new URLSearchParams(url.split('?')[1]).get('department_id'));

	it.each(['-5', '2.5', 'abc', '1e1', ' 1', '0x10', '99999999999999999999', '1; drop'])(
		'answers an empty last page for the page token %p, asking WeCom nothing with it',
		async (token) => {
			const page = await listSearch(fixture, 'searchUsers', undefined, token);

			expect(page).toEqual({ results: [], paginationToken: undefined });
			expect(simplelistQueries()).toEqual([]);
		},
	);

	it('names a member, department or tag without a name by its ID', async () => {
		const withoutNames = (list: string, name: string) => (answer: Record<string, unknown>) => ({
			...answer,
			[list]: (answer[list] as Array<Record<string, unknown>>).map(({ [name]: _name, ...rest }) => rest),
		});
		stub.rewrite('/cgi-bin/user/simplelist', withoutNames('userlist', 'name'));
		stub.rewrite('/cgi-bin/department/list', withoutNames('department', 'name'));
		stub.rewrite('/cgi-bin/tag/list', withoutNames('taglist', 'tagname'));

		expect((await listSearch(fixture, 'searchUsers', 'alice')).results).toEqual([{ name: 'alice', value: 'alice' }]);
		expect((await listSearch(fixture, 'searchDepartments', '2')).results).toContainEqual({ name: '2', value: '2' });
		expect((await listSearch(fixture, 'searchTags', '2')).results).toContainEqual({ name: '2', value: '2' });
	});

	it.each([
		['searchDepartments', '/cgi-bin/department/list', 'department'],
		['searchTags', '/cgi-bin/tag/list', 'taglist'],
		['searchUsers', '/cgi-bin/user/simplelist', 'userlist'],
	])('%s: an answer whose list is not a list is a clear error, not a TypeError', async (method, path, list) => {
		stub.rewrite(path, (answer) => ({ ...answer, [list]: { 0: { id: 1 } } }));

		await expect(listSearch(fixture, method)).rejects.toThrow(`WeCom's answer has no ${list} list`);
	});

	it('skips list entries that are not objects', async () => {
		stub.rewrite('/cgi-bin/tag/list', (answer) => ({
			...answer,
			taglist: [null, 7, 'x', ...(answer.taglist as unknown[])],
		}));

		expect((await listSearch(fixture, 'searchTags', 'Managers')).results).toEqual([
			{ name: 'Managers (1)', value: '1' },
		]);
	});

	it('lists no member whose userid WeCom does not allow (@all, a|b)', async () => {
		stub.rewrite('/cgi-bin/user/simplelist', (answer) => ({
			...answer,
			userlist: [
				{ userid: '@all', name: 'Everyone' },
				{ userid: 'alice|bob', name: 'Two' },
				...(answer.userlist as unknown[]),
			],
		}));

		const values = (await listSearch(fixture, 'searchUsers')).results.map((item) => item.value);
		expect(values).not.toContain('@all');
		expect(values).not.toContain('alice|bob');
		expect(values).toContain('alice');
	});

	it('skips departments and tags whose ID is not a whole number, and never puts one in a query', async () => {
		stub.rewrite('/cgi-bin/department/list', (answer) => ({
			...answer,
			department: [{ id: '1&userid=x', name: 'Forged' }, { name: 'No ID' }, ...(answer.department as unknown[])],
		}));
		stub.rewrite('/cgi-bin/tag/list', (answer) => ({
			...answer,
			taglist: [{ tagid: null, tagname: 'Forged' }, ...(answer.taglist as unknown[])],
		}));

		const users = await listSearch(fixture, 'searchUsers');
		const departments = await listSearch(fixture, 'searchDepartments', 'o');
		const tags = await listSearch(fixture, 'searchTags', 'forged');

		expect(users.results.slice(0, 1)).toEqual([{ name: 'Alice Zhang (alice)', value: 'alice' }]);
		expect(simplelistQueries().every((id) => /^\d+$/.test(String(id)))).toBe(true);
		expect(departments.results.map((item) => item.name)).not.toContain('Forged (1&userid=x)');
		expect(departments.results.some((item) => String(item.name).startsWith('No ID'))).toBe(false);
		expect(tags.results).toEqual([]);
	});
});
