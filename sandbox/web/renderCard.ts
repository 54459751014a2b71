/**
 * One delivered message as the page shows it: a meta line, the card laid out as WeCom does
 * (or a text bubble), its ids, and a raw JSON toggle.
 */
import { createHash } from 'node:crypto';
import { markup } from './html';
import type { SafeHtml } from './html';
import { formatTime, obj, str } from './read';
import type { Fields } from './read';
import {
	renderCardAction,
	renderCardImage,
	renderEmphasis,
	renderHorizontalList,
	renderImageTextArea,
	renderJumpList,
	renderMainTitle,
	renderQuote,
	renderSource,
	renderSubTitle,
	renderVerticalList,
} from './renderBlocks';
import type { RenderOptions } from './renderBlocks';
import {
	renderActionMenu,
	renderButtonSelection,
	renderButtons,
	renderCheckbox,
	renderSelectList,
} from './renderInputs';
import type { InputState } from './renderInputs';

export type { RenderOptions } from './renderBlocks';

/** What the page knows about one message, whichever log it came from. */
export interface ShownMessage {
	/** Unique on the page: the msgid for app messages, 'robot-<id>' for robot ones. */
	key: string;
	/** App messages only: what /sandbox/click identifies the card by. */
	msgid?: string;
	msgtype: string;
	/** The current card: the sent one or its replacement. */
	template_card?: unknown;
	/** text / markdown content. */
	text?: string;
	taskId?: string;
	responseCode?: string;
	deliveredAt?: number;
	updatedAt?: number;
	recalled: boolean;
	recalledAt?: number;
	replaceName?: string;
	/** Shown by the raw JSON toggle. */
	raw: { current: unknown; sendRecord?: unknown };
}

const nothing = markup``;

function renderTemplateCard(card: Fields, message: ShownMessage, options: RenderOptions): SafeHtml {
	const inputs: InputState = {
		recalled: message.recalled,
		replaceName: message.replaceName,
		cardKey: message.key,
	};
	const source = renderSource(card, options);
	const menu = renderActionMenu(card, inputs);
	const top = source.value || menu.value ? markup`<div class="card-top">${source}${menu}</div>` : nothing;
	// Block order follows WeCom's layout: header, content, links, then the interactive part.
	const blocks = [
		top,
		renderMainTitle(card),
		renderEmphasis(card),
		renderQuote(card),
		renderSubTitle(card),
		renderImageTextArea(card, options),
		renderCardImage(card, options),
		renderVerticalList(card),
		renderHorizontalList(card),
		renderJumpList(card),
		renderCardAction(card),
		renderButtonSelection(card, inputs),
		renderCheckbox(card, inputs),
		renderSelectList(card, inputs),
		renderButtons(card, inputs),
	];
	return markup`<div class="card">${blocks}</div>`;
}

function renderBody(message: ShownMessage, options: RenderOptions): SafeHtml {
	const card = obj(message.template_card);
	if (card) return renderTemplateCard(card, message, options);
	return markup`<div class="bubble">${message.text ?? `(${message.msgtype} message)`}</div>`;
}

function renderMeta(message: ShownMessage, cardType: string | undefined): SafeHtml {
	const when = (label: string, ms: number | undefined, className: string) =>
		ms === undefined ? nothing : markup`<span class="when ${className}">${label} ${formatTime(ms)}</span>`;
	const recalled = message.recalled
		? markup`<span class="when recalled">Recalled ${formatTime(message.recalledAt)}</span>`
		: nothing;
	return markup`<div class="meta"><span class="type">${cardType ?? message.msgtype}</span>${when(
		'Delivered',
		message.deliveredAt,
		'delivered',
	)}${when('Updated', message.updatedAt, 'updated')}${recalled}</div>`;
}

function renderIds(message: ShownMessage): SafeHtml {
	const rows: [string, string | undefined][] = [
		['msgid', message.msgid],
		['task_id', message.taskId],
		['response_code', message.responseCode],
	];
	const shown = rows.filter(([, value]) => value);
	if (shown.length === 0) return nothing;
	const items = shown.map(([name, value]) => markup`<div><dt>${name}</dt><dd>${value}</dd></div>`);
	return markup`<dl class="ids">${items}</dl>`;
}

function renderRaw(message: ShownMessage): SafeHtml {
	const json = (value: unknown) => JSON.stringify(value, null, 2);
	const { current, sendRecord } = message.raw;
	const record =
		sendRecord === undefined ? nothing : markup`<div class="raw-label">Send record</div><pre>${json(sendRecord)}</pre>`;
	return markup`<details class="raw"><summary>Raw JSON</summary><div class="raw-label">What the user sees now</div><pre>${json(
		current,
	)}</pre>${record}</details>`;
}

/** data-rev changes whenever anything shown changes: the live refresh swaps only those cards. */
export function renderMessage(message: ShownMessage, options: RenderOptions): SafeHtml {
	const cardType = str(obj(message.template_card)?.card_type);
	const recalledNote = message.recalled
		? markup`<div class="recalled-note">This message was recalled; WeCom no longer shows it.</div>`
		: nothing;
	const wrapClass = message.recalled ? 'card-wrap is-recalled' : 'card-wrap';
	const inner = markup`${renderMeta(message, cardType)}${recalledNote}<div class="${wrapClass}">${renderBody(
		message,
		options,
	)}</div>${renderIds(message)}${renderRaw(message)}`;
	const rev = createHash('sha1').update(inner.value).digest('hex').slice(0, 12);
	const msgid = message.msgid ? markup` data-msgid="${message.msgid}"` : nothing;
	return markup`<article class="message" data-card="${message.key}" data-rev="${rev}"${msgid}>${inner}</article>`;
}
