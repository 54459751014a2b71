/**
 * Bad cards built with the card form: a valid form of each card type with one change the form
 * can express (too many rows, jumps, buttons or options, a URL link without its URL, a callback
 * without its key, ...). Parameter names as in descriptions/card/*.ts.
 */
import { NodeHelpers, type IDataObject, type IExecuteFunctions, type INode, type INodeParameters } from 'n8n-workflow';

import { checkTemplateCard, formatCardIssue, type CardType, type CardVariant } from '../../nodes/WeCom/shared/card';
import { cardFormFields } from '../../nodes/WeCom/TemplateCard/descriptions/cardForm';
import { cardFromForm } from '../../nodes/WeCom/TemplateCard/helpers/cardFromForm';
import { asSentByNode } from './badCardCorpus';

export interface BadForm {
	name: string;
	/** send, update or robot: the operation, and the card variant it checks. */
	operation: CardVariant;
	cardType: CardType;
	/** The card form's parameters (cardType and the card fields only). */
	form: INodeParameters;
	/** Field path the error must name, and part of its rule. */
	path: string;
	message: string;
}

const SITE = 'https://example.com/page';
const IMAGE = 'https://example.com/image.png';

const rows = (n: number, row: IDataObject = {}) => ({
	items: Array.from({ length: n }, (_, i) => ({ type: 0, keyname: `Key ${i}`, value: `Value ${i}`, ...row })),
});
const jumps = (n: number) => ({
	items: Array.from({ length: n }, (_, i) => ({ type: 1, title: `Link ${i}`, url: SITE })),
});
const buttons = (n: number) => ({
	buttons: Array.from({ length: n }, (_, i) => ({ type: 0, text: `Button ${i}`, style: 1, key: `button_${i}` })),
});
const options = (n: number) => ({
	options: Array.from({ length: n }, (_, i) => ({ id: `option_${i}`, text: `Option ${i}` })),
});
const choices = (n: number) => ({
	options: Array.from({ length: n }, (_, i) => ({ id: `choice_${i}`, text: `Choice ${i}`, is_checked: false })),
});
const dropdowns = (n: number) => ({
	selects: Array.from({ length: n }, (_, i) => ({
		question_key: `question_${i}`,
		title: `Dropdown ${i}`,
		option_list: options(2),
	})),
});
const menu = (n: number) => ({
	menu: {
		action_list: { actions: Array.from({ length: n }, (_, i) => ({ text: `Action ${i}`, key: `action_${i}` })) },
	},
});

/** A valid form of each card type; the node generates the task_id where one is needed. */
export const VALID_FORMS: Record<CardType, INodeParameters> = {
	text_notice: {
		cardType: 'text_notice',
		title: 'Deploy finished',
		subTitleText: 'production, version 1.4.2',
		cardActionType: 1,
		cardActionUrl: SITE,
		horizontalContentList: rows(2),
		jumpList: jumps(1),
	},
	news_notice: {
		cardType: 'news_notice',
		title: 'Release 2.0',
		cardActionType: 1,
		cardActionUrl: SITE,
		cardImage: { image: { url: IMAGE, aspect_ratio: 2 } },
		verticalContentList: { items: [{ title: 'New', desc: 'Dark mode' }] },
	},
	button_interaction: {
		cardType: 'button_interaction',
		title: 'Expense claim',
		buttonList: {
			buttons: [
				{ type: 0, text: 'Approve', style: 1, key: 'approve' },
				{ type: 1, text: 'Details', style: 2, url: SITE },
			],
		},
	},
	vote_interaction: {
		cardType: 'vote_interaction',
		title: 'Team lunch',
		checkboxQuestionKey: 'lunch',
		checkboxMode: 1,
		checkboxOptions: choices(2),
		submitButtonText: 'Vote',
		submitButtonKey: 'vote_lunch',
	},
	multiple_interaction: {
		cardType: 'multiple_interaction',
		title: 'Book a meeting room',
		selectList: dropdowns(2),
		submitButtonText: 'Book',
		submitButtonKey: 'book_room',
	},
};

type Row = [name: string, cardType: CardType, change: INodeParameters, path: string, message: string];

function forms(operation: CardVariant, table: Row[]): BadForm[] {
	return table.map(([name, cardType, change, path, message]) => ({
		name: `${cardType}/${operation}: ${name}`,
		operation,
		cardType,
		form: { ...VALID_FORMS[cardType], ...change },
		path: `template_card${path}`,
		message,
	}));
}

const REQUIRED_URL = 'required when type is 1 (URL)';
const REQUIRED_APPID = 'required when type is 2 (mini-program)';

// prettier-ignore
export const BAD_FORMS: BadForm[] = [
	...forms('send', [
		['7 key/value rows', 'text_notice', { horizontalContentList: rows(7) }, '.horizontal_content_list', 'at most 6 items'],
		['4 jump links', 'text_notice', { jumpList: jumps(4) }, '.jump_list', 'at most 3 jumps'],
		['URL jump link without URL', 'text_notice', { jumpList: { items: [{ type: 1, title: 'Open' }] } }, '.jump_list[0].url', REQUIRED_URL],
		['mini-program jump link without appid', 'news_notice', { jumpList: { items: [{ type: 1, title: 'A', url: SITE }, { type: 2, title: 'B' }] } }, '.jump_list[1].appid', REQUIRED_APPID],
		['card click opens a URL without URL', 'text_notice', { cardActionUrl: '' }, '.card_action.url', REQUIRED_URL],
		['card click opens a mini-program without appid', 'news_notice', { cardActionType: 2 }, '.card_action.appid', REQUIRED_APPID],
		['button card click opens a URL without URL', 'button_interaction', { cardActionType: 1 }, '.card_action.url', REQUIRED_URL],
		['URL row without URL', 'text_notice', { horizontalContentList: rows(1, { type: 1 }) }, '.horizontal_content_list[0].url', REQUIRED_URL],
		['attachment row without media ID', 'news_notice', { horizontalContentList: rows(1, { type: 2 }) }, '.horizontal_content_list[0].media_id', 'required when type is 2 (attachment)'],
		['member row without user ID', 'button_interaction', { horizontalContentList: rows(1, { type: 3 }) }, '.horizontal_content_list[0].userid', 'required when type is 3 (member)'],
		['row without key', 'text_notice', { horizontalContentList: { items: [{ type: 0, value: 'no key' }] } }, '.horizontal_content_list[0].keyname', 'required'],
		['no title and no body text', 'text_notice', { title: '', subTitleText: '' }, '.main_title.title', 'unless sub_title_text is set'],
		['no title', 'news_notice', { title: '' }, '.main_title.title', 'required on news_notice cards'],
		['URL quote without URL', 'text_notice', { additionalBlocks: { quoteArea: { quote: { type: 1, quote_text: 'Quoted' } } } }, '.quote_area.url', REQUIRED_URL],
		['mini-program quote without appid', 'button_interaction', { additionalBlocks: { quoteArea: { quote: { type: 2, quote_text: 'Quoted' } } } }, '.quote_area.appid', REQUIRED_APPID],
		['no card image and no image text area', 'news_notice', { cardImage: {} }, '.card_image', 'unless image_text_area is set'],
		['image text area without image', 'news_notice', { imageTextArea: { area: { type: 0, title: 'Highlights' } } }, '.image_text_area.image_url', 'required'],
		['URL image text area without URL', 'news_notice', { imageTextArea: { area: { type: 1, image_url: IMAGE } } }, '.image_text_area.url', REQUIRED_URL],
		['aspect ratio 2.5', 'news_notice', { cardImage: { image: { url: IMAGE, aspect_ratio: 2.5 } } }, '.card_image.aspect_ratio', 'must be between 1.3 and 2.25'],
		['5 text rows', 'news_notice', { verticalContentList: { items: [1, 2, 3, 4, 5].map((i) => ({ title: `Row ${i}` })) } }, '.vertical_content_list', 'at most 4 items'],
		['source icon over FTP', 'text_notice', { additionalBlocks: { source: { source: { icon_url: 'ftp://example.com/icon.png', desc: 'CI' } } } }, '.source.icon_url', 'must start with http:// or https://'],
		['task ID with a space', 'text_notice', { additionalBlocks: { taskId: 'task 1' } }, '.task_id', 'must be 1 to 128 characters'],
		['7 buttons', 'button_interaction', { buttonList: buttons(7) }, '.button_list', 'at most 6 buttons'],
		['no buttons', 'button_interaction', { buttonList: {} }, '.button_list', 'required on button_interaction cards'],
		['callback button without key', 'button_interaction', { buttonList: { buttons: [{ type: 0, text: 'Approve', style: 1 }] } }, '.button_list[0].key', 'required when type is 0 (callback)'],
		['URL button without URL', 'button_interaction', { buttonList: { buttons: [{ type: 0, text: 'A', key: 'a' }, { type: 1, text: 'Open', style: 1 }] } }, '.button_list[1].url', REQUIRED_URL],
		['button without text', 'button_interaction', { buttonList: { buttons: [{ type: 0, style: 1, key: 'a' }] } }, '.button_list[0].text', 'required'],
		['two buttons with one key', 'button_interaction', { buttonList: { buttons: [{ type: 0, text: 'A', key: 'same' }, { type: 0, text: 'B', key: 'same' }] } }, '.button_list[1].key', 'duplicate key "same"'],
		['4 menu items', 'button_interaction', { additionalBlocks: { actionMenu: menu(4) } }, '.action_menu.action_list', 'at most 3 actions'],
		['menu item without key', 'text_notice', { additionalBlocks: { actionMenu: { menu: { action_list: { actions: [{ text: 'Mute' }] } } } } }, '.action_menu.action_list[0].key', 'required'],
		['dropdown with 11 options', 'button_interaction', { buttonSelection: { selection: { question_key: 'q', option_list: options(11) } } }, '.button_selection.option_list', 'at most 10 options'],
		['dropdown without question key', 'button_interaction', { buttonSelection: { selection: { option_list: options(2) } } }, '.button_selection.question_key', 'required'],
		['21 choices', 'vote_interaction', { checkboxOptions: choices(21) }, '.checkbox.option_list', 'at most 20 options'],
		['no question key', 'vote_interaction', { checkboxQuestionKey: '' }, '.checkbox.question_key', 'required'],
		['two choices with one ID', 'vote_interaction', { checkboxOptions: { options: [{ id: 'a', text: 'A' }, { id: 'a', text: 'B' }] } }, '.checkbox.option_list[1].id', 'duplicate id "a"'],
		['no submit button key', 'vote_interaction', { submitButtonKey: '' }, '.submit_button.key', 'required'],
		['4 dropdowns', 'multiple_interaction', { selectList: dropdowns(4) }, '.select_list', 'at most 3 dropdowns'],
		['no dropdowns', 'multiple_interaction', { selectList: {} }, '.select_list', 'required on multiple_interaction cards'],
		['two dropdowns with one question key', 'multiple_interaction', { selectList: { selects: [0, 1].map(() => ({ question_key: 'q', option_list: options(1) })) } }, '.select_list[1].question_key', 'duplicate question_key "q"'],
		['option without text', 'multiple_interaction', { selectList: { selects: [{ question_key: 'q', option_list: { options: [{ id: 'a' }] } }] } }, '.select_list[0].option_list[0].text', 'required'],
		['no submit button text', 'multiple_interaction', { submitButtonText: '' }, '.submit_button.text', 'required'],
	]),
	...forms('update', [
		['7 buttons', 'button_interaction', { buttonList: buttons(7) }, '.button_list', 'at most 6 buttons'],
		['callback button without key', 'button_interaction', { buttonList: { buttons: [{ type: 0, text: 'Done', style: 1 }] } }, '.button_list[0].key', 'required when type is 0 (callback)'],
		['21 choices', 'vote_interaction', { checkboxOptions: choices(21) }, '.checkbox.option_list', 'at most 20 options'],
		['4 dropdowns', 'multiple_interaction', { selectList: dropdowns(4) }, '.select_list', 'at most 3 dropdowns'],
		['4 menu items', 'text_notice', { additionalBlocks: { actionMenu: menu(4) } }, '.action_menu.action_list', 'at most 3 actions'],
		['4 jump links', 'news_notice', { jumpList: jumps(4) }, '.jump_list', 'at most 3 jumps'],
		['card click opens a URL without URL', 'text_notice', { cardActionUrl: '' }, '.card_action.url', REQUIRED_URL],
		['7 key/value rows', 'button_interaction', { horizontalContentList: rows(7) }, '.horizontal_content_list', 'at most 6 items'],
	]),
	...forms('robot', [
		['7 key/value rows', 'text_notice', { horizontalContentList: rows(7) }, '.horizontal_content_list', 'at most 6 items'],
		['member row without user ID', 'text_notice', { horizontalContentList: rows(1, { type: 3 }) }, '.horizontal_content_list[0].userid', 'required when type is 3 (member)'],
		['URL jump link without URL', 'text_notice', { jumpList: { items: [{ type: 1, title: 'Open' }] } }, '.jump_list[0].url', REQUIRED_URL],
		['no title and no body text', 'text_notice', { title: '', subTitleText: '' }, '.main_title.title', 'unless sub_title_text is set'],
		['4 jump links', 'news_notice', { jumpList: jumps(4) }, '.jump_list', 'at most 3 jumps'],
		['card click opens a URL without URL', 'news_notice', { cardActionUrl: '' }, '.card_action.url', REQUIRED_URL],
		['image text area but no card image', 'news_notice', { cardImage: {}, imageTextArea: { area: { type: 0, image_url: IMAGE } } }, '.card_image', 'sent by a group robot'],
		['aspect ratio 1.2', 'news_notice', { cardImage: { image: { url: IMAGE, aspect_ratio: 1.2 } } }, '.card_image.aspect_ratio', 'must be between 1.3 and 2.25'],
	]),
];

const NODE = { id: 'form', name: 'Card', type: 'card', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

/**
 * The issues of the card a form makes, without the engine: n8n's parameter resolution (defaults
 * filled in, hidden fields dropped), the form mapping and, for a send, the generated task_id.
 */
export function formCardIssues(form: INodeParameters, operation: CardVariant): string[] {
	const fields = cardFormFields(operation);
	const resolved = NodeHelpers.getNodeParameters(fields, form, true, false, NODE, null) as IDataObject;
	const getNodeParameter = ((name: string, _itemIndex: number, fallback: unknown) =>
		resolved[name] ?? fallback) as IExecuteFunctions['getNodeParameter'];
	const card = cardFromForm({ getNodeParameter }, 0, operation);
	const result = checkTemplateCard(operation === 'send' ? asSentByNode(card) : card, operation);
	return result.ok ? [] : result.issues.map(formatCardIssue);
}
