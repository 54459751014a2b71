/**
 * The card form: cardFromForm() maps form parameters to WeCom's template_card, and the schema
 * (checkTemplateCard) accepts the result. Pure: getNodeParameter is faked from a plain object.
 */
import {
	NodeHelpers,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeParameters,
	type INodeProperties,
} from 'n8n-workflow';

import { checkTemplateCard, formatCardIssue, type CardVariant } from '../../nodes/WeCom/shared/card';
import { cardFormFields } from '../../nodes/WeCom/TemplateCard/descriptions/cardForm';
import { FORM_DEFAULTS } from '../../nodes/WeCom/TemplateCard/descriptions/card/layout';
import { cardFromForm } from '../../nodes/WeCom/TemplateCard/helpers/cardFromForm';
import { compact } from '../../nodes/WeCom/TemplateCard/helpers/compact';

const SITE = 'https://example.com/page';
const ICON = 'https://example.com/icon.png';
const IMAGE = 'https://example.com/image.png';

/** A getNodeParameter that answers from `params` and records what was read. */
function fakeContext(params: IDataObject) {
	const read: string[] = [];
	const getNodeParameter = ((name: string, _itemIndex: number, fallback?: unknown) => {
		read.push(name);
		return name in params ? params[name] : fallback;
	}) as IExecuteFunctions['getNodeParameter'];
	return { ctx: { getNodeParameter }, read };
}

function mapForm(params: IDataObject, variant: CardVariant): IDataObject {
	return cardFromForm(fakeContext(params).ctx, 0, variant);
}

/** Maps the form and checks the card; fails the test with the schema's issues if rejected. */
function mapAndCheck(params: IDataObject, variant: CardVariant): IDataObject {
	const card = mapForm(params, variant);
	const result = checkTemplateCard(card, variant);
	if (!result.ok) throw new Error(`${variant} card rejected:\n${result.issues.map(formatCardIssue).join('\n')}`);
	expect(result.card).toStrictEqual(card);
	return card;
}

/** Values of fields shown for other card types, which must never reach the card. */
const leftovers: IDataObject = {
	subTitleText: 'left over',
	cardImage: { image: { url: 'https://example.com/left-over.png' } },
	imageTextArea: { area: { image_url: 'https://example.com/left-over.png' } },
	verticalContentList: { items: [{ title: 'left over' }] },
	horizontalContentList: { items: [{ type: 0, keyname: 'left over' }] },
	jumpList: { items: [{ type: 1, title: 'left over', url: SITE }] },
	cardActionType: 1,
	cardActionUrl: 'https://example.com/left-over',
	buttonSelection: { selection: { question_key: 'left over' } },
	buttonList: { buttons: [{ type: 0, text: 'left over', key: 'left-over' }] },
	checkboxQuestionKey: 'left over',
	checkboxOptions: { options: [{ id: 'x', text: 'left over', is_checked: true }] },
	selectList: { selects: [{ question_key: 'left over' }] },
	submitButtonText: 'left over',
	submitButtonKey: 'left over',
	replaceText: 'left over',
	checkboxDisable: true,
};

const fullSource = { source: { icon_url: ICON, desc: 'HR Assistant', desc_color: 1 } };
const fullMenu = {
	menu: {
		desc: 'Card options',
		action_list: {
			actions: [
				{ text: 'Mute this card', key: 'mute' },
				{ text: 'Report', key: 'report' },
			],
		},
	},
};

describe('cardFromForm: a full card of every type (send)', () => {
	it('text_notice: every block, each link type, leftovers ignored', () => {
		const params: IDataObject = {
			...leftovers,
			cardType: 'text_notice',
			title: 'Leave request',
			titleDescription: 'Submitted today',
			subTitleText: 'Zhang San asks for 3 days off.',
			cardActionType: 1,
			cardActionUrl: SITE,
			cardActionAppid: 'left-over-appid',
			horizontalContentList: {
				items: [
					{ type: 0, keyname: 'Applicant', value: 'Zhang San', url: 'https://example.com/hidden' },
					{ type: 1, keyname: 'Policy', value: 'Open', url: SITE, media_id: 'hidden' },
					{ type: 2, keyname: 'Form', value: 'leave.pdf', media_id: 'MEDIA_ID' },
					{ type: 3, keyname: 'Manager', value: 'Li Si', userid: 'lisi' },
				],
			},
			jumpList: {
				items: [
					{ type: 1, title: 'Open the request', url: SITE, appid: 'hidden' },
					{
						type: 2,
						title: 'Open the app',
						url: 'https://example.com/hidden',
						appid: 'wx123',
						pagepath: 'pages/index?id=1',
					},
					{ type: 0, title: 'Plain line' },
				],
			},
			additionalBlocks: {
				source: fullSource,
				actionMenu: fullMenu,
				taskId: 'task_leave-1@hr',
				quoteArea: {
					quote: { type: 1, url: SITE, appid: 'hidden', title: 'Reason', quote_text: 'Family matters' },
				},
				emphasisContent: { content: { title: '3', desc: 'days' } },
			},
		};
		expect(mapAndCheck(params, 'send')).toStrictEqual({
			card_type: 'text_notice',
			source: { icon_url: ICON, desc: 'HR Assistant', desc_color: 1 },
			action_menu: {
				desc: 'Card options',
				action_list: [
					{ text: 'Mute this card', key: 'mute' },
					{ text: 'Report', key: 'report' },
				],
			},
			task_id: 'task_leave-1@hr',
			main_title: { title: 'Leave request', desc: 'Submitted today' },
			quote_area: { type: 1, url: SITE, title: 'Reason', quote_text: 'Family matters' },
			emphasis_content: { title: '3', desc: 'days' },
			sub_title_text: 'Zhang San asks for 3 days off.',
			horizontal_content_list: [
				{ type: 0, keyname: 'Applicant', value: 'Zhang San' },
				{ type: 1, keyname: 'Policy', value: 'Open', url: SITE },
				{ type: 2, keyname: 'Form', value: 'leave.pdf', media_id: 'MEDIA_ID' },
				{ type: 3, keyname: 'Manager', value: 'Li Si', userid: 'lisi' },
			],
			jump_list: [
				{ type: 1, title: 'Open the request', url: SITE },
				{ type: 2, title: 'Open the app', appid: 'wx123', pagepath: 'pages/index?id=1' },
				{ type: 0, title: 'Plain line' },
			],
			card_action: { type: 1, url: SITE },
		});
	});

	it('news_notice: image text area, card image, text rows, mini-program click', () => {
		const params: IDataObject = {
			...leftovers,
			cardType: 'news_notice',
			title: 'Quarterly report',
			titleDescription: 'Q3 2026',
			cardActionType: 2,
			cardActionUrl: 'https://example.com/hidden',
			cardActionAppid: 'wx123',
			cardActionPagepath: 'pages/report',
			imageTextArea: {
				area: {
					type: 2,
					appid: 'wx123',
					pagepath: 'pages/area',
					title: 'Highlights',
					desc: 'Revenue up 12%',
					image_url: IMAGE,
				},
			},
			cardImage: { image: { url: IMAGE, aspect_ratio: 2.25 } },
			verticalContentList: {
				items: [
					{ title: 'Sales', desc: 'Best quarter so far' },
					{ title: 'Costs', desc: '' },
				],
			},
			horizontalContentList: { items: [{ type: 0, keyname: 'Author', value: 'Finance' }] },
			jumpList: { items: [{ type: 1, title: 'Full report', url: SITE }] },
			additionalBlocks: {
				source: fullSource,
				actionMenu: fullMenu,
				taskId: 'task_report_q3',
				quoteArea: {
					quote: { type: 2, appid: 'wx123', pagepath: 'pages/quote', title: 'CEO', quote_text: 'Great work' },
				},
				emphasisContent: { content: { title: 'not on news cards' } },
			},
		};
		expect(mapAndCheck(params, 'send')).toStrictEqual({
			card_type: 'news_notice',
			source: { icon_url: ICON, desc: 'HR Assistant', desc_color: 1 },
			action_menu: {
				desc: 'Card options',
				action_list: [
					{ text: 'Mute this card', key: 'mute' },
					{ text: 'Report', key: 'report' },
				],
			},
			task_id: 'task_report_q3',
			main_title: { title: 'Quarterly report', desc: 'Q3 2026' },
			quote_area: { type: 2, appid: 'wx123', pagepath: 'pages/quote', title: 'CEO', quote_text: 'Great work' },
			image_text_area: {
				type: 2,
				appid: 'wx123',
				pagepath: 'pages/area',
				title: 'Highlights',
				desc: 'Revenue up 12%',
				image_url: IMAGE,
			},
			card_image: { url: IMAGE, aspect_ratio: 2.25 },
			vertical_content_list: [{ title: 'Sales', desc: 'Best quarter so far' }, { title: 'Costs' }],
			horizontal_content_list: [{ type: 0, keyname: 'Author', value: 'Finance' }],
			jump_list: [{ type: 1, title: 'Full report', url: SITE }],
			card_action: { type: 2, appid: 'wx123', pagepath: 'pages/report' },
		});
	});

	it('button_interaction: dropdown, callback and URL buttons, card click', () => {
		const params: IDataObject = {
			...leftovers,
			cardType: 'button_interaction',
			title: 'Expense claim',
			titleDescription: '¥ 320.00',
			subTitleText: 'Taxi to the airport',
			cardActionType: 1,
			cardActionUrl: SITE,
			horizontalContentList: { items: [{ type: 3, keyname: 'Claimant', value: 'Wang Wu', userid: 'wangwu' }] },
			buttonSelection: {
				selection: {
					question_key: 'approver',
					title: 'Approver',
					option_list: {
						options: [
							{ id: 'lead', text: 'Team lead' },
							{ id: 'cfo', text: 'CFO' },
						],
					},
					selected_id: 'cfo',
					disable: true,
				},
			},
			buttonList: {
				buttons: [
					{ type: 0, text: 'Approve', style: 1, key: 'approve', url: 'https://example.com/hidden' },
					{ type: 0, text: 'Reject', style: 2, key: 'reject' },
					{ type: 1, text: 'Details', style: 4, url: SITE, key: 'hidden' },
				],
			},
			additionalBlocks: {
				source: fullSource,
				actionMenu: fullMenu,
				taskId: 'task_expense_1',
				quoteArea: {
					quote: { type: 0, title: 'Note', quote_text: 'Receipt attached', url: 'https://example.com/hidden' },
				},
				emphasisContent: { content: { title: 'not on button cards' } },
			},
		};
		expect(mapAndCheck(params, 'send')).toStrictEqual({
			card_type: 'button_interaction',
			source: { icon_url: ICON, desc: 'HR Assistant', desc_color: 1 },
			action_menu: {
				desc: 'Card options',
				action_list: [
					{ text: 'Mute this card', key: 'mute' },
					{ text: 'Report', key: 'report' },
				],
			},
			task_id: 'task_expense_1',
			main_title: { title: 'Expense claim', desc: '¥ 320.00' },
			quote_area: { type: 0, title: 'Note', quote_text: 'Receipt attached' },
			sub_title_text: 'Taxi to the airport',
			horizontal_content_list: [{ type: 3, keyname: 'Claimant', value: 'Wang Wu', userid: 'wangwu' }],
			card_action: { type: 1, url: SITE },
			button_selection: {
				question_key: 'approver',
				title: 'Approver',
				option_list: [
					{ id: 'lead', text: 'Team lead' },
					{ id: 'cfo', text: 'CFO' },
				],
				selected_id: 'cfo',
			},
			button_list: [
				{ type: 0, text: 'Approve', style: 1, key: 'approve' },
				{ type: 0, text: 'Reject', style: 2, key: 'reject' },
				{ type: 1, text: 'Details', style: 4, url: SITE },
			],
		});
	});

	it('vote_interaction: choices with is_checked always boolean, no desc_color', () => {
		const params: IDataObject = {
			...leftovers,
			cardType: 'vote_interaction',
			title: 'Team lunch',
			titleDescription: 'Pick your favourites',
			checkboxQuestionKey: 'lunch',
			checkboxMode: 1,
			checkboxOptions: {
				options: [
					{ id: 'noodles', text: 'Noodles', is_checked: true },
					{ id: 'dumplings', text: 'Dumplings', is_checked: false },
					{ id: 'hotpot', text: 'Hot pot' },
				],
			},
			checkboxDisable: true,
			submitButtonText: 'Vote',
			submitButtonKey: 'vote_lunch',
			additionalBlocks: { source: fullSource, taskId: 'task_vote_1', actionMenu: fullMenu },
		};
		expect(mapAndCheck(params, 'send')).toStrictEqual({
			card_type: 'vote_interaction',
			source: { icon_url: ICON, desc: 'HR Assistant' },
			task_id: 'task_vote_1',
			main_title: { title: 'Team lunch', desc: 'Pick your favourites' },
			checkbox: {
				question_key: 'lunch',
				option_list: [
					{ id: 'noodles', text: 'Noodles', is_checked: true },
					{ id: 'dumplings', text: 'Dumplings', is_checked: false },
					{ id: 'hotpot', text: 'Hot pot', is_checked: false },
				],
				mode: 1,
			},
			submit_button: { text: 'Vote', key: 'vote_lunch' },
		});
	});

	it('multiple_interaction: several dropdowns with nested options', () => {
		const params: IDataObject = {
			...leftovers,
			cardType: 'multiple_interaction',
			title: 'Book a meeting room',
			titleDescription: 'Friday',
			selectList: {
				selects: [
					{
						question_key: 'room',
						title: 'Room',
						selected_id: 'b',
						disable: true,
						option_list: {
							options: [
								{ id: 'a', text: 'Room A' },
								{ id: 'b', text: 'Room B' },
							],
						},
					},
					{
						question_key: 'slot',
						title: 'Time',
						selected_id: '',
						option_list: { options: [{ id: 'am', text: 'Morning' }] },
					},
				],
			},
			submitButtonText: 'Book',
			submitButtonKey: 'book_room',
			additionalBlocks: {
				source: { source: { icon_url: ICON, desc: 'Facilities', desc_color: 0 } },
				taskId: 'task_room_1',
			},
		};
		expect(mapAndCheck(params, 'send')).toStrictEqual({
			card_type: 'multiple_interaction',
			source: { icon_url: ICON, desc: 'Facilities' },
			task_id: 'task_room_1',
			main_title: { title: 'Book a meeting room', desc: 'Friday' },
			select_list: [
				{
					question_key: 'room',
					title: 'Room',
					selected_id: 'b',
					option_list: [
						{ id: 'a', text: 'Room A' },
						{ id: 'b', text: 'Room B' },
					],
				},
				{ question_key: 'slot', title: 'Time', option_list: [{ id: 'am', text: 'Morning' }] },
			],
			submit_button: { text: 'Book', key: 'book_room' },
		});
	});
});

describe('cardFromForm: update variant', () => {
	it('button_interaction: replace_text and a locked dropdown, never a task_id', () => {
		const card = mapAndCheck(
			{
				cardType: 'button_interaction',
				title: 'Expense claim',
				buttonSelection: {
					selection: {
						question_key: 'approver',
						option_list: { options: [{ id: 'cfo', text: 'CFO' }] },
						disable: true,
					},
				},
				buttonList: { buttons: [{ type: 0, text: 'Approve', style: 1, key: 'approve' }] },
				replaceText: 'Approved',
				additionalBlocks: { taskId: 'left_over' },
			},
			'update',
		);
		expect(card).toStrictEqual({
			card_type: 'button_interaction',
			main_title: { title: 'Expense claim' },
			button_selection: { question_key: 'approver', option_list: [{ id: 'cfo', text: 'CFO' }], disable: true },
			button_list: [{ type: 0, text: 'Approve', style: 1, key: 'approve' }],
			replace_text: 'Approved',
		});
	});

	it('vote_interaction: locked choices, replace_text, submit button may be left out', () => {
		const card = mapAndCheck(
			{
				cardType: 'vote_interaction',
				title: 'Team lunch',
				checkboxQuestionKey: 'lunch',
				checkboxMode: 0,
				checkboxOptions: { options: [{ id: 'noodles', text: 'Noodles', is_checked: true }] },
				checkboxDisable: true,
				replaceText: 'Voted',
			},
			'update',
		);
		expect(card).toStrictEqual({
			card_type: 'vote_interaction',
			main_title: { title: 'Team lunch' },
			checkbox: {
				question_key: 'lunch',
				option_list: [{ id: 'noodles', text: 'Noodles', is_checked: true }],
				mode: 0,
				disable: true,
			},
			replace_text: 'Voted',
		});
	});

	it('multiple_interaction: disable only where switched on', () => {
		const card = mapAndCheck(
			{
				cardType: 'multiple_interaction',
				title: 'Book a meeting room',
				selectList: {
					selects: [
						{ question_key: 'room', disable: true, option_list: { options: [{ id: 'a', text: 'Room A' }] } },
						{ question_key: 'slot', disable: false, option_list: { options: [{ id: 'am', text: 'Morning' }] } },
					],
				},
				submitButtonText: 'Book',
				submitButtonKey: 'book_room',
				replaceText: 'Booked',
			},
			'update',
		);
		expect(card.select_list).toStrictEqual([
			{ question_key: 'room', disable: true, option_list: [{ id: 'a', text: 'Room A' }] },
			{ question_key: 'slot', option_list: [{ id: 'am', text: 'Morning' }] },
		]);
		expect(card.replace_text).toBe('Booked');
	});

	it('text_notice with an action menu (a card that can be replaced by another notice)', () => {
		const card = mapAndCheck(
			{
				cardType: 'text_notice',
				title: 'Handled',
				cardActionType: 1,
				cardActionUrl: SITE,
				replaceText: 'not on notices',
				additionalBlocks: { actionMenu: fullMenu },
			},
			'update',
		);
		expect(card).toStrictEqual({
			card_type: 'text_notice',
			action_menu: {
				desc: 'Card options',
				action_list: [
					{ text: 'Mute this card', key: 'mute' },
					{ text: 'Report', key: 'report' },
				],
			},
			main_title: { title: 'Handled' },
			card_action: { type: 1, url: SITE },
		});
	});
});

describe('cardFromForm: robot variant', () => {
	it('text_notice: no action menu, no task_id', () => {
		const card = mapAndCheck(
			{
				...leftovers,
				cardType: 'text_notice',
				title: 'Build failed',
				subTitleText: 'main #1234',
				cardActionType: 1,
				cardActionUrl: SITE,
				horizontalContentList: { items: [{ type: 2, keyname: 'Log', value: 'build.log', media_id: 'ROBOT_MEDIA' }] },
				jumpList: { items: [{ type: 1, title: 'Open CI', url: SITE }] },
				additionalBlocks: {
					source: fullSource,
					emphasisContent: { content: { title: '17', desc: 'failed tests' } },
					quoteArea: { quote: { type: 1, url: SITE, quote_text: 'AssertionError' } },
					actionMenu: fullMenu,
					taskId: 'left_over',
				},
			},
			'robot',
		);
		expect(card).toStrictEqual({
			card_type: 'text_notice',
			source: { icon_url: ICON, desc: 'HR Assistant', desc_color: 1 },
			main_title: { title: 'Build failed' },
			quote_area: { type: 1, url: SITE, quote_text: 'AssertionError' },
			emphasis_content: { title: '17', desc: 'failed tests' },
			sub_title_text: 'main #1234',
			horizontal_content_list: [{ type: 2, keyname: 'Log', value: 'build.log', media_id: 'ROBOT_MEDIA' }],
			jump_list: [{ type: 1, title: 'Open CI', url: SITE }],
			card_action: { type: 1, url: SITE },
		});
	});

	it('news_notice with a card image', () => {
		const card = mapAndCheck(
			{
				cardType: 'news_notice',
				title: 'Release 2.0',
				cardImage: { image: { url: IMAGE, aspect_ratio: 1.3 } },
				verticalContentList: { items: [{ title: 'New', desc: 'Dark mode' }] },
				cardActionType: 1,
				cardActionUrl: SITE,
				buttonList: leftovers.buttonList,
			},
			'robot',
		);
		expect(card).toStrictEqual({
			card_type: 'news_notice',
			main_title: { title: 'Release 2.0' },
			card_image: { url: IMAGE, aspect_ratio: 1.3 },
			vertical_content_list: [{ title: 'New', desc: 'Dark mode' }],
			card_action: { type: 1, url: SITE },
		});
	});
});

describe('cardFromForm: values and empties', () => {
	it('drops empty strings, empty blocks and empty lists; keeps 0 and false', () => {
		const card = mapForm(
			{
				cardType: 'text_notice',
				title: 'Only a title',
				titleDescription: '',
				subTitleText: '',
				cardActionType: 1,
				cardActionUrl: SITE,
				horizontalContentList: {},
				jumpList: { items: [] },
				additionalBlocks: { emphasisContent: { content: { title: '', desc: '' } }, taskId: '' },
			},
			'send',
		);
		expect(card).toStrictEqual({
			card_type: 'text_notice',
			main_title: { title: 'Only a title' },
			card_action: { type: 1, url: SITE },
		});
	});

	it('leaves out card_action when a button card opens nothing on click', () => {
		const card = mapForm(
			{ cardType: 'button_interaction', cardActionType: 0, cardActionUrl: SITE, title: 'T' },
			'send',
		);
		expect(card).not.toHaveProperty('card_action');
	});

	it('falls back to the form defaults when n8n has not filled a value in', () => {
		const card = mapForm(
			{
				cardType: 'button_interaction',
				title: 'T',
				buttonList: { buttons: [{ text: 'OK', key: 'ok' }] },
				additionalBlocks: { source: { source: { desc: 'Bot' } } },
			},
			'send',
		);
		expect(card).toStrictEqual({
			card_type: 'button_interaction',
			source: { desc: 'Bot', desc_color: 0 },
			main_title: { title: 'T' },
			button_list: [{ type: 0, text: 'OK', style: 1, key: 'ok' }],
		});
		// A notice card's click defaults to "URL", as in the form.
		expect(mapForm({ cardType: 'news_notice', cardActionUrl: SITE }, 'send').card_action).toStrictEqual({
			type: 1,
			url: SITE,
		});
		expect(mapForm({}, 'send')).toStrictEqual({ card_type: 'text_notice', card_action: { type: 1 } });
	});

	it('turns numeric strings from expressions into numbers, leaves the rest to the check', () => {
		const card = mapForm(
			{
				cardType: 'news_notice',
				cardActionType: '2',
				cardActionAppid: 'wx1',
				cardImage: { image: { url: IMAGE, aspect_ratio: '1.5' } },
				horizontalContentList: { items: [{ type: '1', keyname: 'K', url: SITE }] },
				jumpList: { items: [{ type: 'bad', title: 'J', url: SITE }] },
			},
			'send',
		);
		expect(card.card_action).toStrictEqual({ type: 2, appid: 'wx1' });
		expect(card.card_image).toStrictEqual({ url: IMAGE, aspect_ratio: 1.5 });
		expect(card.horizontal_content_list).toStrictEqual([{ type: 1, keyname: 'K', url: SITE }]);
		expect(card.jump_list).toStrictEqual([{ type: 'bad', title: 'J' }]);
		const result = checkTemplateCard({ ...card, main_title: { title: 'x' } }, 'send');
		expect(result.ok).toBe(false);
	});

	it('treats an aspect ratio of 0 as not set and disable as a switch that is only sent when on', () => {
		const news = mapForm({ cardType: 'news_notice', cardImage: { image: { url: IMAGE, aspect_ratio: 0 } } }, 'send');
		expect(news.card_image).toStrictEqual({ url: IMAGE });
		const vote = mapForm(
			{ cardType: 'vote_interaction', checkboxDisable: false, checkboxOptions: { options: [{ id: 'a', text: 'A' }] } },
			'update',
		);
		expect(vote.checkbox).toStrictEqual({ option_list: [{ id: 'a', text: 'A', is_checked: false }], mode: 0 });
	});

	it('leaves the errors to checkTemplateCard, which names the field', () => {
		const card = mapForm(
			{
				cardType: 'button_interaction',
				title: 'T',
				taskId: 'not read here',
				buttonList: { buttons: [{ type: 1, text: 'Open', style: 1 }] },
				additionalBlocks: { taskId: 'task_1' },
			},
			'send',
		);
		const result = checkTemplateCard(card, 'send');
		if (result.ok) throw new Error('expected an issue');
		expect(result.issues.map((issue) => issue.path)).toContain('template_card.button_list[0].url');
	});

	it('only reads parameters the form of the variant defines', () => {
		const names = (variant: CardVariant) => new Set(cardFormFields(variant).map((field) => field.name));
		for (const variant of ['send', 'update', 'robot'] as const) {
			for (const cardType of [
				'text_notice',
				'news_notice',
				'button_interaction',
				'vote_interaction',
				'multiple_interaction',
			]) {
				const { ctx, read } = fakeContext({ cardType });
				cardFromForm(ctx, 0, variant);
				const known = names(variant);
				expect(read.filter((name) => !known.has(name))).toEqual([]);
			}
		}
	});

	it('compact keeps numbers, booleans and non-empty values, drops the rest recursively', () => {
		expect(compact({ a: '', b: 0, c: false, d: { e: '' }, f: [{}, '', 1], g: null, h: undefined })).toStrictEqual({
			b: 0,
			c: false,
			f: [1],
		});
		expect(compact({})).toBeUndefined();
	});
});

/** Depth-first walk over the properties of a description, nested values included. */
function walk(fields: INodeProperties[], visit: (field: INodeProperties, path: string[]) => void, path: string[] = []) {
	for (const field of fields) {
		const here = [...path, field.name];
		visit(field, here);
		for (const option of field.options ?? []) {
			if ('values' in option) walk(option.values, visit, [...here, option.name]);
			else if ('displayName' in option && 'type' in option) walk([option as INodeProperties], visit, here);
		}
	}
}

function fieldAt(fields: INodeProperties[], path: string, cardType?: string): INodeProperties {
	const found: INodeProperties[] = [];
	walk(fields, (field, at) => {
		if (at.join('.') !== path) return;
		const shownFor = field.displayOptions?.show?.cardType as string[] | undefined;
		if (!cardType || !shownFor || shownFor.includes(cardType)) found.push(field);
	});
	if (found.length !== 1) throw new Error(`${path}: ${found.length} fields`);
	return found[0];
}

describe('cardFormFields', () => {
	const variants = ['send', 'update', 'robot'] as const;

	it.each(variants)('%s: top-level names are unique per displayOptions and only use "show"', (variant) => {
		const fields = cardFormFields(variant);
		const keys = fields.map((field) => `${field.name} ${JSON.stringify(field.displayOptions)}`);
		expect(new Set(keys).size).toBe(keys.length);
		for (const field of fields) {
			expect(Object.keys(field.displayOptions ?? {}).filter((key) => key !== 'show')).toEqual([]);
		}
	});

	it('offers each variant only what WeCom takes there', () => {
		const names = (variant: CardVariant) => {
			const all: string[] = [];
			walk(cardFormFields(variant), (_field, path) => all.push(path.join('.')));
			return all;
		};
		const send = names('send');
		const update = names('update');
		const robot = names('robot');
		expect(send).toContain('additionalBlocks.taskId');
		expect(update).not.toContain('additionalBlocks.taskId');
		expect(robot).not.toContain('additionalBlocks.taskId');
		expect(robot).not.toContain('additionalBlocks.actionMenu');
		expect(update).toEqual(expect.arrayContaining(['replaceText', 'checkboxDisable']));
		expect(update).toEqual(expect.arrayContaining(['buttonSelection.selection.disable', 'selectList.selects.disable']));
		expect(send.filter((path) => /replaceText|[dD]isable/.test(path))).toEqual([]);
		for (const name of ['buttonList', 'buttonSelection', 'checkboxOptions', 'selectList', 'submitButtonKey']) {
			expect(robot).not.toContain(name);
		}
		const robotTypes = fieldAt(cardFormFields('robot'), 'cardType').options?.map((o) => ('value' in o ? o.value : ''));
		expect(robotTypes).toEqual(['news_notice', 'text_notice']);
		const sendTypes = fieldAt(cardFormFields('send'), 'cardType').options?.map((o) => ('value' in o ? o.value : ''));
		expect(sendTypes).toHaveLength(5);
	});

	it('uses the defaults the mapper falls back to', () => {
		const fields = cardFormFields('send');
		const defaultOf = (path: string, cardType?: string) => fieldAt(fields, path, cardType).default;
		expect(defaultOf('cardType')).toBe(FORM_DEFAULTS.cardType);
		expect(defaultOf('cardActionType', 'text_notice')).toBe(FORM_DEFAULTS.noticeCardActionType);
		expect(defaultOf('cardActionType', 'button_interaction')).toBe(FORM_DEFAULTS.buttonCardActionType);
		expect(defaultOf('horizontalContentList.items.type')).toBe(FORM_DEFAULTS.horizontalType);
		expect(defaultOf('jumpList.items.type')).toBe(FORM_DEFAULTS.jumpType);
		expect(defaultOf('imageTextArea.area.type')).toBe(FORM_DEFAULTS.linkType);
		expect(defaultOf('additionalBlocks.quoteArea.quote.type')).toBe(FORM_DEFAULTS.linkType);
		expect(defaultOf('additionalBlocks.source.source.desc_color')).toBe(FORM_DEFAULTS.descColor);
		expect(defaultOf('buttonList.buttons.type')).toBe(FORM_DEFAULTS.buttonType);
		expect(defaultOf('buttonList.buttons.style')).toBe(FORM_DEFAULTS.buttonStyle);
		expect(defaultOf('checkboxMode')).toBe(FORM_DEFAULTS.checkboxMode);
	});

	it('notice cards offer no "None" click; button cards do', () => {
		const values = (cardType: string) =>
			fieldAt(cardFormFields('send'), 'cardActionType', cardType).options?.map((o) => ('value' in o ? o.value : ''));
		expect(values('text_notice')).toEqual([1, 2]);
		expect(values('news_notice')).toEqual([1, 2]);
		expect(values('button_interaction')).toEqual([0, 1, 2]);
	});

	it('shows url for URL links and appid/pagepath for mini-program links wherever WeCom allows them', () => {
		const fields = cardFormFields('send');
		for (const prefix of ['jumpList.items', 'imageTextArea.area', 'additionalBlocks.quoteArea.quote']) {
			expect(fieldAt(fields, `${prefix}.url`).displayOptions?.show).toEqual({ type: [1] });
			expect(fieldAt(fields, `${prefix}.appid`).displayOptions?.show).toEqual({ type: [2] });
			expect(fieldAt(fields, `${prefix}.pagepath`).displayOptions?.show).toEqual({ type: [2] });
		}
		expect(fieldAt(fields, 'cardActionUrl').displayOptions?.show).toMatchObject({ cardActionType: [1] });
		expect(fieldAt(fields, 'cardActionAppid').displayOptions?.show).toMatchObject({ cardActionType: [2] });
		expect(fieldAt(fields, 'horizontalContentList.items.media_id').displayOptions?.show).toEqual({ type: [2] });
	});

	it('makes every repeatable list a multiple-value fixedCollection', () => {
		const lists = [
			'horizontalContentList',
			'jumpList',
			'verticalContentList',
			'buttonList',
			'checkboxOptions',
			'selectList',
			'selectList.selects.option_list',
			'buttonSelection.selection.option_list',
			'additionalBlocks.actionMenu.menu.action_list',
		];
		const fields = cardFormFields('update');
		for (const path of lists) {
			const field = fieldAt(fields, path);
			expect([path, field.type, field.typeOptions?.multipleValues]).toEqual([path, 'fixedCollection', true]);
		}
	});
});

describe("through n8n's own parameter resolution", () => {
	const node = {
		id: '1',
		name: 'Card',
		type: 'weComTemplateCard',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	} as INode;
	/** What n8n hands the node at execution: hidden values removed, defaults filled in. */
	const resolve = (variant: CardVariant, values: INodeParameters) =>
		NodeHelpers.getNodeParameters(cardFormFields(variant), values, true, false, node, null) as IDataObject;
	/** What n8n stores in the workflow: values equal to their default left out. */
	const save = (variant: CardVariant, values: INodeParameters) =>
		NodeHelpers.getNodeParameters(cardFormFields(variant), values, false, false, node, null) as INodeParameters;

	const form: INodeParameters = {
		cardType: 'button_interaction',
		title: 'Expense claim',
		subTitleText: 'Taxi',
		cardActionType: 2,
		cardActionAppid: 'wx123',
		cardActionUrl: 'https://example.com/hidden',
		jumpList: { items: [{ title: 'hidden on button cards', url: SITE }] },
		buttonList: {
			buttons: [
				{ text: 'Approve', key: 'approve' },
				{ type: 1, text: 'Details', url: SITE, key: 'hidden' },
			],
		},
		additionalBlocks: {
			taskId: 'task_1',
			source: { source: { desc: 'HR' } },
			emphasisContent: { content: { title: 'hidden on button cards' } },
			quoteArea: { quote: { type: 1, url: SITE, appid: 'hidden' } },
		},
	};
	const expected = {
		card_type: 'button_interaction',
		source: { desc: 'HR', desc_color: 0 },
		task_id: 'task_1',
		main_title: { title: 'Expense claim' },
		quote_area: { type: 1, url: SITE },
		sub_title_text: 'Taxi',
		card_action: { type: 2, appid: 'wx123' },
		button_list: [
			{ type: 0, text: 'Approve', style: 1, key: 'approve' },
			{ type: 1, text: 'Details', style: 1, url: SITE },
		],
	};

	it('maps the resolved parameters to the same card, before and after saving the workflow', () => {
		expect(mapAndCheck(resolve('send', form), 'send')).toStrictEqual(expected);
		expect(mapAndCheck(resolve('send', save('send', form)), 'send')).toStrictEqual(expected);
	});

	it('raises no parameter issues in the editor for a filled form', () => {
		const parameters = resolve('send', form) as INodeParameters;
		expect(NodeHelpers.getNodeParametersIssues(cardFormFields('send'), { ...node, parameters }, null)).toBeNull();
	});

	it('hides desc_color on vote cards through the nested /cardType condition', () => {
		const resolved = resolve('send', {
			cardType: 'vote_interaction',
			additionalBlocks: { source: { source: { desc: 'HR', desc_color: 2 } } },
		});
		expect(resolved.additionalBlocks).toStrictEqual({ source: { source: { icon_url: '', desc: 'HR' } } });
	});

	it('resolves the card action type that is shown for the card type', () => {
		expect(resolve('send', { cardType: 'text_notice' }).cardActionType).toBe(1);
		expect(resolve('send', { cardType: 'button_interaction' }).cardActionType).toBe(0);
		expect(resolve('send', { cardType: 'vote_interaction' })).not.toHaveProperty('cardActionType');
	});

	it('resolves robot and update forms to cards the schema accepts', () => {
		const robot = resolve('robot', {
			cardType: 'news_notice',
			title: 'Release',
			cardActionUrl: SITE,
			cardImage: { image: { url: IMAGE } },
		});
		expect(mapAndCheck(robot, 'robot')).toStrictEqual({
			card_type: 'news_notice',
			main_title: { title: 'Release' },
			card_image: { url: IMAGE },
			card_action: { type: 1, url: SITE },
		});
		const update = resolve('update', {
			cardType: 'vote_interaction',
			title: 'Lunch',
			checkboxQuestionKey: 'lunch',
			checkboxOptions: { options: [{ id: 'a', text: 'A' }] },
			checkboxDisable: true,
			replaceText: 'Voted',
		});
		expect(mapAndCheck(update, 'update')).toStrictEqual({
			card_type: 'vote_interaction',
			main_title: { title: 'Lunch' },
			checkbox: {
				question_key: 'lunch',
				option_list: [{ id: 'a', text: 'A', is_checked: false }],
				mode: 0,
				disable: true,
			},
			replace_text: 'Voted',
		});
	});
});
