import type { XmlInputObject } from './xmlWrite';
import { newResponseCode } from '../ids';
import type { SandboxState, SentMessage } from '../state';
import { fail } from './config';
import type { CallbackSelection, ClickAction } from './types';

type Card = Record<string, unknown>;
type Option = { id?: unknown; is_checked?: unknown };
type Question = { question_key?: unknown; option_list?: Option[]; selected_id?: unknown; mode?: unknown };

/** A click the sandbox accepted: what goes into the event XML, and the app to call back. */
export interface PreparedClick {
	event: 'template_card_event' | 'template_card_menu_event';
	corpId: string;
	agentId: number;
	userid: string;
	msgid: string;
	taskId?: string;
	cardType: string;
	eventKey: string;
	responseCode: string;
	selectedItems: CallbackSelection[];
}

function findMessage(state: SandboxState, action: ClickAction): SentMessage {
	if (action.msgid !== undefined) {
		const sent = state.sent.get(action.msgid);
		return sent ?? fail(`no message with msgid ${action.msgid}`);
	}
	if (action.taskId === undefined) return fail('click needs a taskId or a msgid');
	const matches = [...state.sent.values()].filter((sent) => sent.entry.task_id === action.taskId);
	if (matches.length === 0) return fail(`no card with task_id ${action.taskId}`);
	if (matches.length > 1) return fail(`task_id ${action.taskId} is used by several apps: give the msgid`);
	return matches[0];
}

/** The corp's spelling of a userid the message reached; WeCom compares userids case-insensitively. */
function recipient(state: SandboxState, sent: SentMessage, userid: string): string {
	const entry = sent.entry;
	const corp = state.corps.get(entry.corpId ?? '');
	const lower = userid.toLowerCase();
	const known = corp?.corp.users.find((u) => u.toLowerCase() === lower);
	if (!known) return fail(`${userid} is not a member of corp ${entry.corpId}`);
	const viaGroups = entry.toparty.length + entry.totag.length > 0;
	const reached = viaGroups || entry.touser.some((u) => u === '@all' || u.toLowerCase() === lower);
	if (!reached) return fail(`the card ${entry.msgid} was not sent to ${userid}`);
	if (entry.droppedFor?.includes(lower))
		return fail(`the card ${entry.msgid} was not delivered to ${userid} (per-member frequency limit)`);
	return known;
}

function clickableKeys(card: Card): { buttons: string[]; menu: string[] } {
	const keys = (list: unknown, isClickable: (item: Record<string, unknown>) => boolean = () => true) =>
		(Array.isArray(list) ? (list as Record<string, unknown>[]) : [])
			.filter(isClickable)
			.map((item) => String(item.key ?? ''))
			.filter((key) => key !== '');
	const submit = (card.submit_button as { key?: unknown } | undefined)?.key;
	// button_list entries with type 1 open a URL and never call back.
	const buttons = [...keys(card.button_list, (b) => Number(b.type ?? 0) !== 1), ...(submit ? [String(submit)] : [])];
	const menu = keys((card.action_menu as { action_list?: unknown } | undefined)?.action_list);
	return { buttons, menu };
}

function optionIds(question: Question): string[] {
	return (question.option_list ?? []).map((option) => String(option.id ?? ''));
}

function defaultSelection(question: Question, multiple: boolean): string[] {
	const checked = (question.option_list ?? []).filter((o) => o.is_checked === true).map((o) => String(o.id));
	if (checked.length > 0) return multiple ? checked : checked.slice(0, 1);
	if (question.selected_id !== undefined) return [String(question.selected_id)];
	const first = optionIds(question)[0];
	return first === undefined ? [] : [first];
}

/** The card's questions: checkbox (vote), select_list (multiple), button_selection (button). */
function questionsOf(card: Card): Array<{ question: Question; multiple: boolean }> {
	if (card.card_type === 'vote_interaction' && card.checkbox) {
		const checkbox = card.checkbox as Question;
		return [{ question: checkbox, multiple: Number(checkbox.mode ?? 0) === 1 }];
	}
	if (card.card_type === 'multiple_interaction') {
		return ((card.select_list as Question[] | undefined) ?? []).map((question) => ({ question, multiple: false }));
	}
	if (card.card_type === 'button_interaction' && card.button_selection) {
		return [{ question: card.button_selection as Question, multiple: false }];
	}
	return [];
}

/** The selection sent with a submit: what the caller chose (checked against the card) or the defaults. */
function selectionFor(card: Card, given: CallbackSelection[] = []): CallbackSelection[] {
	const questions = questionsOf(card);
	const asked = questions.map(({ question }) => String(question.question_key ?? ''));
	const stray = given.find((item) => !asked.includes(item.questionKey));
	if (stray) fail(`the card asks no question ${stray.questionKey}`);
	return questions.map(({ question, multiple }) => {
		const questionKey = String(question.question_key ?? '');
		const choice = given.find((item) => item.questionKey === questionKey);
		const chosen = choice ? choice.optionIds.map(String) : defaultSelection(question, multiple);
		const unknown = chosen.filter((id) => !optionIds(question).includes(id));
		if (unknown.length > 0) fail(`question ${questionKey} has no option ${unknown.join(', ')}`);
		if (chosen.length === 0) fail(`question ${questionKey} needs an answer`);
		if (!multiple && chosen.length > 1) fail(`question ${questionKey} takes one answer`);
		return { questionKey, optionIds: chosen };
	});
}

/**
 * Checks a click against what the member sees (the current card, after updates and recalls)
 * and issues a fresh ResponseCode for it, good for one update_template_card within 72 h.
 */
export function prepareClick(state: SandboxState, action: ClickAction): PreparedClick {
	if (typeof action.userid !== 'string' || action.userid === '') fail('click needs a userid');
	const sent = findMessage(state, action);
	const entry = sent.entry;
	if (entry.msgtype !== 'template_card') fail(`message ${entry.msgid} is not a template card`);
	const userid = recipient(state, sent, action.userid);
	const seen = state.cardsFor(userid).find((card) => card.msgid === entry.msgid);
	if (!seen || seen.recalled) return fail(`the card ${entry.msgid} was recalled`);
	const card = (seen.template_card ?? {}) as Card;
	const { buttons, menu } = clickableKeys(card);
	const eventKey = action.eventKey ?? buttons[0] ?? menu[0] ?? fail('the card has nothing that calls back');
	const isMenu = menu.includes(eventKey) && !buttons.includes(eventKey);
	if (!isMenu && !buttons.includes(eventKey)) {
		fail(
			`the card has no key ${eventKey} (buttons: ${buttons.join(', ') || 'none'}; menu: ${menu.join(', ') || 'none'})`,
		);
	}
	if (!isMenu && seen.replaceName !== undefined) {
		fail(`the buttons were already replaced by "${seen.replaceName}"`);
	}
	const responseCode = newResponseCode();
	state.responseCodes.set(responseCode, {
		msgid: entry.msgid ?? '',
		corpId: entry.corpId ?? '',
		agentId: entry.agentid ?? 0,
		issuedAt: state.now(),
		used: false,
	});
	return {
		event: isMenu ? 'template_card_menu_event' : 'template_card_event',
		corpId: entry.corpId ?? '',
		agentId: entry.agentid ?? 0,
		userid,
		msgid: entry.msgid ?? '',
		taskId: typeof card.task_id === 'string' ? card.task_id : entry.task_id,
		cardType: String(card.card_type ?? ''),
		eventKey,
		responseCode,
		selectedItems: isMenu ? [] : selectionFor(card, action.selectedItems),
	};
}

/** The decrypted event as WeCom documents it (element order included). */
export function clickXml(click: PreparedClick, createTime: number): XmlInputObject {
	return {
		ToUserName: click.corpId,
		FromUserName: click.userid,
		CreateTime: createTime,
		MsgType: 'event',
		Event: click.event,
		EventKey: click.eventKey,
		TaskId: click.taskId ?? '',
		CardType: click.cardType,
		ResponseCode: click.responseCode,
		AgentID: click.agentId,
		SelectedItems:
			click.selectedItems.length === 0
				? undefined
				: {
						SelectedItem: click.selectedItems.map((item) => ({
							QuestionKey: item.questionKey,
							OptionIds: { OptionId: item.optionIds },
						})),
					},
	};
}
