/**
 * The real n8n editor in headless Chromium, for the e2e tests that click through it: a page of the
 * size the docs' screenshots use, signed in as the owner the stack created, and a workflow opened
 * on one node's parameter panel. Waits on the editor's own test ids (data-test-id), never on time.
 */
import type { Browser, Locator, Page } from 'playwright-core';

import type { Stack } from '../../scripts/n8n/stack';
import { hasEditorWriteLock } from '../../scripts/n8n/versions';

/** How long the editor gets to show something it loads (first loads compile and fetch a lot). */
export const EDITOR_TIMEOUT_MS = 60_000;

export async function newEditorPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
	return await context.newPage();
}

export async function signIn(page: Page, stack: Stack): Promise<void> {
	const owner = stack.rest.owner;
	if (!owner) throw new Error('the stack has no owner yet');
	await page.goto(`${stack.server.url}/signin`);
	await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(owner.email);
	await page.locator('input[type="password"]').first().fill(owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: EDITOR_TIMEOUT_MS });
}

/** Another editor tab holds the workflow's write lock: this tab shows it read-only (n8n 2.x). */
export class WorkflowLockedError extends Error {
	constructor(
		workflowId: string,
		readonly holder: { clientId: string; userId: string },
	) {
		super(
			`workflow ${workflowId} is write-locked by another editor tab (client ${holder.clientId}): this tab opened it ` +
				'read-only, where pickers are disabled and load no list. Give each test its own workflow, or wait for the lock to expire (2 minutes).',
		);
		this.name = 'WorkflowLockedError';
	}
}

/**
 * The workflow's canvas node named `nodeName`, once the canvas shows it. On n8n 2.x, throws
 * WorkflowLockedError when the editor found the workflow write-locked by another tab (a closed
 * tab's lock outlives it: scripts/n8n/versions.ts, hasEditorWriteLock) instead of going on read-only.
 */
export async function openWorkflow(page: Page, stack: Stack, workflowId: string, nodeName: string): Promise<Locator> {
	// What the editor itself asks when it opens a saved workflow, before it decides on read-only.
	const lockPath = `/rest/workflows/${workflowId}/collaboration/write-lock`;
	const lockAnswer = hasEditorWriteLock(stack.runtime.n8n)
		? page.waitForResponse(
				(response) => new URL(response.url()).pathname === lockPath && response.request().method() === 'GET',
				{ timeout: EDITOR_TIMEOUT_MS },
			)
		: undefined;
	// Awaited below; if opening fails first, its own error is the one reported.
	lockAnswer?.catch(() => undefined);
	await page.goto(`${stack.server.url}/workflow/${workflowId}`);
	const node = page.locator('[data-test-id="canvas-node"]', { hasText: nodeName }).first();
	await node.waitFor({ state: 'visible', timeout: EDITOR_TIMEOUT_MS });
	if (lockAnswer) {
		const answer = await lockAnswer;
		const { data: holder } = (await answer.json()) as { data: { clientId: string; userId: string } | null };
		// The editor's own rule: read-only when someone holds the lock and it is not this tab (its push-ref).
		if (holder && holder.clientId !== answer.request().headers()['push-ref']) {
			throw new WorkflowLockedError(workflowId, holder);
		}
	}
	return node;
}

/** Opens the node's parameter panel (NDV) by double-clicking it on the canvas. */
export async function openNodePanel(page: Page, node: Locator): Promise<Locator> {
	// The node's top-left corner: 2.x centres a pill over the canvas that can cover a node's middle.
	await node.dblclick({ position: { x: 8, y: 8 } });
	const ndv = page.locator('[data-test-id="ndv"]').first();
	await ndv.waitFor({ state: 'visible', timeout: EDITOR_TIMEOUT_MS });
	return ndv;
}

/** Closes the parameter panel (Escape, as a user would) and waits until the canvas is back. */
export async function closeNodePanel(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="ndv"]').first().waitFor({ state: 'hidden', timeout: EDITOR_TIMEOUT_MS });
}

/** Saves the open workflow with the editor's shortcut and waits for n8n to answer the save. */
export async function saveWorkflow(page: Page, workflowId: string): Promise<void> {
	const saved = page.waitForResponse(
		(response) =>
			response.url().endsWith(`/rest/workflows/${workflowId}`) &&
			response.request().method() === 'PATCH' &&
			response.ok(),
		{ timeout: EDITOR_TIMEOUT_MS },
	);
	await page.keyboard.press('ControlOrMeta+s');
	await saved;
}
