import {
	callSandbox,
	DEMO_AGENT_ID,
	DEMO_ROBOT_KEY,
	sampleButtonInteraction,
	sampleMultipleInteraction,
	sampleNewsNotice,
	sampleTextNotice,
	sampleTextNoticeWithMenu,
	sampleVoteInteraction,
} from '../../sandbox';
import { CLIENT_SCRIPT } from '../../sandbox/web/client';
import { escapeHtml, markup } from '../../sandbox/web/html';
import { checkTemplateCard } from '../../nodes/WeCom/shared/card';
import { uploadSandboxFile, withAttachmentMedia } from '../harness/sandboxMedia';
import { useDemoSandbox } from '../harness/sandboxSession';

/** Cards that use every block of their type, so each renderer is exercised. */
const richCards = {
	text: (taskId: string) => ({
		card_type: 'text_notice',
		task_id: taskId,
		source: { icon_url: 'https://example.com/icon.png', desc: 'Finance bot', desc_color: 2 },
		action_menu: {
			desc: 'Card options',
			action_list: [
				{ text: 'Mute for a day', key: 'mute-day' },
				{ text: 'Report', key: 'report' },
			],
		},
		main_title: { title: 'Invoice overdue', desc: 'Customer ACME' },
		emphasis_content: { title: '4,200', desc: 'EUR outstanding' },
		quote_area: {
			type: 1,
			url: 'https://example.com/q',
			title: 'Last reply',
			quote_text: 'Paying Friday',
		},
		sub_title_text: 'Second reminder.',
		horizontal_content_list: [
			{ keyname: 'Owner', value: 'Alice' },
			{ keyname: 'Invoice', value: 'INV-7', type: 1, url: 'https://example.com/inv/7' },
			{ keyname: 'PDF', value: 'inv-7.pdf', type: 2, media_id: 'uploaded before sending' },
			{ keyname: 'Manager', value: 'Bob', type: 3, userid: 'bob' },
		],
		jump_list: [
			{ type: 1, title: 'Open ledger', url: 'https://example.com/ledger' },
			{ type: 2, title: 'Mini app', appid: 'wxapp1', pagepath: '/pages/index' },
		],
		card_action: { type: 1, url: 'https://example.com/card' },
	}),
	news: () => ({
		card_type: 'news_notice',
		source: { desc: 'Newsroom' },
		main_title: { title: 'Quarterly report' },
		image_text_area: {
			type: 1,
			url: 'https://example.com/it',
			title: 'Highlights',
			desc: 'Revenue up',
			image_url: 'https://example.com/thumb.png',
		},
		card_image: { url: 'https://example.com/cover.png', aspect_ratio: 2.25 },
		vertical_content_list: [{ title: 'Growth', desc: '12% year on year' }],
		card_action: { type: 2, appid: 'wxapp2' },
	}),
	button: (taskId: string) => ({
		card_type: 'button_interaction',
		task_id: taskId,
		main_title: { title: 'Deploy to production?' },
		button_selection: {
			question_key: 'region',
			title: 'Region',
			option_list: [
				{ id: 'eu', text: 'Europe' },
				{ id: 'us', text: 'America' },
			],
			selected_id: 'us',
		},
		button_list: [
			{ text: 'Deploy', style: 1, key: 'deploy' },
			{ text: 'Later', style: 2, key: 'later' },
			{ text: 'Abort', style: 3, key: 'abort' },
			{ text: 'Diff', style: 4, type: 1, url: 'https://example.com/diff' },
		],
	}),
	vote: (taskId: string) => ({
		card_type: 'vote_interaction',
		task_id: taskId,
		main_title: { title: 'Team lunch', desc: 'Pick all you like' },
		checkbox: {
			question_key: 'food',
			mode: 1,
			option_list: [
				{ id: 'pizza', text: 'Pizza', is_checked: true },
				{ id: 'sushi', text: 'Sushi', is_checked: false },
			],
		},
		submit_button: { text: 'Send vote', key: 'vote-submit' },
	}),
	multiple: (taskId: string) => ({
		card_type: 'multiple_interaction',
		task_id: taskId,
		main_title: { title: 'Book a room' },
		select_list: [
			{
				question_key: 'room',
				title: 'Room',
				option_list: [
					{ id: 'r1', text: 'Room 1' },
					{ id: 'r2', text: 'Room 2' },
				],
				selected_id: 'r2',
			},
			{ question_key: 'time', title: 'Time', option_list: [{ id: 'am', text: 'Morning' }] },
		],
		submit_button: { text: 'Book', key: 'book' },
	}),
};

/** The <article> of one card, so assertions do not match text from another card. */
function articleOf(page: string, msgid: string): string {
	const start = page.indexOf(`data-msgid="${msgid}"`);
	expect(start).toBeGreaterThan(-1);
	const end = page.indexOf('</article>', start);
	return page.slice(start, end);
}

describe('sandbox: web page', () => {
	let taskCounter = 0;
	const now = Date.UTC(2026, 0, 2, 3, 4, 5);
	const demo = useDemoSandbox({ clock: () => now });

	const nextTask = () => `web-${++taskCounter}`;
	const call = (path: string, body: unknown) =>
		callSandbox(demo.sandbox.url, path, { query: { access_token: demo.token }, body });
	async function send(touser: string, template_card: Record<string, unknown>) {
		expect(checkTemplateCard(template_card, 'send').ok).toBe(true);
		const { json } = await call('/cgi-bin/message/send', {
			touser,
			msgtype: 'template_card',
			agentid: DEMO_AGENT_ID,
			template_card,
		});
		expect(json).toMatchObject({ errcode: 0 });
		return { msgid: json.msgid as string, responseCode: json.response_code as string | undefined };
	}
	async function page(query = ''): Promise<string> {
		const { status, text } = await callSandbox(demo.sandbox.url, `/${query}`);
		expect(status).toBe(200);
		return text;
	}
	/** Sends a card to alice and returns its <article> on her page. */
	async function shownToAlice(template_card: Record<string, unknown>): Promise<string> {
		const { msgid } = await send('alice', template_card);
		return articleOf(await page('?user=alice'), msgid);
	}

	it('serves an HTML page with a strict CSP and an empty state', async () => {
		const response = await fetch(`${demo.sandbox.url}/`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/default-src 'none'/);
		const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
		const text = await response.text();
		expect(text).toContain(`<script nonce="${nonce}">`);
		expect(text).toContain('No messages yet');
		expect(text).toContain('Nobody has received a message yet');
		expect(text).not.toMatch(/<(link|img)\b[^>]*(href|src)="http/);
		expect((await page('sandbox/ui')).startsWith('<!doctype html>')).toBe(true);
	});

	it("lists recipients and shows a user's cards, newest first, with ids and times", async () => {
		const sent = [
			await send('alice', sampleTextNotice()),
			await send('alice', sampleNewsNotice()),
			await send('alice|bob', sampleButtonInteraction(nextTask())),
			await send('alice', sampleVoteInteraction(nextTask())),
			await send('alice', sampleMultipleInteraction(nextTask())),
			await send('alice', sampleTextNoticeWithMenu(nextTask())),
		];
		const text = await page('?user=alice');
		for (const title of ['Build finished', 'Release notes', 'Approve the expense?', 'Lunch?', 'Pick a slot'])
			expect(text).toContain(title);
		const positions = sent.map(({ msgid }) => text.indexOf(`data-msgid="${msgid}"`));
		expect(positions.every((p) => p > 0)).toBe(true);
		expect([...positions].sort((a, b) => b - a)).toEqual(positions);
		expect(text).toMatch(/href="\/\?user=alice" class="current"[^>]*>alice<span class="count">6</);
		expect(text).toMatch(/href="\/\?user=bob">bob<span class="count">1</);

		const button = articleOf(text, sent[2].msgid);
		expect(button).toContain('<span class="type">button_interaction</span>');
		expect(button).toContain('Delivered 2026-01-02 03:04:05 UTC');
		expect(button).toContain(`<dd>${sent[2].responseCode}</dd>`);
		expect(button).toMatch(/<dt>task_id<\/dt><dd>web-\d+<\/dd>/);
		expect(button).toContain('<summary>Raw JSON</summary>');
		// Without ?user the first recipient is shown.
		expect(await page()).toContain('Cards of alice');
		expect(await page('?user=bob')).not.toContain('Build finished');
	});

	it('renders every block of a text_notice, including the action menu', async () => {
		const mediaId = await uploadSandboxFile(demo.sandbox.url, { accessToken: demo.token }, 'inv-7.pdf');
		const { msgid } = await send('alice', withAttachmentMedia(richCards.text(nextTask()), mediaId));
		const card = articleOf(await page('?user=alice'), msgid);
		expect(card).toContain('<span class="src-desc red">Finance bot</span>');
		expect(card).toContain('title="https://example.com/icon.png"');
		expect(card).toContain('<div class="title">Invoice overdue</div><div class="title-desc">Customer ACME</div>');
		expect(card).toContain('<div class="emphasis-title">4,200</div><div class="emphasis-desc">EUR outstanding</div>');
		expect(card).toMatch(/class="quote link" data-open="Opens https:\/\/example.com\/q"/);
		expect(card).toContain('<div class="quote-text">Paying Friday</div>');
		expect(card).toContain('<div class="sub-title">Second reminder.</div>');
		expect(card).toContain('<dt>Owner</dt><dd>Alice</dd>');
		expect(card).toMatch(/<dt>Invoice<\/dt><dd class="kv-link" data-open="Opens https:\/\/example.com\/inv\/7"/);
		expect(card).toContain(`<dt>PDF</dt><dd class="kv-file" data-open="Downloads attachment media_id ${mediaId}"`);
		expect(card).toMatch(/<dt>Manager<\/dt><dd class="kv-member" data-open="Opens the profile of bob"[^>]*>Bob</);
		expect(card).toMatch(/class="jump link" data-open="Opens https:\/\/example.com\/ledger"[^>]*>Open ledger</);
		expect(card).toContain('data-open="Opens mini program wxapp1 at /pages/index"');
		expect(card).toMatch(/class="card-action link" data-open="Opens https:\/\/example.com\/card"/);
		expect(card).toContain('<div class="menu-desc">Card options</div>');
		expect(card).toContain('data-key="mute-day" data-menu>Mute for a day</button>');
		expect(card).toContain('data-key="report" data-menu>Report</button>');
		// Card images are placeholders unless asked for: the page works offline.
		expect(card).not.toContain('<img');
		expect(articleOf(await page('?user=alice&images=1'), msgid)).toContain(
			'<img class="src-icon" src="https://example.com/icon.png" alt="">',
		);
	});

	it('renders the news_notice blocks', async () => {
		const card = await shownToAlice(richCards.news());
		expect(card).toContain('<span class="src-desc grey">Newsroom</span>');
		expect(card).toMatch(/class="image-text link" data-open="Opens https:\/\/example.com\/it"/);
		expect(card).toContain(
			'<div class="image-text-title">Highlights</div><div class="image-text-desc">Revenue up</div>',
		);
		expect(card).toContain('<div class="card-image" style="aspect-ratio: 2.25">');
		expect(card).toContain('<span>https://example.com/cover.png</span>');
		expect(card).toContain('<div class="vertical-title">Growth</div><div class="vertical-desc">12% year on year</div>');
		expect(card).toContain('data-open="Opens mini program wxapp2"');
	});

	it('renders the interactive blocks of button, vote and multiple cards', async () => {
		const button = await shownToAlice(richCards.button(nextTask()));
		expect(button).toMatch(/<span class="select-title">Region<\/span><select data-question="region">/);
		expect(button).toContain('<option value="us" selected>America</option>');
		expect(button).toContain('<button type="button" class="btn style-1" data-key="deploy">Deploy</button>');
		expect(button).toContain('class="btn style-2" data-key="later"');
		expect(button).toContain('class="btn style-3" data-key="abort"');
		expect(button).toMatch(/class="btn style-4 url" data-open="Opens https:\/\/example.com\/diff"[^>]*>Diff</);

		const vote = await shownToAlice(richCards.vote(nextTask()));
		expect(vote).toContain('<legend>Multiple choice</legend>');
		expect(vote).toMatch(/type="checkbox" name="[^"]+\/food" value="pizza" data-question="food" checked><span>Pizza</);
		expect(vote).toMatch(/type="checkbox" name="[^"]+\/food" value="sushi" data-question="food"><span>Sushi</);
		expect(vote).toContain('data-key="vote-submit" data-submit>Send vote</button>');

		const multiple = await shownToAlice(richCards.multiple(nextTask()));
		expect(multiple).toContain('<option value="r2" selected>Room 2</option>');
		expect(multiple).toMatch(/<span class="select-title">Time<\/span><select data-question="time">/);
		expect(multiple).toContain('data-key="book" data-submit>Book</button>');

		const single = await shownToAlice(sampleVoteInteraction(nextTask()));
		expect(single).toContain('<legend>Single choice</legend>');
		expect(single).toContain('type="radio"');
	});

	it('shows the state after updates: greyed buttons, replacement cards, locked inputs, recalls', async () => {
		const greyed = await send('alice|bob', richCards.button(nextTask()));
		await call('/cgi-bin/message/update_template_card', {
			userids: ['alice'],
			agentid: DEMO_AGENT_ID,
			response_code: greyed.responseCode,
			button: { replace_name: 'Deployed by Alice' },
		});
		const replaced = await send('alice', richCards.vote(nextTask()));
		const { card_type: _type, task_id: _task, ...voteBody } = richCards.vote('unused');
		await call('/cgi-bin/message/update_template_card', {
			atall: 1,
			agentid: DEMO_AGENT_ID,
			response_code: replaced.responseCode,
			template_card: {
				card_type: 'vote_interaction',
				...voteBody,
				main_title: { title: 'Vote closed' },
				checkbox: { ...voteBody.checkbox, disable: true },
				replace_text: 'Voted',
			},
		});
		const recalled = await send('alice', sampleTextNotice());
		await call('/cgi-bin/message/recall', { msgid: recalled.msgid });

		const text = await page('?user=alice');
		const grey = articleOf(text, greyed.msgid);
		expect(grey).toContain('<button type="button" class="btn grey" disabled>Deployed by Alice</button>');
		expect(grey).not.toContain('data-key="deploy"');
		expect(grey).toContain('class="when updated">Updated 2026-01-02 03:04:05 UTC');
		// bob's copy was not updated.
		expect(articleOf(await page('?user=bob'), greyed.msgid)).toContain('data-key="deploy"');

		const vote = articleOf(text, replaced.msgid);
		expect(vote).toContain('<div class="title">Vote closed</div>');
		expect(vote).not.toContain('Team lunch</div>');
		expect(vote).toContain('<fieldset class="checkbox multiple" disabled>');
		expect(vote).toContain('class="btn grey" disabled>Voted</button>');
		expect(vote).toContain('Team lunch'); // the send record in the raw JSON keeps the original

		const gone = articleOf(text, recalled.msgid);
		expect(gone).toContain('class="when recalled">Recalled 2026-01-02 03:04:05 UTC');
		expect(gone).toContain('This message was recalled');
		expect(gone).toContain('card-wrap is-recalled');
	});

	it('escapes card text everywhere (no markup injection)', async () => {
		const evil = '<script>alert("x")</script>';
		const card = {
			...richCards.button(nextTask()),
			main_title: { title: evil, desc: `"><img src=x onerror=alert(1)>` },
			button_list: [{ text: "it's <b>", style: 1, key: `k"><script>alert(2)</script>` }],
		};
		const { msgid } = await send('alice', card);
		const text = await page(`?user=${encodeURIComponent('<i>x')}`);
		expect(text).toContain('&lt;i&gt;x');
		const shown = articleOf(await page('?user=alice'), msgid);
		expect(shown).toContain('<div class="title">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</div>');
		expect(shown).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
		expect(shown).toContain('data-key="k&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;">it&#39;s &lt;b&gt;</button>');
		const full = await page('?user=alice');
		expect(full.match(/<script/g)).toHaveLength(1);
		expect(full).not.toContain('<img src=x');
		expect(full).not.toContain('<b>');
	});

	it('escapes through the markup tag and passes trusted fragments through', () => {
		expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe(
			'&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;',
		);
		const inner = markup`<b>${'<i>'}</b>`;
		expect(markup`<p>${inner}${['<', inner]}${undefined}${null}${false}${0}</p>`.value).toBe(
			'<p><b>&lt;i&gt;</b>&lt;<b>&lt;i&gt;</b>0</p>',
		);
	});

	it('shows @all cards to every member', async () => {
		await send('@all', sampleTextNotice());
		const text = await page();
		expect(text).toContain('Cards of alice');
		expect(text).toContain('Build finished');
		expect(text).toContain('went to @all');
		const other = await page('?user=user0042');
		expect(other).toContain('Build finished');
		expect(other).toMatch(/class="current"[^>]*>user0042</);
	});

	it('serves a version that changes only when the view does, and the view fragment', async () => {
		const version = async (query = '?user=alice') =>
			((await callSandbox(demo.sandbox.url, `/sandbox/ui/version${query}`)).json as { version: string }).version;
		const empty = await version();
		expect(await version()).toBe(empty);
		const { msgid, responseCode } = await send('alice', sampleButtonInteraction(nextTask()));
		const afterSend = await version();
		expect(afterSend).not.toBe(empty);
		await call('/cgi-bin/message/update_template_card', {
			userids: ['alice'],
			agentid: DEMO_AGENT_ID,
			response_code: responseCode,
			button: { replace_name: 'Done' },
		});
		const afterUpdate = await version();
		expect(afterUpdate).not.toBe(afterSend);

		const { status, text } = await callSandbox(demo.sandbox.url, '/sandbox/ui/view?user=alice');
		expect(status).toBe(200);
		expect(text.startsWith(`<div id="view" data-version="${afterUpdate}" data-user="alice">`)).toBe(true);
		expect(text).toContain(`data-msgid="${msgid}"`);
		expect(text).not.toContain('<script');
		expect(await page('?user=alice')).toContain(`data-version="${afterUpdate}"`);
	});

	it('has a static mode for screenshots and keeps it in its links', async () => {
		await send('alice|bob', sampleTextNotice());
		const text = await page('?user=bob&static=1');
		expect(text).toContain('<body data-live="0">');
		expect(text).toContain('href="/?user=alice&amp;static=1"');
		expect(text).toContain('<input type="hidden" name="static" value="1">');
		expect(await page('?user=bob')).toContain('<body data-live="1">');
	});

	it('plays clicks through POST /sandbox/click and degrades when it is missing', async () => {
		const text = await page();
		expect(text).toContain("fetch('/sandbox/click'");
		expect(text).toContain('<div id="click-note" class="note" hidden>');
		// The script runs only in a browser; here it must at least parse.
		expect(() => new Function(CLIENT_SCRIPT)).not.toThrow();
	});

	it('shows text messages as a chat bubble', async () => {
		const { json } = await call('/cgi-bin/message/send', {
			touser: 'alice',
			msgtype: 'text',
			agentid: DEMO_AGENT_ID,
			text: { content: 'Plain <text>' },
		});
		expect(json.errcode).toBe(0);
		const shown = articleOf(await page('?user=alice'), json.msgid as string);
		expect(shown).toContain('<span class="type">text</span>');
		expect(shown).toContain('<div class="bubble">Plain &lt;text&gt;</div>');
	});

	it('shows group robot messages without their key', async () => {
		const { json } = await callSandbox(demo.sandbox.url, '/cgi-bin/webhook/send', {
			query: { key: DEMO_ROBOT_KEY },
			body: {
				msgtype: 'template_card',
				template_card: { ...sampleNewsNotice(), main_title: { title: 'From the robot' } },
			},
		});
		expect(json.errcode).toBe(0);
		const text = await page('?robot=1');
		expect(text).toContain('Group robot messages');
		expect(text).toContain('From the robot');
		expect(text).not.toContain(DEMO_ROBOT_KEY);
		expect(await page()).toMatch(/href="\/\?robot=1"[^>]*>Group robot<span class="count">1</);
	});

	it('rejects other methods and unknown page paths', async () => {
		expect((await callSandbox(demo.sandbox.url, '/', { method: 'POST', body: {} })).status).toBe(405);
		expect((await callSandbox(demo.sandbox.url, '/sandbox/ui/nope')).status).toBe(404);
		// The control API is untouched.
		expect((await callSandbox(demo.sandbox.url, '/sandbox/health')).json.ok).toBe(true);
	});
});
