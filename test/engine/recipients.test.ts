/**
 * Who a card reaches, through the engine against the sandbox: `@all` only through Send to All
 * Members, every recipient element split the way WeCom splits touser (on `|`), the per-call caps
 * (1,000 users, 100 departments, 100 tags: https://developer.work.weixin.qq.com/document/path/90236)
 * applied to the ids WeCom will see, and the text-notice example safe against a hostile body.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { cardNodeOf, EXAMPLE_CREDENTIAL, loadExample } from '../e2e/exampleExpectations';
import { textNoticeParameters, useFreshEngineFixture } from './fixtures';

const DOCUMENTED_USERS_PER_CALL = 1000;
const DOCUMENTED_PARTIES_PER_CALL = 100;

const userIds = (count: number) => Array.from({ length: count }, (_, n) => `user${String(n + 1).padStart(4, '0')}`);

describe('recipients', () => {
	const fixture = useFreshEngineFixture();
	const { sends } = fixture;
	const sendCalls = () => fixture.calls('/cgi-bin/message/send');

	describe('@all in Users', () => {
		it.each([
			['joined to a member', 'alice|@all', {}],
			['in an array', '={{ ["alice", "@all"] }}', {}],
			['from the item', '={{ $json.to }}', { to: 'alice|@all' }],
			['upper-case, from the item', '={{ $json.to }}', { to: ['bob', '@ALL'] }],
			['padded with spaces', '={{ $json.to }}', { to: 'alice| @all ' }],
			['in full-width letters', '={{ $json.to }}', { to: 'alice|＠ａｌｌ' }],
			['with a zero-width space', '={{ $json.to }}', { to: 'alice|@\u200ball' }],
			['nested in an array element', '={{ $json.to }}', { to: [['carol|@All']] }],
		])('is refused %s, naming the field, before any request', async (_case, toUser, json) => {
			const run = await fixture.runCardNode(textNoticeParameters(toUser), [{ json }]);

			expect(run.error?.message).toMatch(/^Users contains ".*", which would send to every member of the app$/);
			expect((run.error as { description?: string }).description).toContain('Send to All Members');
			expect(sendCalls()).toBe(0);
		});

		it('is refused in Send and Wait too', async () => {
			const run = await fixture.runCardNode({
				resource: 'message',
				operation: 'sendAndWait',
				toUser: '={{ ["alice", "@all"] }}',
				title: 'Deploy?',
			});

			expect(run.error?.message).toMatch(/^Users contains "@all"/);
			expect(sendCalls()).toBe(0);
		});

		it('is sent when Send to All Members is on', async () => {
			const run = await fixture.runCardNode({ ...textNoticeParameters('alice|@all'), toAll: true });

			expect(run.error).toBeUndefined();
			expect(sends().map((message) => message.touser)).toEqual([['@all']]);
		});
	});

	describe('values that are not IDs', () => {
		it.each([
			['an object in Users', { toUser: '={{ $json.to }}' }, { to: [{ userid: 'alice' }] }, /^Users contains an object/],
			[
				'an object in Departments',
				{ toUser: 'alice', toParty: '={{ $json.to }}' },
				{ to: { id: 2 } },
				/^Departments contains an object/,
			],
			[
				'an object picked by expression',
				{ toUser: '', picked: { users: [{ user: { mode: 'id', value: '={{ $json.to }}' } }] } },
				{ to: { userid: 'bob' } },
				/^Users contains an object/,
			],
		])('refuses %s instead of sending "[object Object]"', async (_case, extra, json, message) => {
			const run = await fixture.runCardNode({ ...textNoticeParameters('alice'), ...extra }, [{ json }]);

			expect(run.error?.message).toMatch(message);
			expect(sendCalls()).toBe(0);
		});
	});

	describe('splitting and caps', () => {
		it('splits |-joined array elements, so 600 elements of "a|b" go out as 1,200 users in two calls', async () => {
			const users = userIds(1200);
			const pairs = Array.from({ length: 600 }, (_, n) => `${users[2 * n]}|${users[2 * n + 1]}`);
			const run = await fixture.runCardNode(textNoticeParameters('={{ $json.users }}'), [{ json: { users: pairs } }]);

			expect(run.error).toBeUndefined();
			expect(sends().map((message) => message.touser.length)).toEqual([DOCUMENTED_USERS_PER_CALL, 200]);
			expect(sends().flatMap((message) => message.touser)).toEqual(users);
			expect(fixture.sandbox.stats().errcodes['40032']).toBeUndefined();
		});

		it('de-duplicates after splitting; userids compare case-insensitively, as at WeCom', async () => {
			const run = await fixture.runCardNode(textNoticeParameters('={{ $json.users }}'), [
				{ json: { users: ['alice|bob', 'bob', ' ALICE ', ['carol|Bob']] } },
			]);

			expect(run.error).toBeUndefined();
			expect(sends()[0].touser).toEqual(['alice', 'bob', 'carol']);
		});

		it('counts departments and tags by their numeric ids, split and de-duplicated', async () => {
			const parties = Array.from({ length: 75 }, (_, n) => `${2 * n + 1}|${2 * n + 2}`);
			const run = await fixture.runCardNode(
				{ ...textNoticeParameters(''), toParty: '={{ $json.parties }}', toTag: '={{ ["7|8", 8, "07"] }}' },
				[{ json: { parties: [...parties, '1', '002'] } }],
			);

			expect(run.error).toBeUndefined();
			expect(sends().map((message) => message.toparty.length)).toEqual([DOCUMENTED_PARTIES_PER_CALL, 50]);
			expect(sends()[0].totag).toEqual(['7', '8']);
		});

		it.each([
			['toParty', 'Departments', '1|sales'],
			['toTag', 'Tags', '={{ [3, "-1"] }}'],
		])('refuses a %s entry that is not a numeric id, naming the field', async (field, label, value) => {
			const run = await fixture.runCardNode({ ...textNoticeParameters('alice'), [field]: value });

			expect(run.error?.message).toMatch(new RegExp(`^${label} contains ".+", which is not an ID$`));
			expect(sendCalls()).toBe(0);
		});

		it("keeps Send and Wait's one-message check on the split ids", async () => {
			const pairs = Array.from({ length: 600 }, (_, n) => `u${2 * n}|u${2 * n + 1}`);
			const run = await fixture.runCardNode(
				{ resource: 'message', operation: 'sendAndWait', toUser: '={{ $json.users }}', title: 'Deploy?' },
				[{ json: { users: pairs } }],
			);

			expect(run.error?.message).toContain('Send and Wait sends one message');
			expect(sendCalls()).toBe(0);
		});
	});

	describe('the text-notice example behind an unauthenticated webhook', () => {
		const cardNode = cardNodeOf(loadExample('text-notice.workflow.json'));

		async function runExample(body: IDataObject) {
			fixture.harness.credentials.add({ ...EXAMPLE_CREDENTIAL, type: 'weComApi', data: fixture.credentialData() });
			return await fixture.harness.runNode({
				type: cardNode.type,
				name: cardNode.name,
				typeVersion: cardNode.typeVersion,
				parameters: cardNode.parameters as INodeParameters,
				credentials: cardNode.credentials,
				items: [{ json: { headers: {}, params: {}, query: {}, body } }],
			});
		}

		it.each([
			['"@all"', { to: '@all' }],
			['a member joined to @all', { to: 'bob|@all' }],
			['an array', { to: ['bob', '@all'] }],
			['a list of everyone', { to: 'bob|carol|user0001' }],
			['someone outside the on-call list', { to: 'user0001' }],
		])('sends only to the default member when `to` is %s', async (_case, body) => {
			const run = await runExample(body);

			expect(run.error).toBeUndefined();
			expect(sends().map((message) => message.touser)).toEqual([['alice']]);
		});

		it('still lets the request pick a listed on-call member', async () => {
			const run = await runExample({ to: 'carol' });

			expect(run.error).toBeUndefined();
			expect(sends().map((message) => message.touser)).toEqual([['carol']]);
		});
	});
});
