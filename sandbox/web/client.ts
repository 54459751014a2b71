/**
 * The page's only script, inlined under a CSP nonce. Plain ES2020 for any current browser; it is
 * a string because the project compiles without DOM types.
 * - polls /sandbox/ui/version and swaps in /sandbox/ui/view when it changes (unchanged cards
 *   keep their open menus, raw JSON toggles and unsent choices);
 * - plays clicks through POST /sandbox/click; a 404 from the control API means the endpoint is
 *   missing, which is shown as a note instead of an error;
 * - link-like elements (data-open) only show their target.
 */
export const CLIENT_SCRIPT = String.raw`(() => {
	'use strict';
	const POLL_MS = 2000;
	const live = document.body.dataset.live === '1';
	const statusEl = document.getElementById('status');
	const toastEl = document.getElementById('toast');
	const noteEl = document.getElementById('click-note');
	let toastTimer;

	const view = () => document.getElementById('view');

	function toast(text, kind) {
		toastEl.textContent = text;
		toastEl.className = kind;
		toastEl.hidden = false;
		clearTimeout(toastTimer);
		toastTimer = setTimeout(() => { toastEl.hidden = true; }, 6000);
	}

	function setStatus(text, kind) {
		statusEl.textContent = text;
		statusEl.className = kind;
	}

	function patch(fresh) {
		const current = view();
		const before = new Map();
		current.querySelectorAll('article[data-card]').forEach((el) => before.set(el.dataset.card, el));
		fresh.querySelectorAll('article[data-card]').forEach((el) => {
			const old = before.get(el.dataset.card);
			if (old && old.dataset.rev === el.dataset.rev) el.replaceWith(old);
			else el.classList.add(old ? 'changed' : 'fresh');
		});
		current.replaceWith(fresh);
	}

	async function refresh() {
		const res = await fetch('/sandbox/ui/view' + location.search, { cache: 'no-store' });
		if (!res.ok) throw new Error('HTTP ' + res.status);
		const template = document.createElement('template');
		template.innerHTML = await res.text();
		const fresh = template.content.querySelector('#view');
		if (fresh) patch(fresh);
	}

	async function poll() {
		try {
			const res = await fetch('/sandbox/ui/version' + location.search, { cache: 'no-store' });
			const answer = await res.json();
			if (answer.version !== view().dataset.version) await refresh();
			setStatus('Live: checks for new cards every 2 s', 'live');
		} catch (error) {
			setStatus('Sandbox unreachable, retrying…', 'offline');
		}
		setTimeout(poll, POLL_MS);
	}

	/** SelectedItems as the callback carries them: one entry per question. */
	function collect(article) {
		const items = new Map();
		article.querySelectorAll('[data-question]').forEach((input) => {
			const key = input.dataset.question;
			if (!items.has(key)) items.set(key, []);
			if (input.tagName === 'SELECT' || input.checked) items.get(key).push(input.value);
		});
		return [...items].map(([questionKey, optionIds]) => ({ questionKey, optionIds }));
	}

	function clickFailure(res, answer) {
		// The control API's own 404 (or no JSON at all): the endpoint does not exist in this build.
		const routeMissing =
			res.status === 404 && (!answer || !answer.error || /unknown sandbox route/.test(answer.error));
		if (routeMissing) {
			noteEl.hidden = false;
			return 'Clicks are not available: this sandbox has no POST /sandbox/click.';
		}
		const detail = answer && (answer.error || answer.errmsg);
		return 'Click failed: ' + (detail || 'HTTP ' + res.status);
	}

	/** What the app made of the callback, from the click answer's delivery record. */
	function deliveryOutcome(answer) {
		const delivery = answer && answer.delivery;
		if (!delivery) return { text: 'callback sent to the app.', kind: 'ok' };
		const event = answer.event || 'event';
		if (delivery.delivered) return { text: event + ' delivered to the app.', kind: 'ok' };
		const attempts = delivery.attempts || [];
		const last = attempts[attempts.length - 1] || {};
		const why = last.error || (last.status ? 'HTTP ' + last.status : 'no answer');
		return { text: event + ' not acknowledged by the app (' + why + ', ' + attempts.length + ' attempt(s)).', kind: 'error' };
	}

	async function play(button) {
		const article = button.closest('article[data-msgid]');
		const userid = view().dataset.user;
		if (!article || !userid) return;
		const payload = { userid, msgid: article.dataset.msgid, eventKey: button.dataset.key };
		if (!button.hasAttribute('data-menu')) {
			const selected = collect(article);
			if (button.hasAttribute('data-submit') && selected.some((item) => item.optionIds.length === 0)) {
				return toast('Choose an option first.', 'error');
			}
			if (selected.length > 0) payload.selectedItems = selected;
		}
		const menu = button.closest('details');
		if (menu) menu.open = false;
		button.disabled = true;
		try {
			const res = await fetch('/sandbox/click', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(payload),
			});
			let answer;
			try { answer = JSON.parse(await res.text()); } catch (error) { answer = undefined; }
			if (!res.ok || (answer && answer.ok === false)) return toast(clickFailure(res, answer), 'error');
			const outcome = deliveryOutcome(answer);
			toast(userid + ' clicked "' + button.textContent.trim() + '" (' + payload.eventKey + '): ' + outcome.text, outcome.kind);
		} catch (error) {
			return toast('Click failed: ' + error.message, 'error');
		} finally {
			button.disabled = false;
		}
		// The app answers asynchronously (update_template_card); without polling, look twice.
		refresh().catch(() => {});
		if (!live) setTimeout(() => refresh().catch(() => {}), 1500);
	}

	document.addEventListener('click', (event) => {
		const target = event.target.closest('[data-key],[data-open]');
		if (!target || target.disabled) return;
		event.preventDefault();
		if (target.hasAttribute('data-key')) play(target);
		else toast(target.dataset.open, 'info');
	});

	if (live) {
		setStatus('Live: checks for new cards every 2 s', 'live');
		setTimeout(poll, POLL_MS);
	} else {
		setStatus('Static view: reload to update', 'static');
	}
})();`;
