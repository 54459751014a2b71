/**
 * One failing case per card rule, as data: a valid card (cardFixtures.ts) with one change
 * breaks exactly one rule, which the card schema reports at `path` with `message` (the node's
 * wording) and `errcode`. What WeCom documents for each rule is checked separately against the
 * hand-transcribed fixture in test/conformance. Used by the unit tests (cardRules.test.ts) and the engine's bad-input
 * suite (test/engine/badCards.test.ts).
 */
import type { CardType, CardVariant } from '../../nodes/WeCom/shared/card';
import { ascii, chinese, type Card } from './cardFixtures';

export interface RuleCase {
	/** The block or card type the rule belongs to (the describe block of cardRules.test.ts). */
	group: string;
	rule: string;
	cardType: CardType;
	variant: CardVariant;
	/** Breaks the rule on a valid card of `cardType` for `variant` (in place). */
	change: (card: Card) => void;
	/** Full field path of the one issue, e.g. `template_card.button_list[1].key`. */
	path: string;
	/** Part of the message. */
	message: string;
	/** What WeCom answers for the rule. */
	errcode: number;
}

type Row = [
	rule: string,
	cardType: CardType,
	variant: CardVariant,
	change: (card: Card) => void,
	path: string,
	message: string,
	errcode: number,
];

/** Rows of one group, with `path` given after `template_card`. */
function group(name: string, rows: Row[]): RuleCase[] {
	return rows.map(([rule, cardType, variant, change, path, message, errcode]) => ({
		group: name,
		rule,
		cardType,
		variant,
		change,
		path: `template_card${path}`,
		message,
		errcode,
	}));
}

const LINK_TYPES = 'must be 0 (none), 1 (URL) or 2 (mini-program)';

/** `n` dropdown options o0, o1, ... (select_list). */
export const selectOptions = (n: number, prefix = 'o') =>
	Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, text: `${i}` }));
/** A dropdown with two options (select_list entry). */
export const dropdown = (key: string) => ({ question_key: key, option_list: selectOptions(2) });
/** `n` text rows (horizontal_content_list). */
export const horizontalItems = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ keyname: `k${i}`, value: `v${i}` }));
/** `n` plain jump links (jump_list). */
export const jumpLinks = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `j${i}` }));

export const RULE_CASES: RuleCase[] = [
	// prettier-ignore
	...group('text_notice', [
		['card_action is required', 'text_notice', 'send', (c) => delete c.card_action, '.card_action', 'required on text_notice cards', 42045],
		['card_action.type is required', 'text_notice', 'send', (c) => delete c.card_action.type, '.card_action.type', 'required', 42045],
		['card_action.type 0 is not enough', 'text_notice', 'send', (c) => (c.card_action.type = 0), '.card_action.type', 'must be 1 (URL) or 2 (mini-program)', 42045],
		['card_action must be an object', 'text_notice', 'send', (c) => (c.card_action = 'https://x.example'), '.card_action', 'must be an object (got a string)', 42045],
		['main_title.title or sub_title_text', 'text_notice', 'send', (c) => { delete c.main_title.title; delete c.sub_title_text; }, '.main_title.title', 'required on text_notice cards unless sub_title_text is set', 42033],
		['an empty title does not count', 'text_notice', 'send', (c) => { c.main_title.title = ''; c.sub_title_text = ''; }, '.main_title.title', 'unless sub_title_text is set', 42033],
		['emphasis_content is an object', 'text_notice', 'send', (c) => (c.emphasis_content = '100'), '.emphasis_content', 'must be an object (got a string)', 40058],
		['emphasis_content takes title and desc only', 'text_notice', 'send', (c) => (c.emphasis_content.color = 'red'), '.emphasis_content.color', 'unknown field', 40058],
		['sub_title_text is a string', 'text_notice', 'send', (c) => (c.sub_title_text = 12), '.sub_title_text', 'must be a string (got a number)', 40058],
		['main_title.desc is a string', 'text_notice', 'send', (c) => (c.main_title.desc = null), '.main_title.desc', 'must be a string (got null)', 40058],
	]),
	// prettier-ignore
	...group('news_notice', [
		['main_title.title is required', 'news_notice', 'send', (c) => delete c.main_title.title, '.main_title.title', 'required on news_notice cards', 42033],
		['main_title is required', 'news_notice', 'send', (c) => delete c.main_title, '.main_title.title', 'required on news_notice cards', 42033],
		['card_action is required', 'news_notice', 'send', (c) => delete c.card_action, '.card_action', 'required on news_notice cards', 42045],
		['card_action.type 0 is not enough', 'news_notice', 'send', (c) => (c.card_action.type = 0), '.card_action.type', 'must be 1 (URL) or 2 (mini-program)', 42045],
		['card_image or image_text_area', 'news_notice', 'send', (c) => { delete c.card_image; delete c.image_text_area; }, '.card_image', 'required on news_notice cards unless image_text_area is set', 42044],
		['card_image on robots', 'news_notice', 'robot', (c) => delete c.card_image, '.card_image', 'required on news_notice cards sent by a group robot', 42044],
	]),
	// prettier-ignore
	...group('button_interaction', [
		['main_title.title is required', 'button_interaction', 'send', (c) => (c.main_title = {}), '.main_title.title', 'required on button_interaction cards', 42033],
		['button_list is required', 'button_interaction', 'send', (c) => delete c.button_list, '.button_list', 'required on button_interaction cards', 40058],
		['at least 1 button', 'button_interaction', 'send', (c) => (c.button_list = []), '.button_list', 'at least 1 button', 40058],
		['at most 6 buttons', 'button_interaction', 'send', (c) => (c.button_list = Array.from({ length: 7 }, (_, i) => ({ text: `b${i}`, key: `k${i}` }))), '.button_list', 'at most 6 buttons', 40058],
		['card_action.type is 0, 1 or 2', 'button_interaction', 'send', (c) => (c.card_action.type = 3), '.card_action.type', LINK_TYPES, 42045],
		['button text is required', 'button_interaction', 'send', (c) => delete c.button_list[1].text, '.button_list[1].text', 'required', 42038],
		['button text is not empty', 'button_interaction', 'send', (c) => (c.button_list[1].text = ''), '.button_list[1].text', 'must not be empty', 42038],
		['key required for type 0', 'button_interaction', 'send', (c) => { c.button_list[0].type = 0; delete c.button_list[0].key; }, '.button_list[0].key', 'required when type is 0 (callback)', 42039],
		['key required when type is absent', 'button_interaction', 'send', (c) => delete c.button_list[1].key, '.button_list[1].key', 'required when type is 0 (callback)', 42039],
		['key is not empty', 'button_interaction', 'send', (c) => (c.button_list[1].key = ''), '.button_list[1].key', 'must not be empty', 42039],
		['key at most 1024 bytes', 'button_interaction', 'send', (c) => (c.button_list[0].key = ascii(1025)), '.button_list[0].key', 'must be at most 1024 bytes in UTF-8 (got 1025)', 42039],
		['keys are unique', 'button_interaction', 'send', (c) => (c.button_list[1].key = 'BUTTONKEYONE'), '.button_list[1].key', 'duplicate key "BUTTONKEYONE" (keys must be unique)', 42039],
		['url required for type 1', 'button_interaction', 'send', (c) => delete c.button_list[2].url, '.button_list[2].url', 'required when type is 1 (URL)', 42028],
		['button type is 0 or 1', 'button_interaction', 'send', (c) => (c.button_list[0].type = 2), '.button_list[0].type', 'must be 0 (callback) or 1 (URL)', 40058],
		['button style is a number', 'button_interaction', 'send', (c) => (c.button_list[0].style = '1'), '.button_list[0].style', 'must be a number (got a string)', 40058],
	]),
	// prettier-ignore
	...group('button_selection', [
		['question_key is required', 'button_interaction', 'send', (c) => delete c.button_selection.question_key, '.button_selection.question_key', 'required', 42043],
		['question_key at most 1024 bytes', 'button_interaction', 'send', (c) => (c.button_selection.question_key = chinese(342)), '.button_selection.question_key', 'must be at most 1024 bytes in UTF-8 (got 1026)', 42043],
		['at least 1 option', 'button_interaction', 'send', (c) => { c.button_selection.option_list = []; delete c.button_selection.selected_id; }, '.button_selection.option_list', 'at least 1 option', 42037],
		['at most 10 options', 'button_interaction', 'send', (c) => (c.button_selection.option_list = Array.from({ length: 11 }, (_, i) => ({ id: i === 0 ? 'btn_selection_id1' : `o${i}`, text: `${i}` }))), '.button_selection.option_list', 'at most 10 options', 42037],
		['option_list is required', 'button_interaction', 'send', (c) => { delete c.button_selection.option_list; }, '.button_selection.option_list', 'required', 42037],
		['option id is required', 'button_interaction', 'send', (c) => delete c.button_selection.option_list[1].id, '.button_selection.option_list[1].id', 'required', 42040],
		['option id at most 128 bytes', 'button_interaction', 'send', (c) => (c.button_selection.option_list[1].id = ascii(129)), '.button_selection.option_list[1].id', 'must be at most 128 bytes in UTF-8 (got 129)', 42040],
		['option ids are unique', 'button_interaction', 'send', (c) => (c.button_selection.option_list[1].id = 'btn_selection_id1'), '.button_selection.option_list[1].id', 'duplicate id "btn_selection_id1"', 42040],
		['option text is required', 'button_interaction', 'send', (c) => delete c.button_selection.option_list[0].text, '.button_selection.option_list[0].text', 'required', 42041],
		['disable only in updates', 'button_interaction', 'send', (c) => (c.button_selection.disable = true), '.button_selection.disable', 'only allowed when updating a card', 40058],
	]),
	// prettier-ignore
	...group('vote_interaction (checkbox)', [
		['checkbox is required', 'vote_interaction', 'send', (c) => delete c.checkbox, '.checkbox', 'required on vote_interaction cards', 40058],
		['submit_button is required when sending', 'vote_interaction', 'send', (c) => delete c.submit_button, '.submit_button', 'required on vote_interaction cards', 40058],
		['main_title.title is required', 'vote_interaction', 'send', (c) => (c.main_title.title = ''), '.main_title.title', 'required on vote_interaction cards', 42033],
		['question_key is required', 'vote_interaction', 'send', (c) => delete c.checkbox.question_key, '.checkbox.question_key', 'required', 42043],
		['question_key at most 1024 bytes', 'vote_interaction', 'send', (c) => (c.checkbox.question_key = ascii(1025)), '.checkbox.question_key', 'got 1025', 42043],
		['mode is 0 or 1', 'vote_interaction', 'send', (c) => (c.checkbox.mode = 2), '.checkbox.mode', 'must be 0 (single choice) or 1 (multiple choice)', 40058],
		['at least 1 option', 'vote_interaction', 'send', (c) => (c.checkbox.option_list = []), '.checkbox.option_list', 'at least 1 option', 42037],
		['at most 20 options', 'vote_interaction', 'send', (c) => (c.checkbox.option_list = Array.from({ length: 21 }, (_, i) => ({ id: `o${i}`, text: `${i}`, is_checked: false }))), '.checkbox.option_list', 'at most 20 options', 42037],
		['option id is required', 'vote_interaction', 'send', (c) => delete c.checkbox.option_list[0].id, '.checkbox.option_list[0].id', 'required', 42040],
		['option id at most 128 bytes', 'vote_interaction', 'send', (c) => (c.checkbox.option_list[0].id = chinese(43)), '.checkbox.option_list[0].id', 'must be at most 128 bytes in UTF-8 (got 129)', 42040],
		['option ids are unique', 'vote_interaction', 'send', (c) => (c.checkbox.option_list[1].id = 'option_id1'), '.checkbox.option_list[1].id', 'duplicate id "option_id1"', 42040],
		['option text is required', 'vote_interaction', 'send', (c) => delete c.checkbox.option_list[1].text, '.checkbox.option_list[1].text', 'required', 42041],
		['is_checked is required', 'vote_interaction', 'send', (c) => delete c.checkbox.option_list[1].is_checked, '.checkbox.option_list[1].is_checked', 'required', 40058],
		['is_checked is a boolean', 'vote_interaction', 'send', (c) => (c.checkbox.option_list[1].is_checked = 1), '.checkbox.option_list[1].is_checked', 'must be true or false (got a number)', 40058],
		['disable only in updates', 'vote_interaction', 'send', (c) => (c.checkbox.disable = true), '.checkbox.disable', 'only allowed when updating a card', 40058],
	]),
	// prettier-ignore
	...group('multiple_interaction (select_list)', [
		['select_list is required', 'multiple_interaction', 'send', (c) => delete c.select_list, '.select_list', 'required on multiple_interaction cards', 42047],
		['submit_button is required when sending', 'multiple_interaction', 'send', (c) => delete c.submit_button, '.submit_button', 'required on multiple_interaction cards', 40058],
		['at least 1 dropdown', 'multiple_interaction', 'send', (c) => (c.select_list = []), '.select_list', 'at least 1 dropdown', 42047],
		['at most 3 dropdowns', 'multiple_interaction', 'send', (c) => (c.select_list = ['a', 'b', 'c', 'd'].map(dropdown)), '.select_list', 'at most 3 dropdowns', 42047],
		['select_list is a list', 'multiple_interaction', 'send', (c) => (c.select_list = dropdown('a')), '.select_list', 'must be a list (got an object)', 42047],
		['question_key is required', 'multiple_interaction', 'send', (c) => delete c.select_list[1].question_key, '.select_list[1].question_key', 'required', 42043],
		['question_keys are unique across the card', 'multiple_interaction', 'send', (c) => (c.select_list[1].question_key = 'question_key1'), '.select_list[1].question_key', 'duplicate question_key "question_key1"', 42043],
		['at least 1 option', 'multiple_interaction', 'send', (c) => { c.select_list[0].option_list = []; delete c.select_list[0].selected_id; }, '.select_list[0].option_list', 'at least 1 option', 42037],
		['at most 10 options', 'multiple_interaction', 'send', (c) => { c.select_list[0].option_list = selectOptions(11); delete c.select_list[0].selected_id; }, '.select_list[0].option_list', 'at most 10 options', 42037],
		['option id at most 128 bytes', 'multiple_interaction', 'send', (c) => (c.select_list[1].option_list[1].id = ascii(129)), '.select_list[1].option_list[1].id', 'got 129', 42040],
		['option ids are unique', 'multiple_interaction', 'send', (c) => (c.select_list[1].option_list[1].id = 'selection_id3'), '.select_list[1].option_list[1].id', 'duplicate id', 42040],
		['option text is required', 'multiple_interaction', 'send', (c) => delete c.select_list[0].option_list[1].text, '.select_list[0].option_list[1].text', 'required', 42041],
		['disable only in updates', 'multiple_interaction', 'send', (c) => (c.select_list[0].disable = true), '.select_list[0].disable', 'only allowed when updating a card', 40058],
	]),
	// prettier-ignore
	...group('submit_button', [
		['text is required', 'vote_interaction', 'send', (c) => delete c.submit_button.text, '.submit_button.text', 'required', 42049],
		['key is required', 'multiple_interaction', 'send', (c) => delete c.submit_button.key, '.submit_button.key', 'required', 42046],
		['key at most 1024 bytes', 'vote_interaction', 'send', (c) => (c.submit_button.key = chinese(342)), '.submit_button.key', 'must be at most 1024 bytes in UTF-8 (got 1026)', 42046],
		['text is checked in updates too', 'vote_interaction', 'update', (c) => (c.submit_button.text = ''), '.submit_button.text', 'must not be empty', 42049],
	]),
	// prettier-ignore
	...group('replace_text', [
		['only in updates', 'button_interaction', 'send', (c) => (c.replace_text = '已处理'), '.replace_text', 'only allowed when updating a card', 40058],
		['not on notices', 'news_notice', 'update', (c) => (c.replace_text = '已处理'), '.replace_text', 'not allowed on news_notice cards', 40058],
		['is a string', 'multiple_interaction', 'update', (c) => (c.replace_text = true), '.replace_text', 'must be a string (got a boolean)', 40058],
	]),
	// prettier-ignore
	...group('task_id', [
		['required on button cards', 'button_interaction', 'send', (c) => delete c.task_id, '.task_id', 'required on button_interaction cards', 42014],
		['required on vote cards', 'vote_interaction', 'send', (c) => delete c.task_id, '.task_id', 'required on vote_interaction cards', 42014],
		['required on multiple cards', 'multiple_interaction', 'send', (c) => delete c.task_id, '.task_id', 'required on multiple_interaction cards', 42014],
		['required on notices with action_menu', 'news_notice', 'send', (c) => (c.action_menu = { action_list: [{ text: 'a', key: 'a' }] }), '.task_id', 'required when action_menu is set', 42014],
		['charset', 'button_interaction', 'send', (c) => (c.task_id = 'task id'), '.task_id', 'must be 1 to 128 characters from A-Z, a-z, 0-9, _, - and @', 42014],
		['no Chinese', 'button_interaction', 'send', (c) => (c.task_id = '任务'), '.task_id', 'must be 1 to 128 characters', 42014],
		['at most 128 bytes', 'vote_interaction', 'send', (c) => (c.task_id = ascii(129)), '.task_id', 'must be 1 to 128 characters', 42014],
		['not empty', 'vote_interaction', 'send', (c) => (c.task_id = ''), '.task_id', 'must not be empty', 42014],
		['not in updates', 'vote_interaction', 'update', (c) => (c.task_id = 'task_id'), '.task_id', 'not allowed when updating a card', 40058],
		['not on robots', 'news_notice', 'robot', (c) => (c.task_id = 'task_id'), '.task_id', 'not allowed on group robot cards', 40058],
	]),
	// prettier-ignore
	...group('source', [
		['desc_color is 0 to 3', 'text_notice', 'send', (c) => (c.source.desc_color = 4), '.source.desc_color', 'must be 0 (grey), 1 (black), 2 (red) or 3 (green)', 40058],
		['icon_url is http(s)', 'news_notice', 'send', (c) => (c.source.icon_url = 'ftp://x.example/i.png'), '.source.icon_url', 'must start with http:// or https://', 45034],
		['desc_color not on vote cards', 'vote_interaction', 'send', (c) => (c.source.desc_color = 0), '.source.desc_color', 'not allowed on vote_interaction cards', 40058],
	]),
	// prettier-ignore
	...group('action_menu', [
		['action_list is required', 'text_notice', 'update', (c) => delete c.action_menu.action_list, '.action_menu.action_list', 'required', 40058],
		['at least 1 action', 'button_interaction', 'send', (c) => (c.action_menu.action_list = []), '.action_menu.action_list', 'at least 1 action', 40058],
		['at most 3 actions', 'button_interaction', 'send', (c) => (c.action_menu.action_list = ['a', 'b', 'c', 'd'].map((k) => ({ text: k, key: k }))), '.action_menu.action_list', 'at most 3 actions', 40058],
		['action text is required', 'button_interaction', 'send', (c) => delete c.action_menu.action_list[0].text, '.action_menu.action_list[0].text', 'required', 40058],
		['action key is required', 'button_interaction', 'send', (c) => delete c.action_menu.action_list[1].key, '.action_menu.action_list[1].key', 'required', 40058],
		['action key at most 1024 bytes', 'button_interaction', 'send', (c) => (c.action_menu.action_list[1].key = chinese(342)), '.action_menu.action_list[1].key', 'must be at most 1024 bytes in UTF-8 (got 1026)', 40058],
		['action keys are unique', 'button_interaction', 'send', (c) => (c.action_menu.action_list[1].key = 'action_key1'), '.action_menu.action_list[1].key', 'duplicate key "action_key1" (keys must be unique)', 42051],
	]),
	// prettier-ignore
	...group('quote_area', [
		['url for type 1', 'text_notice', 'send', (c) => delete c.quote_area.url, '.quote_area.url', 'required when type is 1 (URL)', 42028],
		['appid for type 2', 'news_notice', 'send', (c) => { c.quote_area.type = 2; delete c.quote_area.appid; }, '.quote_area.appid', 'required when type is 2 (mini-program)', 42030],
		['type is 0 to 2', 'button_interaction', 'send', (c) => (c.quote_area.type = 3), '.quote_area.type', LINK_TYPES, 40058],
		['url is http(s)', 'text_notice', 'send', (c) => (c.quote_area.url = 'work.weixin.qq.com'), '.quote_area.url', 'must start with http:// or https://', 45034],
	]),
	// prettier-ignore
	...group('horizontal_content_list', [
		['at most 6 items', 'text_notice', 'send', (c) => (c.horizontal_content_list = horizontalItems(7)), '.horizontal_content_list', 'at most 6 items', 42035],
		['keyname is required', 'news_notice', 'send', (c) => delete c.horizontal_content_list[0].keyname, '.horizontal_content_list[0].keyname', 'required', 42027],
		['keyname is not empty', 'news_notice', 'send', (c) => (c.horizontal_content_list[0].keyname = ''), '.horizontal_content_list[0].keyname', 'must not be empty', 42027],
		['url for type 1', 'button_interaction', 'send', (c) => delete c.horizontal_content_list[1].url, '.horizontal_content_list[1].url', 'required when type is 1 (URL)', 42028],
		['media_id for type 2', 'text_notice', 'send', (c) => delete c.horizontal_content_list[2].media_id, '.horizontal_content_list[2].media_id', 'required when type is 2 (attachment)', 42029],
		['userid for type 3', 'text_notice', 'send', (c) => delete c.horizontal_content_list[3].userid, '.horizontal_content_list[3].userid', 'required when type is 3 (member)', 42050],
		['userid is not empty', 'text_notice', 'robot', (c) => (c.horizontal_content_list[3].userid = ''), '.horizontal_content_list[3].userid', 'must not be empty', 42050],
		['type is 0 to 3', 'text_notice', 'send', (c) => (c.horizontal_content_list[0].type = 4), '.horizontal_content_list[0].type', 'must be 0 (text), 1 (URL), 2 (attachment) or 3 (member)', 40058],
		['is a list', 'text_notice', 'send', (c) => (c.horizontal_content_list = { keyname: 'a' }), '.horizontal_content_list', 'must be a list (got an object)', 42035],
	]),
	// prettier-ignore
	...group('jump_list', [
		['at most 3 jumps', 'text_notice', 'send', (c) => (c.jump_list = jumpLinks(4)), '.jump_list', 'at most 3 jumps', 42042],
		['title is required', 'news_notice', 'send', (c) => delete c.jump_list[1].title, '.jump_list[1].title', 'required', 42033],
		['url for type 1', 'text_notice', 'send', (c) => delete c.jump_list[0].url, '.jump_list[0].url', 'required when type is 1 (URL)', 42028],
		['appid for type 2', 'news_notice', 'robot', (c) => delete c.jump_list[1].appid, '.jump_list[1].appid', 'required when type is 2 (mini-program)', 42030],
		['type 3 is for AI bots only', 'text_notice', 'send', (c) => (c.jump_list[0].type = 3), '.jump_list[0].type', LINK_TYPES, 40058],
	]),
	// prettier-ignore
	...group('card_action', [
		['url for type 1', 'text_notice', 'send', (c) => delete c.card_action.url, '.card_action.url', 'required when type is 1 (URL)', 42028],
		['appid for type 2', 'news_notice', 'send', (c) => { c.card_action.type = 2; delete c.card_action.appid; }, '.card_action.appid', 'required when type is 2 (mini-program)', 42030],
		['type 0 is fine on button cards, type 4 is not', 'button_interaction', 'send', (c) => (c.card_action.type = 4), '.card_action.type', LINK_TYPES, 42045],
	]),
	// prettier-ignore
	...group('image_text_area, card_image, vertical_content_list', [
		['image_url is required', 'news_notice', 'send', (c) => delete c.image_text_area.image_url, '.image_text_area.image_url', 'required', 40058],
		['image_url is http(s)', 'news_notice', 'send', (c) => (c.image_text_area.image_url = '//img.example/x.png'), '.image_text_area.image_url', 'must start with http:// or https://', 45034],
		['image_text_area url for type 1', 'news_notice', 'send', (c) => delete c.image_text_area.url, '.image_text_area.url', 'required when type is 1 (URL)', 42028],
		['image_text_area appid for type 2', 'news_notice', 'send', (c) => (c.image_text_area.type = 2), '.image_text_area.appid', 'required when type is 2 (mini-program)', 42030],
		['card_image url is required', 'news_notice', 'send', (c) => delete c.card_image.url, '.card_image.url', 'required', 42044],
		['card_image url is not empty', 'news_notice', 'robot', (c) => (c.card_image.url = ''), '.card_image.url', 'must not be empty', 42044],
		['card_image is an object', 'news_notice', 'send', (c) => (c.card_image = 'https://x.example/i.png'), '.card_image', 'must be an object (got a string)', 42044],
		['aspect_ratio at most 2.25', 'news_notice', 'send', (c) => (c.card_image.aspect_ratio = 2.26), '.card_image.aspect_ratio', 'must be between 1.3 and 2.25', 40058],
		['aspect_ratio at least 1.3', 'news_notice', 'send', (c) => (c.card_image.aspect_ratio = 1.29), '.card_image.aspect_ratio', 'must be between 1.3 and 2.25', 40058],
		['aspect_ratio is a number', 'news_notice', 'send', (c) => (c.card_image.aspect_ratio = '1.5'), '.card_image.aspect_ratio', 'must be a number (got a string)', 40058],
		['at most 4 vertical items', 'news_notice', 'send', (c) => (c.vertical_content_list = Array.from({ length: 5 }, (_, i) => ({ title: `t${i}` }))), '.vertical_content_list', 'at most 4 items', 42036],
		['vertical title is required', 'news_notice', 'send', (c) => (c.vertical_content_list = [{ desc: 'no title' }]), '.vertical_content_list[0].title', 'required', 42033],
	]),
];
