/**
 * GET /sandbox/ui/approvals: the applications as the Approval app shows them, with their readable
 * fields, and Approve / Reject buttons for each approver whose turn it is. The buttons play the
 * decision through POST /sandbox/approvals/decide, which sends sys_approval_change to the app.
 */
import { APPROVAL_STATUS, readableFields } from '../../nodes/WeCom/shared/approval';
import type { StoredApproval } from '../approvals/store';
import { markup, trusted } from './html';
import type { SafeHtml } from './html';
import { STYLES } from './styles';

const SCRIPT = String.raw`(() => {
	'use strict';
	document.addEventListener('click', async (event) => {
		const button = event.target.closest('button[data-decision]');
		if (!button) return;
		button.disabled = true;
		const res = await fetch('/sandbox/approvals/decide', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ spNo: button.dataset.spNo, userid: button.dataset.userid, decision: button.dataset.decision }),
		});
		const answer = await res.json().catch(() => ({}));
		if (!res.ok || answer.ok === false) alert('Failed: ' + (answer.error || 'HTTP ' + res.status));
		location.reload();
	});
})();`;

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function renderApproval({ info }: StoredApproval): SafeHtml {
	const fields = Object.entries(readableFields(info.apply_data.contents)).map(
		([title, value]) => markup`<tr><th>${title}</th><td>${show(value)}</td></tr>`,
	);
	const pending = info.sp_status === 1 ? info.sp_record.find((node) => node.sp_status === 1) : undefined;
	const turns = (pending?.details ?? [])
		.filter((detail) => detail.sp_status === 1)
		.map(({ approver }) =>
			['approve', 'reject'].map(
				(decision) =>
					markup`<button type="button" data-decision="${decision}" data-sp-no="${info.sp_no}" data-userid="${approver.userid}">${approver.userid}: ${decision}</button> `,
			),
		);
	const status = APPROVAL_STATUS[info.sp_status] ?? String(info.sp_status);
	return markup`<article class="card" data-sp-no="${info.sp_no}"><h3>${info.sp_name} · ${info.sp_no}</h3>
<p>Applicant ${info.applyer.userid} · <strong>${status}</strong></p>
<table>${fields}</table>
<p>${turns}</p></article>`;
}

export function renderApprovalsPage(approvals: StoredApproval[], nonce: string): string {
	const list =
		approvals.length === 0
			? markup`<p class="empty">No approvals yet. Submit one with <code>POST /cgi-bin/oa/applyevent</code> or <code>POST /sandbox/approvals</code>.</p>`
			: markup`<div class="list">${[...approvals].reverse().map(renderApproval)}</div>`;
	return markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WeCom sandbox – approvals</title>
<style>${trusted(STYLES)}</style>
</head>
<body>
<header class="top"><h1>WeCom sandbox · Approvals</h1><a href="/">cards</a> <a href="/sandbox/approvals">approvals JSON</a></header>
<section id="approvals">${list}</section>
<script nonce="${nonce}">${trusted(SCRIPT)}</script>
</body>
</html>
`.value;
}
