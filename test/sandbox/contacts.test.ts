/**
 * The sandbox's contact reads, against WeCom's docs: user lookup by mobile
 * (https://developer.work.weixin.qq.com/document/path/95402) and e-mail
 * (https://developer.work.weixin.qq.com/document/path/95895), user/get and the 2022 privacy change
 * (https://developer.work.weixin.qq.com/document/path/90196), user/list_id only with the contacts-sync
 * secret (https://developer.work.weixin.qq.com/document/path/96067), departments and tags
 * (https://developer.work.weixin.qq.com/document/path/90208, .../95350, .../90216, .../90213).
 */
import { callSandbox, DEMO_CORP, demoDirectory, startSandbox } from '../../sandbox';
import type { Sandbox, SandboxCorp } from '../../sandbox';

const NEW_APP = { agentId: 1000002, secret: 'new-app-secret-000000000000000000000000000' };
const OLD_APP = {
	agentId: 1000003,
	secret: 'old-app-secret-000000000000000000000000000',
	contactRules: 'before2022' as const,
};
const SYNC = { agentId: 0, secret: 'contacts-sync-secret-000000000000000000000', contactRules: 'contactSync' as const };

const corp: SandboxCorp = {
	...DEMO_CORP,
	corpId: 'wwcontacts',
	apps: [NEW_APP, OLD_APP, SYNC],
	directory: demoDirectory(30),
};

/** Fields WeCom stopped giving apps created after 2022-06-20 (D90196). */
const REMOVED_SINCE_2022 = ['avatar', 'thumb_avatar', 'gender', 'mobile', 'email', 'biz_mail', 'qr_code', 'address'];

describe('sandbox: contacts', () => {
	let sandbox: Sandbox;
	const tokens: Record<string, string> = {};

	beforeAll(async () => {
		sandbox = await startSandbox({ corps: [corp] });
		for (const [name, app] of Object.entries({ NEW_APP, OLD_APP, SYNC })) {
			const { json } = await callSandbox(sandbox.url, '/cgi-bin/gettoken', {
				query: { corpid: corp.corpId, corpsecret: app.secret },
			});
			tokens[name] = json.access_token as string;
		}
	});
	afterAll(() => sandbox.close());

	const call = (path: string, options: { body?: unknown; query?: Record<string, string>; as?: string } = {}) =>
		callSandbox(sandbox.url, path, {
			body: options.body,
			query: { access_token: tokens[options.as ?? 'NEW_APP'], ...options.query },
		}).then((result) => result.json);

	describe('user/getuserid', () => {
		it('answers the userid of a visible member', async () => {
			expect(await call('/cgi-bin/user/getuserid', { body: { mobile: '13800000001' } })).toMatchObject({
				errcode: 0,
				userid: 'alice',
			});
		});

		it.each([
			['an unknown mobile', '13999999999', 46004],
			['a member outside the visible range', '13800000004', 46004],
			['letters', '1380000abcd', 60103],
			['spaces', '138 0000 0001', 60103],
			['more than 32 characters', '1'.repeat(33), 60103],
		])('answers %s (%s) with %i', async (_case, mobile, errcode) => {
			expect((await call('/cgi-bin/user/getuserid', { body: { mobile } })).errcode).toBe(errcode);
		});

		it('is POST only (40058 for GET)', async () => {
			expect((await call('/cgi-bin/user/getuserid', { query: { mobile: '13800000001' } })).errcode).toBe(40058);
		});
	});

	describe('user/get_userid_by_email', () => {
		it.each([
			['the corporate e-mail by default', { email: 'alice@sandbox-corp.example' }, 'alice'],
			['the corporate e-mail with email_type 1', { email: 'bob@sandbox-corp.example', email_type: 1 }, 'bob'],
			['the personal e-mail with email_type 2', { email: 'alice@example.com', email_type: 2 }, 'alice'],
		])('finds %s', async (_case, body, userid) => {
			expect(await call('/cgi-bin/user/get_userid_by_email', { body })).toMatchObject({ errcode: 0, userid });
		});

		it.each([
			['a personal e-mail asked as corporate', { email: 'alice@example.com' }, 46004],
			['a corporate e-mail asked as personal', { email: 'alice@sandbox-corp.example', email_type: 2 }, 46004],
			['a member outside the visible range', { email: 'dave@sandbox-corp.example' }, 46004],
			['no address', { email: 'not-an-address' }, 60105],
		])('answers %s (%j) with %i', async (_case, body, errcode) => {
			expect((await call('/cgi-bin/user/get_userid_by_email', { body })).errcode).toBe(errcode);
		});
	});

	describe('user/get and the 2022 privacy change', () => {
		it('gives an app created after 2022-06-20 the name but no mobile, e-mail, avatar, gender or address', async () => {
			const user = await call('/cgi-bin/user/get', { query: { userid: 'alice' } });
			expect(user).toMatchObject({ errcode: 0, userid: 'alice', name: 'Alice Zhang', department: [2] });
			for (const field of REMOVED_SINCE_2022) expect(user).not.toHaveProperty(field);
		});

		it('still gives an older app those fields', async () => {
			const user = await call('/cgi-bin/user/get', { query: { userid: 'alice' }, as: 'OLD_APP' });
			expect(user).toMatchObject({ mobile: '13800000001', email: 'alice@example.com', gender: '2' });
		});

		it.each([
			['an unknown userid', 'nobody', 60111],
			['a member outside the visible range', 'dave', 60011],
			['a malformed userid', 'a b', 40003],
		])('answers %s (%s) with %i', async (_case, userid, errcode) => {
			expect((await call('/cgi-bin/user/get', { query: { userid } })).errcode).toBe(errcode);
		});
	});

	describe('member lists', () => {
		it("lists a department's own visible members with their names", async () => {
			const { userlist } = await call('/cgi-bin/user/simplelist', { query: { department_id: '2' } });
			expect(userlist).toEqual([
				{ userid: 'alice', name: 'Alice Zhang', department: [2] },
				{ userid: 'bob', name: 'Bob Li', department: [2, 3] },
			]);
		});

		it.each([
			['a department outside the visible range', '151', 60011],
			['an unknown department', '999', 60003],
			['no department id', '', 60123],
		])('answers %s (%s) with %i', async (_case, department_id, errcode) => {
			expect((await call('/cgi-bin/user/simplelist', { query: { department_id } })).errcode).toBe(errcode);
		});

		it("refuses user/list_id to an app's token (48002) and pages it for the contacts-sync secret", async () => {
			expect((await call('/cgi-bin/user/list_id', { body: {} })).errcode).toBe(48002);
			const first = await call('/cgi-bin/user/list_id', { body: { limit: 20 }, as: 'SYNC' });
			expect(first.dept_user).toHaveLength(20);
			const second = await call('/cgi-bin/user/list_id', {
				body: { cursor: first.next_cursor, limit: 20 },
				as: 'SYNC',
			});
			// 34 members, bob in two departments: 35 rows.
			expect(second.dept_user).toHaveLength(15);
			expect(second.next_cursor).toBe('');
		});
	});

	describe('departments and tags', () => {
		it('lists the visible departments with names, and a sub-tree by id', async () => {
			const department = (await call('/cgi-bin/department/list')).department as unknown[];
			expect(department).toHaveLength(150);
			expect(department[0]).toEqual({ id: 1, name: 'Sandbox Corp', parentid: 0, order: 100000, department_leader: [] });
			const sales = (await call('/cgi-bin/department/simplelist', { query: { id: '3' } })).department_id as {
				id: number;
				parentid: number;
			}[];
			expect(sales[0]).toEqual({ id: 3, parentid: 1, order: 99998 });
			expect(sales.every((d: { id: number; parentid: number }) => d.id === 3 || d.parentid === 3)).toBe(true);
		});

		it('lists every tag, and a tag with its visible members only', async () => {
			const taglist = (await call('/cgi-bin/tag/list')).taglist as unknown[];
			expect(taglist.slice(0, 2)).toEqual([
				{ tagid: 1, tagname: 'Managers' },
				{ tagid: 2, tagname: 'On-call' },
			]);
			expect(await call('/cgi-bin/tag/get', { query: { tagid: '1' } })).toMatchObject({
				tagname: 'Managers',
				userlist: [{ userid: 'alice', name: 'Alice Zhang' }],
				partylist: [],
			});
		});

		it.each([
			['no tagid', {}, 41017],
			['an unknown tag', { tagid: '9999' }, 40068],
		])('answers tag/get with %s (%j): %i', async (_case, query, errcode) => {
			expect((await call('/cgi-bin/tag/get', { query })).errcode).toBe(errcode);
		});
	});
});
