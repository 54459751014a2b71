/**
 * The interactive blocks: action menu, dropdowns, buttons, vote options and the submit button.
 * Elements with data-key play the user's click through POST /sandbox/click (client.ts);
 * inputs with data-question are collected into SelectedItems.
 */
import { markup } from './html';
import type { SafeHtml } from './html';
import { bool, int, list, obj, str } from './read';
import type { Fields } from './read';
import { targetAttrs } from './targets';

export interface InputState {
	/** A recalled card takes no clicks at all. */
	recalled: boolean;
	/** From a button-mode update: every button becomes one grey button with this label. */
	replaceName?: string;
	/** Unique per card and page, for radio-group names. */
	cardKey: string;
}

const nothing = markup``;
const disabledIf = (disabled: boolean): SafeHtml => (disabled ? markup` disabled` : nothing);

/** The "…" menu in the top-right corner; its items send template_card_menu_event. */
export function renderActionMenu(card: Fields, state: InputState): SafeHtml {
	const menu = obj(card.action_menu);
	if (!menu) return nothing;
	const desc = str(menu.desc);
	const descLine = desc ? markup`<div class="menu-desc">${desc}</div>` : nothing;
	const items = list(menu.action_list).map(
		(item) =>
			markup`<button type="button" class="menu-item" data-key="${str(item.key) ?? ''}" data-menu${disabledIf(
				state.recalled,
			)}>${str(item.text) ?? ''}</button>`,
	);
	return markup`<details class="menu"><summary title="More actions" aria-label="More actions">…</summary><div class="menu-sheet">${descLine}${items}</div></details>`;
}

function options(items: Fields[], selectedId: string | undefined): SafeHtml[] {
	// WeCom falls back to the first option when selected_id is absent or unknown.
	const known = items.some((item) => str(item.id) === selectedId);
	const selected = known ? selectedId : str(items[0]?.id);
	return items.map((item) => {
		const id = str(item.id) ?? '';
		const mark = id === selected ? markup` selected` : nothing;
		return markup`<option value="${id}"${mark}>${str(item.text) ?? ''}</option>`;
	});
}

function dropdown(block: Fields, className: string, state: InputState): SafeHtml {
	const title = str(block.title);
	const label = title ? markup`<span class="select-title">${title}</span>` : nothing;
	const question = str(block.question_key) ?? '';
	const disabled = disabledIf(state.recalled || bool(block.disable));
	const choices = options(list(block.option_list), str(block.selected_id));
	return markup`<label class="${className}">${label}<select data-question="${question}"${disabled}>${choices}</select></label>`;
}

/** button_interaction's single dropdown; its choice travels with every button click. */
export function renderButtonSelection(card: Fields, state: InputState): SafeHtml {
	const selection = obj(card.button_selection);
	return selection ? dropdown(selection, 'button-selection', state) : nothing;
}

export function renderSelectList(card: Fields, state: InputState): SafeHtml {
	const selects = list(card.select_list);
	if (selects.length === 0) return nothing;
	const dropdowns = selects.map((block) => dropdown(block, 'select', state));
	return markup`<div class="select-list">${dropdowns}</div>`;
}

/** vote_interaction's options: radio buttons (mode 0) or checkboxes (mode 1). */
export function renderCheckbox(card: Fields, state: InputState): SafeHtml {
	const checkbox = obj(card.checkbox);
	if (!checkbox) return nothing;
	const multiple = int(checkbox.mode) === 1;
	const question = str(checkbox.question_key) ?? '';
	const type = multiple ? 'checkbox' : 'radio';
	const disabled = disabledIf(state.recalled || bool(checkbox.disable));
	const choices = list(checkbox.option_list).map((option) => {
		const checked = bool(option.is_checked) ? markup` checked` : nothing;
		return markup`<label class="option"><input type="${type}" name="${state.cardKey}/${question}" value="${
			str(option.id) ?? ''
		}" data-question="${question}"${checked}><span>${str(option.text) ?? ''}</span></label>`;
	});
	const legend = multiple ? 'Multiple choice' : 'Single choice';
	return markup`<fieldset class="checkbox${multiple ? ' multiple' : ''}"${disabled}><legend>${legend}</legend>${choices}</fieldset>`;
}

/** Styles 1–4 are documented only as a picture; these classes approximate it (1 is the default). */
function buttonStyle(value: unknown): number {
	const style = int(value, 1);
	return style >= 1 && style <= 4 ? style : 1;
}

function buttonRow(buttons: SafeHtml | SafeHtml[]): SafeHtml {
	return markup`<div class="buttons">${buttons}</div>`;
}

function listButton(button: Fields, disabled: SafeHtml): SafeHtml {
	const className = `btn style-${buttonStyle(button.style)}`;
	const text = str(button.text) ?? '';
	if (int(button.type) === 1) {
		const target = `Opens ${str(button.url) ?? '(no url)'}`;
		return markup`<button type="button" class="${className} url"${targetAttrs(target)}${disabled}>${text}</button>`;
	}
	const key = str(button.key) ?? '';
	return markup`<button type="button" class="${className}" data-key="${key}"${disabled}>${text}</button>`;
}

/**
 * The bottom buttons: button_list or submit_button, unless an update greyed them out
 * (button.replace_name, or replace_text in a replacement card).
 */
export function renderButtons(card: Fields, state: InputState): SafeHtml {
	const replacement = state.replaceName ?? (str(card.replace_text) || undefined);
	if (replacement !== undefined)
		return buttonRow(markup`<button type="button" class="btn grey" disabled>${replacement}</button>`);
	const disabled = disabledIf(state.recalled);
	const submit = obj(card.submit_button);
	if (submit) {
		const key = str(submit.key) ?? '';
		const text = str(submit.text) || 'Submit';
		return buttonRow(
			markup`<button type="button" class="btn style-1 submit" data-key="${key}" data-submit${disabled}>${text}</button>`,
		);
	}
	const buttons = list(card.button_list);
	return buttons.length ? buttonRow(buttons.map((button) => listButton(button, disabled))) : nothing;
}
