/**
 * The sandbox page: a user picker and the cards that user has, laid out as WeCom shows them.
 * `renderView` is the part the live refresh swaps; `viewVersion` changes whenever it does.
 */
import { createHash } from 'node:crypto';
import { CLIENT_SCRIPT } from './client';
import { markup, trusted } from './html';
import type { SafeHtml } from './html';
import { renderMessage } from './renderCard';
import { STYLES } from './styles';
import type { PageModel, PageQuery } from './view';

const nothing = markup``;

/** Keeps the display flags when switching user, so a static view stays static. */
function pageHref(query: PageQuery, target: { user?: string; robot?: boolean }): string {
	const params = new URLSearchParams();
	if (target.robot) params.set('robot', '1');
	if (target.user !== undefined) params.set('user', target.user);
	if (!query.live) params.set('static', '1');
	if (query.showImages) params.set('images', '1');
	return `/?${params.toString()}`;
}

function userLink(label: string, count: number, href: string, current: boolean): SafeHtml {
	const mark = current ? markup` class="current" aria-current="page"` : nothing;
	return markup`<li><a href="${href}"${mark}>${label}<span class="count">${count}</span></a></li>`;
}

function recipientNotes(model: PageModel): SafeHtml[] {
	const notes: SafeHtml[] = [];
	if (model.atAllCount > 0)
		notes.push(
			markup`<p>${model.atAllCount} message(s) went to @all: every member sees them; pick anyone with "Show user".</p>`,
		);
	if (model.partyOrTagOnly > 0)
		notes.push(
			markup`<p>${model.partyOrTagOnly} message(s) went only to departments or tags; the sandbox does not model membership, so no user shows them.</p>`,
		);
	return notes;
}

function renderUsers(model: PageModel, query: PageQuery): SafeHtml {
	const selected = model.selected?.toLowerCase();
	const links = model.users.map((user) =>
		userLink(user.userid, user.count, pageHref(query, { user: user.userid }), !query.robot && user.userid === selected),
	);
	// A user typed into "Show user" (for example to see @all cards) is listed too.
	if (model.selected !== undefined && !model.users.some((user) => user.userid === selected))
		links.push(userLink(model.selected, model.messages.length, pageHref(query, { user: model.selected }), true));
	const nobody = links.length === 0 ? markup`<p>Nobody has received a message yet.</p>` : nothing;
	const robot =
		model.robotCount > 0
			? markup`<h2>Group chat</h2><ul>${userLink(
					'Group robot',
					model.robotCount,
					pageHref(query, { robot: true }),
					query.robot,
				)}</ul>`
			: nothing;
	return markup`<nav id="users" aria-label="Recipients"><h2>Users</h2><ul>${links}</ul>${nobody}${recipientNotes(
		model,
	)}${robot}</nav>`;
}

function renderMessages(model: PageModel, query: PageQuery): SafeHtml {
	const heading = query.robot ? 'Group robot messages' : model.selected ? `Cards of ${model.selected}` : 'Cards';
	const soon = query.live ? '; it appears here within 2 seconds' : '';
	const content =
		model.messages.length === 0
			? markup`<p class="empty">No messages yet. Send one with <code>POST /cgi-bin/message/send</code>${soon}.</p>`
			: markup`<div class="list">${model.messages.map((message) => renderMessage(message, query))}</div>`;
	return markup`<section id="messages"><h2>${heading}</h2>${content}</section>`;
}

function viewBody(model: PageModel, query: PageQuery): SafeHtml {
	return markup`${renderUsers(model, query)}${renderMessages(model, query)}`;
}

const versionOf = (body: SafeHtml): string => createHash('sha1').update(body.value).digest('hex').slice(0, 16);

/** A hash of what the view shows: the client polls it and refreshes when it changes. */
export function viewVersion(model: PageModel, query: PageQuery): string {
	return versionOf(viewBody(model, query));
}

export function renderView(model: PageModel, query: PageQuery): SafeHtml {
	const body = viewBody(model, query);
	const user = query.robot ? '' : (model.selected ?? '');
	return markup`<div id="view" data-version="${versionOf(body)}" data-user="${user}">${body}</div>`;
}

function renderHeader(model: PageModel, query: PageQuery): SafeHtml {
	const status = query.live ? 'Live' : 'Static view: reload to update';
	const user = query.robot ? '' : (model.selected ?? '');
	const hidden = [
		query.live ? nothing : markup`<input type="hidden" name="static" value="1">`,
		query.showImages ? markup`<input type="hidden" name="images" value="1">` : nothing,
	];
	return markup`<header class="top"><h1>WeCom sandbox</h1><span id="status">${status}</span>
<a href="/sandbox/messages">messages JSON</a>
<a href="/sandbox/ui/approvals">approvals</a>
<form method="get" action="/"><label for="pick-user">Show user</label><input id="pick-user" name="user" placeholder="userid" value="${user}">${hidden}<button type="submit">Show</button></form>
</header>`;
}

export function renderPage(model: PageModel, query: PageQuery, nonce: string): string {
	const title = model.selected && !query.robot ? `WeCom sandbox – ${model.selected}` : 'WeCom sandbox';
	return markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${trusted(STYLES)}</style>
</head>
<body data-live="${query.live ? '1' : '0'}">
${renderHeader(model, query)}
<div id="click-note" class="note" hidden>This sandbox has no <code>POST /sandbox/click</code>, so buttons cannot play clicks. Everything else works.</div>
${renderView(model, query)}
<div id="toast" role="status" aria-live="polite" hidden></div>
<script nonce="${nonce}">${trusted(CLIENT_SCRIPT)}</script>
</body>
</html>
`.value;
}
