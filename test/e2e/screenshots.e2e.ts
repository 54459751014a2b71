/**
 * Screenshots for the docs, taken from the real thing: the n8n 2.41.1 editor (logged in as the
 * owner the stack creates) with the WeCom Template Card node's parameter panel open
 * → docs/n8n-node-form.png, and the sandbox page with a card delivered to alice by the published
 * deploy-notice example → docs/sandbox-card.png. Fails if either does not render.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';

import { launchChromium } from '../../scripts/n8n/browser';
import { REPO_ROOT } from '../../scripts/n8n/config';
import { startStack } from '../../scripts/n8n/stack';
import type { Stack } from '../../scripts/n8n/stack';
import { newEditorPage, openNodePanel, openWorkflow, signIn } from './editor';

// docs/ holds the committed pictures; a normal run writes next to the build so the tree stays clean.
const DOCS =
	process.env.UPDATE_DOCS_SCREENSHOTS === '1' ? join(REPO_ROOT, 'docs') : join(REPO_ROOT, 'build', 'screenshots');
const NODE_FORM_PNG = join(DOCS, 'n8n-node-form.png');
const SANDBOX_CARD_PNG = join(DOCS, 'sandbox-card.png');
const CANVAS_PNG = join(REPO_ROOT, 'build', 'screenshots', 'n8n-canvas.png');
const WORKFLOW_ID = 'wecomTextNotice1';
const CARD_NODE = 'Send deploy notice';
const CARD_TITLE = 'Screenshot: deploy finished';
/** A real screenshot of a filled page is tens of KB; a blank one is a few KB. */
const MIN_PNG_BYTES = 20_000;

const timings: Array<[string, number]> = [];
let stack: Stack | undefined;
let browser: Browser | undefined;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const since = Date.now();
	try {
		return await work();
	} finally {
		timings.push([label, (Date.now() - since) / 1000]);
	}
}

beforeAll(async () => {
	mkdirSync(DOCS, { recursive: true });
	stack = await timed('stack (build, install, n8n start, owner, publish)', () =>
		startStack({ n8nPort: 0, sandboxPort: 0 }),
	);
	browser = await timed('chromium launch', () => launchChromium());
});

afterAll(async () => {
	await browser?.close();
	await stack?.close();
	const lines = timings.map(([label, seconds]) => `${seconds.toFixed(1).padStart(7)} s  ${label}`);
	process.stdout.write(`\nscreenshot timings\n${lines.join('\n')}\n`);
});

describe('screenshots for the docs', () => {
	it('n8n editor: the canvas subtitle names the operation, and the WeCom Template Card parameter panel', async () => {
		const page = await newEditorPage(browser!);
		await timed('sign in to the editor', () => signIn(page, stack!));
		await timed('open the node form', async () => {
			const node = await openWorkflow(page, stack!, WORKFLOW_ID, CARD_NODE);
			// The canvas subtitle under the node's name: the operation's label, not internal names.
			await node.getByText('Send Template Card').first().waitFor({ state: 'visible', timeout: 30000 });
			expect(await node.innerText()).not.toMatch(/sendTemplateCard|: message/);
			await page.screenshot({ path: CANVAS_PNG });
			await openNodePanel(page, node);
			// The parameter panel: the node's name and its form fields.
			await page.getByText('Card Type', { exact: false }).first().waitFor({ state: 'visible', timeout: 30000 });
			await page.waitForTimeout(1000);
		});
		const ndvText = await page.locator('[data-test-id="ndv"]').first().innerText();
		expect(ndvText).toContain(CARD_NODE);
		expect(ndvText).toMatch(/Card Type/);
		await page.screenshot({ path: NODE_FORM_PNG });
		expect(statSync(NODE_FORM_PNG).size).toBeGreaterThan(MIN_PNG_BYTES);
	});

	it('sandbox page: a card delivered to alice', async () => {
		const response = await fetch(`${stack!.server.url}/webhook/wecom/deploy-finished`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ to: 'alice', title: CARD_TITLE, environment: 'production', version: '2.0.0' }),
		});
		expect(response.status).toBe(200);
		expect(stack!.sandbox.cardsFor('alice').length).toBeGreaterThan(0);

		const page = await newEditorPage(browser!);
		await timed('render the sandbox page', async () => {
			await page.goto(`${stack!.sandbox.url}/?user=alice&static=1`);
			await page.getByText(CARD_TITLE).first().waitFor({ state: 'visible', timeout: 30000 });
		});
		await page.screenshot({ path: SANDBOX_CARD_PNG, fullPage: true });
		expect(statSync(SANDBOX_CARD_PNG).size).toBeGreaterThan(MIN_PNG_BYTES);
	});
});
