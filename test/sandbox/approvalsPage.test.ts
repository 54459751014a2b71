/**
 * The sandbox's approvals page: each application with its readable fields (escaped), Approve /
 * Reject buttons for the approver whose turn it is, and the decision the buttons post.
 */
import { callSandbox, EXPENSE_TEMPLATE_ID, startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';

describe('sandbox: approvals page', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ callbacks: { maxRetries: 0 } });
	});
	afterAll(() => sandbox.close());

	it('shows applications with fields and buttons, under a nonce-only script policy', async () => {
		const empty = await fetch(`${sandbox.url}/sandbox/ui/approvals`);
		expect(await empty.text()).toContain('No approvals yet');

		const { spNo } = await sandbox.submitApproval({
			creator: 'alice',
			templateId: EXPENSE_TEMPLATE_ID,
			contents: [
				{ control: 'Money', id: 'Money-1', value: { new_money: '42' } },
				{ control: 'Textarea', id: 'Textarea-1', value: { text: '<script>alert(1)</script>' } },
			],
		});
		const page = await fetch(`${sandbox.url}/sandbox/ui/approvals`);
		expect(page.headers.get('content-security-policy')).toMatch(/script-src 'nonce-/);
		const html = await page.text();
		expect(html).toContain(`报销 Expense · ${spNo}`);
		expect(html).toContain('<tr><th>Amount</th><td>42</td></tr>');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).not.toContain('<script>alert(1)</script>');
		expect(html).toContain(`data-decision="approve" data-sp-no="${spNo}" data-userid="bob"`);

		// What the Approve button posts.
		const decided = await callSandbox(sandbox.url, '/sandbox/approvals/decide', {
			body: { spNo, userid: 'bob', decision: 'approve' },
		});
		expect(decided.json).toMatchObject({ ok: true, spStatus: 2 });
		const after = await (await fetch(`${sandbox.url}/sandbox/ui/approvals`)).text();
		expect(after).toContain('<strong>approved</strong>');
		expect(after).not.toContain('data-decision=');
	});
});
