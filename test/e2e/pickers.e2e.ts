/**
 * The node's pickers clicked in the real n8n editor (WECOM_N8N_VERSION, headless Chromium, signed in
 * as the stack's owner), with the WeCom API credential pointing at the sandbox: Pick From Directory's
 * Department, Tag and User lists show the sandbox's seeded directory (its visible range only),
 * their search narrows the list, a picked entry is what the saved workflow stores; Submit
 * Approval's template list shows the templates of the sandbox's applications and picking one
 * loads its controls into Form Fields by title; a credential with a wrong secret makes the list
 * show WeCom's error, without the secret. Expected names and IDs come from the sandbox's seed
 * (sandbox/contacts/directory.ts, sandbox/approvals/templates.ts), not from the node's code.
 *
 * Each test opens its own workflow: n8n 2.x write-locks a workflow for the tab that edited it, for
 * 2 minutes after that tab is gone, and opens it read-only in any other tab, where a picker loads
 * no list. openWorkflow (./editor) throws when that happens; the last test proves it does.
 */
import { randomUUID } from 'node:crypto';

import type { Browser, Locator, Page } from 'playwright-core';

import {
	ALL_CONTROLS_TEMPLATE_ID,
	DEMO_AGENT_ID,
	DEMO_CORP,
	DEMO_CORP_ID,
	EXPENSE_TEMPLATE_ID,
	LEAVE_TEMPLATE_ID,
	SANDBOX_TEMPLATES,
	TRIP_TEMPLATE_ID,
} from '../../sandbox';
import type { DirectoryUser } from '../../sandbox';
import { launchChromium } from '../../scripts/n8n/browser';
import { EXAMPLE_CREDENTIAL } from '../../scripts/n8n/examples';
import { startStack } from '../../scripts/n8n/stack';
import type { Stack } from '../../scripts/n8n/stack';
import { NEW_WORKFLOW_FIELDS, hasEditorWriteLock, selectedVersion } from '../../scripts/n8n/versions';
import {
	EDITOR_TIMEOUT_MS,
	WorkflowLockedError,
	closeNodePanel,
	newEditorPage,
	openNodePanel,
	openWorkflow,
	saveWorkflow,
	signIn,
} from './editor';
import { CARD_NODE_TYPE } from './exampleExpectations';

const N8N_UNDER_TEST = selectedVersion();
const RECIPIENTS_NODE = 'Pick recipients';
const APPROVAL_NODE = 'Submit an expense';
const WRONG_SECRET_NODE = 'Pick with a wrong secret';
/** As long as a real secret (43 characters), and not the sandbox app's. */
const WRONG_SECRET = 'PickersE2eWrongSecret-not-the-sandbox-one01';

// The sandbox's seed: the app's visible range (DEMO_CORP.users/departments/tags) within its directory.
const directory = DEMO_CORP.directory!;
const visibleUsers = directory.users.filter((user) => DEMO_CORP.users.includes(user.userid));
const hiddenUsers = directory.users.filter((user) => !DEMO_CORP.users.includes(user.userid));
const visibleDepartments = directory.departments.filter((department) => DEMO_CORP.departments.includes(department.id));
const hiddenDepartments = directory.departments.filter((department) => !DEMO_CORP.departments.includes(department.id));
const visibleTags = directory.tags.filter((tag) => DEMO_CORP.tags.includes(tag.tagid));
const userOf = (userid: string) => directory.users.find((user) => user.userid === userid)!;
const templateName = (id: string) => SANDBOX_TEMPLATES.get(id)!.template_names[0].text;
/** Templates the sandbox has applications for (seeded below) and ones it has none for. */
const APPLIED_TEMPLATES = [EXPENSE_TEMPLATE_ID, ALL_CONTROLS_TEMPLATE_ID];
const UNUSED_TEMPLATES = [LEAVE_TEMPLATE_ID, TRIP_TEMPLATE_ID];

/** Does a list entry show this name and this ID (in whatever layout the node chose)? */
const shows = (text: string, name: string, id: string | number) => text.includes(name) && text.includes(String(id));
const containing = (part: string, ...texts: string[]) =>
	texts.some((text) => text.toLowerCase().includes(part.toLowerCase()));

let stack: Stack | undefined;
let browser: Browser | undefined;
let wrongCredential: { id: string; name: string } | undefined;
/** What the editor showed, printed after the run (for the report and for reading a failure). */
const shown: string[] = [];

const emptyPick = () => ({ __rl: true, mode: 'list', value: '' });

function cardNode(name: string, rest: Record<string, unknown>) {
	return { id: randomUUID(), name, type: CARD_NODE_TYPE, typeVersion: 1, position: [0, 0], ...rest };
}

const recipientsNode = () =>
	cardNode(RECIPIENTS_NODE, {
		credentials: { weComApi: EXAMPLE_CREDENTIAL },
		parameters: {
			resource: 'message',
			operation: 'sendTemplateCard',
			toAll: false,
			picked: {
				departments: [{ department: emptyPick() }],
				tags: [{ tag: emptyPick() }],
				users: [{ user: emptyPick() }],
			},
		},
	});

const approvalNode = () =>
	cardNode(APPROVAL_NODE, {
		credentials: { weComApi: EXAMPLE_CREDENTIAL },
		parameters: { resource: 'approval', operation: 'submit', creatorUserid: 'alice', templateId: emptyPick() },
	});

const wrongSecretNode = () =>
	cardNode(WRONG_SECRET_NODE, {
		credentials: { weComApi: wrongCredential! },
		parameters: {
			resource: 'message',
			operation: 'sendTemplateCard',
			toAll: false,
			picked: { departments: [{ department: emptyPick() }] },
		},
	});

/** A new workflow holding one node, for one test only (see the write lock above). */
async function newWorkflow(name: string, node: ReturnType<typeof cardNode>): Promise<string> {
	const workflow = {
		...NEW_WORKFLOW_FIELDS,
		name: `WeCom e2e: ${name}`,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
	return (await stack!.rest.data<{ id: string }>('POST', '/rest/workflows', workflow)).id;
}

/** One resource locator of the open panel, by parameter name, and the parts of its list. */
function picker(ndv: Locator, name: string) {
	const root = ndv.locator(`[data-test-id="resource-locator-${name}"]`).first();
	return {
		root,
		modeSelector: root.locator('[data-test-id="rlc-mode-selector"] input').first(),
		input: root.locator('input[data-test-id="rlc-input"], [data-test-id="rlc-input"] input').first(),
		items: root.locator('[data-test-id="rlc-item"]'),
		search: root.locator('input[data-test-id="rlc-search"], [data-test-id="rlc-search"] input').first(),
		error: root.locator('[data-test-id="rlc-error-container"]').first(),
	};
}
type Picker = ReturnType<typeof picker>;

/** Opens the list (the picker is in From List mode) and returns its entries once `mustShow` is among them. */
async function openList(list: Picker, mustShow: string): Promise<string[]> {
	// n8n labels the standard list mode itself ("From list").
	expect(await list.modeSelector.inputValue()).toMatch(/^from list$/i);
	await list.root.locator('[data-test-id="rlc-input-container"]').click();
	await list.items.filter({ hasText: mustShow }).first().waitFor({ state: 'visible', timeout: EDITOR_TIMEOUT_MS });
	return await list.items.allInnerTexts();
}

/** Types into the list's search box; returns the entries once `gone` left the list and `kept` shows. */
async function search(list: Picker, text: string, gone: string, kept: string): Promise<string[]> {
	await list.search.fill(text);
	await list.items.filter({ hasText: gone }).first().waitFor({ state: 'detached', timeout: EDITOR_TIMEOUT_MS });
	await list.items.filter({ hasText: kept }).first().waitFor({ state: 'visible', timeout: EDITOR_TIMEOUT_MS });
	return await list.items.allInnerTexts();
}

/** Clicks the entry showing `text`; the picker then shows it in its input. */
async function pick(list: Picker, text: string): Promise<void> {
	await list.items.filter({ hasText: text }).first().click();
	await list.items.first().waitFor({ state: 'hidden', timeout: EDITOR_TIMEOUT_MS });
	expect(await list.input.inputValue()).toContain(text);
}

async function signedInPage(): Promise<Page> {
	const page = await newEditorPage(browser!);
	await signIn(page, stack!);
	return page;
}

async function editorOn(workflowId: string, nodeName: string, page?: Page): Promise<{ page: Page; ndv: Locator }> {
	page ??= await signedInPage();
	const ndv = await openNodePanel(page, await openWorkflow(page, stack!, workflowId, nodeName));
	return { page, ndv };
}

interface SavedPick {
	mode: string;
	value: string;
}
interface SavedRecipientsNode {
	picked: {
		departments: Array<{ department: SavedPick }>;
		tags: Array<{ tag: SavedPick }>;
		users: Array<{ user: SavedPick }>;
	};
}
interface SavedApprovalNode {
	templateId: SavedPick;
	formFields: { schema: Array<{ displayName: string }> };
}

/** A node's parameters as n8n stored them (what the editor saved). */
async function savedParameters<T>(workflowId: string, nodeName: string): Promise<T> {
	const workflow = await stack!.rest.data<{ nodes: Array<{ name: string; parameters: unknown }> }>(
		'GET',
		`/rest/workflows/${workflowId}`,
	);
	return workflow.nodes.find((node) => node.name === nodeName)!.parameters as T;
}

beforeAll(async () => {
	stack = await startStack({ n8nPort: 0, sandboxPort: 0 });
	browser = await launchChromium();
	// The template list is read from recent applications: file one on each of two templates.
	await stack.sandbox.submitApproval({
		creator: 'alice',
		templateId: EXPENSE_TEMPLATE_ID,
		contents: [
			{ control: 'Money', id: 'Money-1', value: { new_money: '12.50' } },
			{ control: 'Textarea', id: 'Textarea-1', value: { text: 'Taxi' } },
		],
	});
	await stack.sandbox.submitApproval({
		creator: 'bob',
		templateId: ALL_CONTROLS_TEMPLATE_ID,
		contents: [{ control: 'Text', id: 'Text-1', value: { text: 'Offsite' } }],
	});
	const name = 'WeCom sandbox, wrong secret';
	const created = await stack.rest.data<{ id: string }>('POST', '/rest/credentials', {
		name,
		type: 'weComApi',
		data: { corpId: DEMO_CORP_ID, corpSecret: WRONG_SECRET, agentId: DEMO_AGENT_ID, baseUrl: stack.sandbox.url },
	});
	wrongCredential = { id: created.id, name };
});

afterAll(async () => {
	process.stdout.write(`\npickers in the editor\n${shown.join('\n')}\n`);
	await browser?.close();
	await stack?.close();
});

describe(`n8n ${N8N_UNDER_TEST.version} editor: the WeCom Template Card pickers`, () => {
	it('Pick From Directory: Department, Tag and User list the sandbox directory, search it, and store the pick', async () => {
		const workflowId = await newWorkflow('directory pickers', recipientsNode());
		const { page, ndv } = await editorOn(workflowId, RECIPIENTS_NODE);

		// Department: every department of the visible range, none outside it (department/list has no paging).
		const departments = picker(ndv, 'department');
		const sales = visibleDepartments.find((department) => department.name === 'Sales')!;
		const departmentTexts = await openList(departments, sales.name);
		expect(departmentTexts).toHaveLength(visibleDepartments.length);
		for (const department of visibleDepartments) {
			expect(departmentTexts.filter((text) => shows(text, department.name, department.id))).not.toHaveLength(0);
		}
		for (const department of hiddenDepartments) {
			expect(departmentTexts.some((text) => text.includes(department.name))).toBe(false);
		}
		const departmentQuery = 'Sal';
		const rnd = visibleDepartments.find((department) => department.name === 'R&D')!;
		const foundDepartments = await search(departments, departmentQuery, rnd.name, sales.name);
		const expectedDepartments = visibleDepartments.filter((department) =>
			containing(departmentQuery, department.name, String(department.id)),
		);
		expect(foundDepartments).toHaveLength(expectedDepartments.length);
		expect(foundDepartments.every((text) => containing(departmentQuery, text))).toBe(true);
		await pick(departments, sales.name);

		// Tag: every tag of the corp (tag/list has no paging either).
		const tags = picker(ndv, 'tag');
		const onCall = visibleTags.find((tag) => tag.tagname === 'On-call')!;
		const managers = visibleTags.find((tag) => tag.tagname === 'Managers')!;
		const tagTexts = await openList(tags, onCall.tagname);
		expect(tagTexts).toHaveLength(visibleTags.length);
		for (const tag of visibleTags) {
			expect(tagTexts.filter((text) => shows(text, tag.tagname, tag.tagid))).not.toHaveLength(0);
		}
		const tagQuery = 'call';
		const foundTags = await search(tags, tagQuery, managers.tagname, onCall.tagname);
		expect(foundTags).toHaveLength(visibleTags.filter((tag) => containing(tagQuery, tag.tagname)).length);
		await pick(tags, onCall.tagname);

		// User: the first page (department by department) holds alice, bob and carol; dave is outside the range.
		const users = picker(ndv, 'user');
		const [alice, carol] = [userOf('alice'), userOf('carol')];
		const userTexts = await openList(users, alice.name);
		for (const user of [alice, userOf('bob'), carol]) {
			expect(userTexts.filter((text) => shows(text, user.name, user.userid))).toHaveLength(1);
		}
		for (const user of hiddenUsers) expect(userTexts.some((text) => text.includes(user.name))).toBe(false);
		const isVisibleUser = (text: string) =>
			visibleUsers.some((user: DirectoryUser) => shows(text, user.name, user.userid));
		expect(userTexts.every(isVisibleUser)).toBe(true);
		const userQuery = 'Wang';
		shown.push(`users, first page: ${userTexts.length} entries, from ${userTexts.slice(0, 3).join(', ')}`);
		const foundUsers = await search(users, userQuery, alice.name, carol.name);
		expect(foundUsers).toEqual([expect.stringContaining(carol.name)]);
		expect(visibleUsers.filter((user) => containing(userQuery, user.name, user.userid))).toEqual([carol]);
		await pick(users, carol.name);

		await closeNodePanel(page);
		await saveWorkflow(page, workflowId);
		const saved = await savedParameters<SavedRecipientsNode>(workflowId, RECIPIENTS_NODE);
		expect(saved.picked.departments[0].department).toMatchObject({ mode: 'list', value: String(sales.id) });
		expect(saved.picked.tags[0].tag).toMatchObject({ mode: 'list', value: String(onCall.tagid) });
		expect(saved.picked.users[0].user).toMatchObject({ mode: 'list', value: carol.userid });
		shown.push(`saved picks: ${JSON.stringify(saved.picked)}`);
		await page.context().close();
	});

	it("Submit Approval: the template list shows the applications' templates, and the form loads its controls", async () => {
		const workflowId = await newWorkflow('template picker', approvalNode());
		const { page, ndv } = await editorOn(workflowId, APPROVAL_NODE);

		const templates = picker(ndv, 'templateId');
		const expense = templateName(EXPENSE_TEMPLATE_ID);
		const templateTexts = await openList(templates, expense);
		shown.push(`templates: ${templateTexts.join(', ')}`);
		expect(templateTexts).toHaveLength(APPLIED_TEMPLATES.length);
		for (const id of APPLIED_TEMPLATES)
			expect(templateTexts.some((text) => text.includes(templateName(id)))).toBe(true);
		for (const id of UNUSED_TEMPLATES)
			expect(templateTexts.some((text) => text.includes(templateName(id)))).toBe(false);
		await pick(templates, expense);

		// Form Fields (resourceMapper) reads the picked template: its controls, by title.
		const titles = SANDBOX_TEMPLATES.get(EXPENSE_TEMPLATE_ID)!.template_content!.controls.map(
			(control) => control.property.title[0].text,
		);
		const form = ndv.locator('[data-test-id="mapping-fields-container"]').first();
		await form.getByText(titles[0]).first().waitFor({ state: 'visible', timeout: EDITOR_TIMEOUT_MS });

		await closeNodePanel(page);
		await saveWorkflow(page, workflowId);
		const saved = await savedParameters<SavedApprovalNode>(workflowId, APPROVAL_NODE);
		expect(saved.templateId).toMatchObject({ mode: 'list', value: EXPENSE_TEMPLATE_ID });
		const fields = saved.formFields.schema.map((field) => field.displayName);
		shown.push(`form fields: ${fields.join(', ')}`);
		expect(fields).toHaveLength(titles.length);
		titles.forEach((title, index) => expect(fields[index].startsWith(title)).toBe(true));
		await page.context().close();
	});

	it("a wrong secret: the list shows WeCom's error, not an empty list, and not the secret", async () => {
		const workflowId = await newWorkflow('wrong secret', wrongSecretNode());
		const { page, ndv } = await editorOn(workflowId, WRONG_SECRET_NODE);
		const departments = picker(ndv, 'department');
		const answered = page.waitForResponse((response) => response.url().includes('/rest/dynamic-node-parameters/'), {
			timeout: EDITOR_TIMEOUT_MS,
		});
		await departments.root.locator('[data-test-id="rlc-input-container"]').click();
		await departments.error.waitFor({ state: 'visible', timeout: EDITOR_TIMEOUT_MS });
		const message = await departments.error.innerText();
		shown.push(`wrong secret: ${message.replace(/\s+/g, ' ')}`);
		// gettoken answers 40001 for a wrong secret (https://developer.work.weixin.qq.com/document/path/91039).
		expect(message).toContain('40001');
		// WeCom answered: not a failed request (n8n 1.x once hid the errcode from the node, see tokenError.ts).
		expect(message).not.toMatch(/request to WeCom failed/i);
		expect(message).not.toContain(WRONG_SECRET);
		expect(await departments.items.count()).toBe(0);
		expect(await (await answered).text()).not.toContain(WRONG_SECRET);
		await page.context().close();
	});

	it("a workflow another tab edited: refused on opening under 2.x's write lock (not tested read-only), opened on 1.x", async () => {
		const workflowId = await newWorkflow('write lock', recipientsNode());
		const [first, second] = [await signedInPage(), await signedInPage()];
		// The first tab's client id: the push-ref header of its REST requests.
		const firstTab = new Set<string>();
		first.on('request', (request) => {
			const ref = request.headers()['push-ref'];
			if (ref) firstTab.add(ref);
		});
		const { ndv } = await editorOn(workflowId, RECIPIENTS_NODE, first);
		// An edit: 2.x gives this tab the workflow's write lock.
		const departments = picker(ndv, 'department');
		const sales = visibleDepartments.find((department) => department.name === 'Sales')!;
		await openList(departments, sales.name);
		await pick(departments, sales.name);
		const lockPath = `/rest/workflows/${workflowId}/collaboration/write-lock`;
		if (hasEditorWriteLock(N8N_UNDER_TEST)) {
			const holder = await lockHolder(lockPath);
			expect(firstTab.has(holder.clientId)).toBe(true);
		}
		// Gone without releasing anything, as a finished test's tab is.
		await first.context().close();

		if (hasEditorWriteLock(N8N_UNDER_TEST)) {
			const refused = await openWorkflow(second, stack!, workflowId, RECIPIENTS_NODE).then(
				() => undefined,
				(error: unknown) => error,
			);
			expect(refused).toBeInstanceOf(WorkflowLockedError);
			expect(firstTab.has((refused as WorkflowLockedError).holder.clientId)).toBe(true);
			shown.push(`second tab: ${(refused as Error).message}`);
			// Not a false alarm: that tab's panel is read-only, its picker disabled.
			const canvasNode = second.locator('[data-test-id="canvas-node"]', { hasText: RECIPIENTS_NODE }).first();
			const secondPicker = picker(await openNodePanel(second, canvasNode), 'department');
			await secondPicker.root.waitFor({ state: 'visible', timeout: EDITOR_TIMEOUT_MS });
			expect(await secondPicker.input.isDisabled()).toBe(true);
		} else {
			// 1.x has no write lock: the second tab edits the same workflow, its list loads.
			const secondNdv = await openNodePanel(second, await openWorkflow(second, stack!, workflowId, RECIPIENTS_NODE));
			const secondPicker = picker(secondNdv, 'department');
			expect(await secondPicker.input.isDisabled()).toBe(false);
			expect(await openList(secondPicker, sales.name)).toHaveLength(visibleDepartments.length);
			shown.push('second tab: no write lock on 1.x, the list loaded');
		}
		await second.context().close();
	});
});

/** Who holds the workflow's write lock, once someone does (the editor asks for it over its push connection). */
async function lockHolder(lockPath: string): Promise<{ clientId: string; userId: string }> {
	const deadline = Date.now() + EDITOR_TIMEOUT_MS;
	for (;;) {
		const holder = await stack!.rest.data<{ clientId: string; userId: string } | null>('GET', lockPath);
		if (holder) return holder;
		if (Date.now() > deadline) throw new Error(`no write lock on ${lockPath} within ${EDITOR_TIMEOUT_MS} ms`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
