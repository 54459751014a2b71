/**
 * The exact requests the node puts on the wire, recorded by a proxy in front of the sandbox and
 * compared with the request formats of WeCom's pages:
 * - message/send: https://developer.work.weixin.qq.com/document/path/90236 (touser/toparty/totag
 *   joined with |, agentid an integer, msgtype template_card, enable_id_trans and
 *   enable_duplicate_check 0/1, duplicate_check_interval in seconds);
 * - message/update_template_card: https://developer.work.weixin.qq.com/document/path/94888
 *   (userids an array of strings, partyids and tagids arrays of integers, atall, response_code,
 *   button.replace_name or template_card);
 * - message/recall: https://developer.work.weixin.qq.com/document/path/94867 ({ msgid });
 * - gettoken: https://developer.work.weixin.qq.com/document/path/91039 (corpid and corpsecret in
 *   the query), and the access_token in the query of every call, never in a body.
 * Expected bodies are written out by hand here; nothing is read back from the node.
 */
import type { INodeParameters } from 'n8n-workflow';

import { DEMO_AGENT_ID, DEMO_CORP_ID } from '../../sandbox';
import { DOC_EXAMPLES } from '../conformance/docExamples';
import { demoAppToken, uploadSandboxFile, withAttachmentMedia } from '../harness/sandboxMedia';
import { startTransportFixture, type TransportFixture } from './fixture';
import { jsonBody, type RecordedCall } from './recordingProxy';

const SEND = '/cgi-bin/message/send';
const UPDATE = '/cgi-bin/message/update_template_card';
const RECALL = '/cgi-bin/message/recall';
const GETTOKEN = '/cgi-bin/gettoken';
const SITE = 'https://example.com';
/** 只能由数字、字母和“_-@”组成，最长128字节 (90236). */
const TASK_ID = expect.stringMatching(/^[A-Za-z0-9_@-]{1,128}$/);
/** Sent with every send unless Retry Safely is off: a resend is then merged by WeCom. */
const DUPLICATE_CHECK = { enable_duplicate_check: 1, duplicate_check_interval: 1800 };

const send = (extra: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendTemplateCard',
	toUser: 'alice|bob',
	toParty: '2|3',
	toTag: '7',
	...extra,
});

/** Form input of each card type, and the template_card WeCom must receive for it. */
const FORMS: ReadonlyArray<[string, INodeParameters, Record<string, unknown>]> = [
	[
		'text_notice',
		{
			cardType: 'text_notice',
			title: 'Deploy finished',
			titleDescription: 'production',
			subTitleText: 'All checks passed',
			horizontalContentList: {
				items: [
					{ type: 0, keyname: 'Version', value: '1.4.2' },
					{ type: 3, keyname: 'Owner', value: 'Alice', userid: 'alice' },
				],
			},
			jumpList: { items: [{ type: 1, title: 'Changelog', url: `${SITE}/changelog` }] },
			cardActionType: 1,
			cardActionUrl: `${SITE}/deploys/42`,
			additionalBlocks: { emphasisContent: { content: { title: '42', desc: 'checks' } } },
		},
		{
			card_type: 'text_notice',
			task_id: TASK_ID,
			main_title: { title: 'Deploy finished', desc: 'production' },
			emphasis_content: { title: '42', desc: 'checks' },
			sub_title_text: 'All checks passed',
			horizontal_content_list: [
				{ type: 0, keyname: 'Version', value: '1.4.2' },
				{ type: 3, keyname: 'Owner', value: 'Alice', userid: 'alice' },
			],
			jump_list: [{ type: 1, title: 'Changelog', url: `${SITE}/changelog` }],
			card_action: { type: 1, url: `${SITE}/deploys/42` },
		},
	],
	[
		'news_notice',
		{
			cardType: 'news_notice',
			title: 'Release 1.4',
			cardImage: { image: { url: `${SITE}/cover.png`, aspect_ratio: 1.3 } },
			verticalContentList: { items: [{ title: 'Fixes', desc: '12 bugs' }] },
			cardActionType: 2,
			cardActionAppid: 'wx123',
			cardActionPagepath: 'pages/release',
		},
		{
			card_type: 'news_notice',
			task_id: TASK_ID,
			main_title: { title: 'Release 1.4' },
			card_image: { url: `${SITE}/cover.png`, aspect_ratio: 1.3 },
			vertical_content_list: [{ title: 'Fixes', desc: '12 bugs' }],
			card_action: { type: 2, appid: 'wx123', pagepath: 'pages/release' },
		},
	],
	[
		'button_interaction',
		{
			cardType: 'button_interaction',
			title: 'Approve the expense?',
			buttonList: {
				buttons: [
					{ type: 0, text: 'Approve', style: 1, key: 'approve' },
					{ type: 1, text: 'Details', style: 2, url: `${SITE}/expenses/7` },
				],
			},
			additionalBlocks: { taskId: 'expense_7' },
		},
		{
			card_type: 'button_interaction',
			task_id: 'expense_7',
			main_title: { title: 'Approve the expense?' },
			button_list: [
				{ type: 0, text: 'Approve', style: 1, key: 'approve' },
				{ type: 1, text: 'Details', style: 2, url: `${SITE}/expenses/7` },
			],
		},
	],
	[
		'vote_interaction',
		{
			cardType: 'vote_interaction',
			title: 'Lunch?',
			checkboxQuestionKey: 'lunch',
			checkboxMode: 1,
			checkboxOptions: {
				options: [
					{ id: 'noodles', text: 'Noodles', is_checked: true },
					{ id: 'rice', text: 'Rice' },
				],
			},
			submitButtonText: 'Vote',
			submitButtonKey: 'vote',
		},
		{
			card_type: 'vote_interaction',
			task_id: TASK_ID,
			main_title: { title: 'Lunch?' },
			checkbox: {
				question_key: 'lunch',
				mode: 1,
				option_list: [
					{ id: 'noodles', text: 'Noodles', is_checked: true },
					{ id: 'rice', text: 'Rice', is_checked: false },
				],
			},
			submit_button: { text: 'Vote', key: 'vote' },
		},
	],
	[
		'multiple_interaction',
		{
			cardType: 'multiple_interaction',
			title: 'Book a room',
			selectList: {
				selects: [
					{
						question_key: 'room',
						title: 'Room',
						option_list: {
							options: [
								{ id: 'a', text: 'Room A' },
								{ id: 'b', text: 'Room B' },
							],
						},
					},
				],
			},
			submitButtonText: 'Book',
			submitButtonKey: 'book',
		},
		{
			card_type: 'multiple_interaction',
			task_id: TASK_ID,
			main_title: { title: 'Book a room' },
			select_list: [
				{
					question_key: 'room',
					title: 'Room',
					option_list: [
						{ id: 'a', text: 'Room A' },
						{ id: 'b', text: 'Room B' },
					],
				},
			],
			submit_button: { text: 'Book', key: 'book' },
		},
	],
];

/** The one call to `path`, checked for what every call to WeCom's app API has in common. */
function onlyCall(fixture: TransportFixture, path: string): RecordedCall {
	const calls = fixture.proxy.calls(path);
	expect(calls).toHaveLength(1);
	const [call] = calls;
	expect(call.method).toBe('POST');
	expect(call.headers['content-type']).toMatch(/^application\/json/);
	expect(Object.keys(call.query)).toEqual(['access_token']);
	expect(call.query.access_token).toMatch(/\S/);
	expect(call.rawBody).not.toContain(call.query.access_token);
	return call;
}

describe('request bodies on the wire', () => {
	let fixture: TransportFixture;

	beforeEach(async () => {
		fixture = await startTransportFixture();
	});

	afterEach(async () => {
		await fixture.close();
	});

	/** An official example whose placeholder "MEDIAID" is a file the app uploaded (the sandbox refuses others). */
	const uploadedExample = async (card: () => Record<string, unknown>) => {
		const accessToken = await demoAppToken(fixture.sandbox.url);
		return withAttachmentMedia(card(), await uploadSandboxFile(fixture.sandbox.url, { accessToken }));
	};

	it('asks gettoken with corpid and corpsecret in the query and no body', async () => {
		const run = await fixture.run(
			send({ cardInput: 'json', cardJson: JSON.stringify(await uploadedExample(DOC_EXAMPLES[0].card)) }),
		);

		expect(run.error).toBeUndefined();
		const [call] = fixture.proxy.calls(GETTOKEN);
		expect(call.method).toBe('GET');
		expect(Object.keys(call.query).sort()).toEqual(['corpid', 'corpsecret']);
		expect(call.query.corpid).toBe(DEMO_CORP_ID);
		expect(call.rawBody).toBe('');
	});

	it.each(FORMS)('message/send of a %s card built in the form', async (_type, form, templateCard) => {
		const run = await fixture.run(send({ cardInput: 'form', ...form }));

		expect(run.error).toBeUndefined();
		const body = jsonBody(onlyCall(fixture, SEND));
		expect(body).toStrictEqual({
			touser: 'alice|bob',
			toparty: '2|3',
			totag: '7',
			msgtype: 'template_card',
			agentid: DEMO_AGENT_ID,
			template_card: templateCard,
			...DUPLICATE_CHECK,
		});
		expect(typeof body.agentid).toBe('number');
	});

	it.each(DOC_EXAMPLES.filter((entry) => entry.variant === 'send').map((entry) => [entry.cardType, entry] as const))(
		'message/send of the official %s example pasted as JSON: the card goes out unchanged',
		async (_type, { card }) => {
			const uploaded = await uploadedExample(card);
			const run = await fixture.run(send({ cardInput: 'json', cardJson: JSON.stringify(uploaded) }));

			expect(run.error).toBeUndefined();
			expect(jsonBody(onlyCall(fixture, SEND))).toStrictEqual({
				touser: 'alice|bob',
				toparty: '2|3',
				totag: '7',
				msgtype: 'template_card',
				agentid: DEMO_AGENT_ID,
				template_card: uploaded,
				...DUPLICATE_CHECK,
			});
		},
	);

	it("message/send with ID translation and WeCom's duplicate check chosen by hand, to @all", async () => {
		const card = {
			card_type: 'text_notice',
			sub_title_text: '$userName=alice$ approved',
			card_action: { type: 1, url: SITE },
		};
		const run = await fixture.run({
			...send({ cardInput: 'json', cardJson: JSON.stringify(card) }),
			toAll: true,
			options: { enableIdTrans: true, wecomDuplicateCheck: true, duplicateCheckInterval: 600 },
		});

		expect(run.error).toBeUndefined();
		// WeCom's own check merges identical requests, so no task_id is generated to tell them apart.
		expect(jsonBody(onlyCall(fixture, SEND))).toStrictEqual({
			touser: '@all',
			msgtype: 'template_card',
			agentid: DEMO_AGENT_ID,
			template_card: card,
			enable_id_trans: 1,
			enable_duplicate_check: 1,
			duplicate_check_interval: 600,
		});
	});

	it('message/send with Retry Safely off carries no duplicate check', async () => {
		const card = { card_type: 'text_notice', sub_title_text: 'Hello', card_action: { type: 1, url: SITE } };
		const run = await fixture.run({
			...send({ cardInput: 'json', cardJson: JSON.stringify(card) }),
			toParty: '',
			toTag: '',
			options: { retrySafely: false },
		});

		expect(run.error).toBeUndefined();
		expect(jsonBody(onlyCall(fixture, SEND))).toStrictEqual({
			touser: 'alice|bob',
			msgtype: 'template_card',
			agentid: DEMO_AGENT_ID,
			template_card: card,
		});
	});

	describe('message/update_template_card', () => {
		let responseCode: string;

		beforeEach(async () => {
			const sent = await fixture.run(
				send({ cardInput: 'json', cardJson: JSON.stringify(await uploadedExample(DOC_EXAMPLES[2].card)) }),
			);
			responseCode = String(sent.items[0].json.response_code);
			expect(responseCode).toMatch(/\S/);
		});

		const update = (extra: INodeParameters): INodeParameters => ({
			resource: 'message',
			operation: 'updateTemplateCard',
			responseCode,
			...extra,
		});

		it('sends userids as strings and partyids and tagids as integers', async () => {
			const run = await fixture.run(
				update({
					updateMode: 'button',
					replaceName: 'Approved',
					updateTarget: 'some',
					userIds: 'alice',
					partyIds: '2|3',
					tagIds: '7',
				}),
			);

			expect(run.error).toBeUndefined();
			const body = jsonBody(onlyCall(fixture, UPDATE));
			expect(body).toStrictEqual({
				userids: ['alice'],
				partyids: [2, 3],
				tagids: [7],
				agentid: DEMO_AGENT_ID,
				response_code: responseCode,
				button: { replace_name: 'Approved' },
			});
			for (const id of [...(body.partyids as unknown[]), ...(body.tagids as unknown[])])
				expect(typeof id).toBe('number');
			expect(typeof body.agentid).toBe('number');
		});

		it('replaces the card for everyone (atall) with ID translation', async () => {
			const card = DOC_EXAMPLES.find(
				(entry) => entry.variant === 'update' && entry.cardType === 'vote_interaction',
			)!.card();
			const run = await fixture.run(
				update({
					updateMode: 'card',
					updateTarget: 'all',
					cardInput: 'json',
					cardJson: JSON.stringify(card),
					options: { enableIdTrans: true },
				}),
			);

			expect(run.error).toBeUndefined();
			expect(jsonBody(onlyCall(fixture, UPDATE))).toStrictEqual({
				atall: 1,
				agentid: DEMO_AGENT_ID,
				response_code: responseCode,
				template_card: card,
				enable_id_trans: 1,
			});
		});
	});

	it('message/recall sends only the msgid', async () => {
		const sent = await fixture.run(
			send({ cardInput: 'json', cardJson: JSON.stringify(await uploadedExample(DOC_EXAMPLES[0].card)) }),
		);
		const msgid = String(sent.items[0].json.msgid);

		const run = await fixture.run({ resource: 'message', operation: 'recall', msgid });

		expect(run.error).toBeUndefined();
		expect(jsonBody(onlyCall(fixture, RECALL))).toStrictEqual({ msgid });
	});
});
