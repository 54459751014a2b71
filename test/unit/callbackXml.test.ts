/**
 * Our XML parser and writer for WeCom callbacks, and the event normalisation: CDATA edge cases,
 * empty values, lists, numbers, and everything that must be refused.
 */
import {
	CallbackRejection,
	normaliseEvent,
	parseXml,
	WECOM_XML_SHAPE,
	xmlToValue,
} from '../../nodes/WeCom/shared/callback';
import { cdata, toXml } from '../../sandbox/callbacks';

const valueOf = (xml: string) => xmlToValue(parseXml(xml), WECOM_XML_SHAPE);
const eventOf = (xml: string) => normaliseEvent(parseXml(xml), xml);

function refusal(xml: string): string | undefined {
	try {
		parseXml(xml);
	} catch (error) {
		if (error instanceof CallbackRejection && error.reason === 'badXml') return error.message;
		throw error;
	}
	return undefined;
}

describe('CDATA', () => {
	it.each([
		['a ] b', '<A><![CDATA[a ] b]]></A>'],
		['a ]] b', '<A><![CDATA[a ]] b]]></A>'],
		['ends with ]', '<A><![CDATA[ends with ]]]></A>'],
		['ends with ]]', '<A><![CDATA[ends with ]]]]></A>'],
		['x]]>y', '<A><![CDATA[x]]]]><![CDATA[>y]]></A>'],
		['<not a tag> & no entity', '<A><![CDATA[<not a tag> & no entity]]></A>'],
		['  spaced  ', '<A><![CDATA[  spaced  ]]></A>'],
		['mixed text', '<A>mixed <![CDATA[text]]></A>'],
	])('keeps %j', (expected, xml) => {
		expect(valueOf(xml)).toBe(expected);
	});

	it('survives any value through the writer and back, "]]>" included', () => {
		for (const text of ['', ']', ']]', ']]>', ']]>]]>', 'a]]>b]]c]', '&lt;', '<![CDATA[', '你好 👋']) {
			expect(valueOf(`<A>${cdata(text)}</A>`)).toBe(text);
		}
	});

	it('refuses an unterminated section and "]]>" in plain text', () => {
		expect(refusal('<A><![CDATA[open</A>')).toMatch(/unterminated CDATA/);
		expect(refusal('<A>a]]>b</A>')).toMatch(/outside a CDATA/);
	});
});

describe('values', () => {
	it('reads empty values as empty strings', () => {
		expect(valueOf('<xml><A></A><B/><C><![CDATA[]]></C><D /></xml>')).toEqual({ A: '', B: '', C: '', D: '' });
	});

	it('expands the five predefined entities and character references only', () => {
		expect(valueOf('<A>&lt;&gt;&amp;&quot;&apos; &#65;&#x42;&#x1F600;</A>')).toBe('<>&"\' AB😀');
		expect(refusal('<A>&nbsp;</A>')).toMatch(/undefined entity/);
		expect(refusal('<A>AT&T</A>')).toMatch(/entity/);
		expect(refusal('<A>&#0;</A>')).toMatch(/forbidden character/);
	});

	it('keeps numbers where WeCom means numbers, and ids as text', () => {
		expect(
			valueOf(
				'<xml><CreateTime>1409659813</CreateTime><AgentID>1000002</AgentID><MsgId>4561255354251345929</MsgId><SpNo>202611290001</SpNo><EventKey>42</EventKey><Location_X>23.134521</Location_X></xml>',
			),
		).toEqual({
			CreateTime: 1409659813,
			AgentID: 1000002,
			MsgId: '4561255354251345929',
			SpNo: '202611290001',
			EventKey: '42',
			Location_X: 23.134521,
		});
		// Not a number after all: kept as sent rather than turned into NaN.
		expect(valueOf('<xml><CreateTime>soon</CreateTime></xml>')).toEqual({ CreateTime: 'soon' });
	});

	it('turns repeated elements into arrays, and WeCom lists into arrays even when single', () => {
		expect(valueOf('<xml><X>1</X><X>2</X><X>3</X><Y>only</Y></xml>')).toEqual({ X: ['1', '2', '3'], Y: 'only' });
		expect(valueOf('<xml><SpRecord><SpStatus>1</SpStatus></SpRecord></xml>')).toEqual({ SpRecord: [{ SpStatus: 1 }] });
	});

	it('cannot be steered by element names such as constructor or __proto__', () => {
		expect(
			valueOf('<xml><constructor>a</constructor><toString>b</toString><constructor>c</constructor></xml>'),
		).toEqual({
			constructor: ['a', 'c'],
			toString: 'b',
		});
		expect(refusal('<xml><__proto__><polluted>1</polluted></__proto__></xml>')).toMatch(/reserved/);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('ignores whitespace between elements, comments, attributes and an XML declaration', () => {
		const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<xml a="1">\n  <!-- note -->\n  <A b=\'2\'>x</A>\n</xml>\n';
		expect(valueOf(xml)).toEqual({ A: 'x' });
	});
});

describe('refused documents', () => {
	it.each([
		['DOCTYPE', '<!DOCTYPE xml><xml/>'],
		['DOCTYPE with an internal subset', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xml>&a;</xml>'],
		['external entity', '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml>&xxe;</xml>'],
		['billion laughs', `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>`],
		['a declaration inside the root', '<xml><!ENTITY a "b"></xml>'],
		['a processing instruction', '<xml><?php echo 1; ?></xml>'],
		['a stylesheet instruction', '<?xml-stylesheet href="x.xsl"?><xml/>'],
		['an entity used without a declaration', '<xml>&xxe;</xml>'],
		['mismatched tags', '<xml><A></B></xml>'],
		['an unclosed root', '<xml><A>1</A>'],
		['two roots', '<xml/><xml/>'],
		['text after the root', '<xml/>trailing'],
		['no root at all', 'just text'],
		['an empty document', ''],
		['mixed content', '<xml>text<A/></xml>'],
		['a control character', '<xml>\u0001</xml>'],
		['an unquoted attribute', '<xml a=1/>'],
		['a duplicate attribute', '<xml a="1" a="2"/>'],
		['"<" in an attribute', '<xml a="<"/>'],
		['a comment with --', '<xml><!-- a -- b --></xml>'],
		['deep nesting', `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`],
	])('%s', (_name, xml) => {
		expect(refusal(xml)).toEqual(expect.any(String));
	});

	it('limits the number of elements', () => {
		expect(refusal(`<xml>${'<a/>'.repeat(6000)}</xml>`)).toMatch(/too many elements/);
	});
});

describe('events', () => {
	const cardEvent = (selected: string, event = 'template_card_event') =>
		`<xml><ToUserName><![CDATA[wwcorp]]></ToUserName><FromUserName><![CDATA[alice]]></FromUserName><CreateTime>1760000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event><EventKey><![CDATA[submit]]></EventKey><TaskId><![CDATA[task-1]]></TaskId><CardType><![CDATA[multiple_interaction]]></CardType><ResponseCode><![CDATA[code]]]]><![CDATA[>x]]></ResponseCode><AgentID>1000002</AgentID>${selected}</xml>`;

	it('keeps nested SelectedItems: several questions with several options each', () => {
		const selected =
			'<SelectedItems>' +
			'<SelectedItem><QuestionKey><![CDATA[q1]]></QuestionKey><OptionIds><OptionId><![CDATA[a]]></OptionId><OptionId><![CDATA[b]]></OptionId><OptionId><![CDATA[c]]]]></OptionId></OptionIds></SelectedItem>' +
			'<SelectedItem><QuestionKey><![CDATA[q2]]></QuestionKey><OptionIds><OptionId><![CDATA[x]]></OptionId></OptionIds></SelectedItem>' +
			'<SelectedItem><QuestionKey><![CDATA[q3]]></QuestionKey><OptionIds><OptionId><![CDATA[]]></OptionId><OptionId><![CDATA[z]]></OptionId></OptionIds></SelectedItem>' +
			'</SelectedItems>';
		expect(eventOf(cardEvent(selected))).toMatchObject({
			category: 'templateCard',
			event: 'template_card_event',
			msgType: 'event',
			fromUser: 'alice',
			toUser: 'wwcorp',
			agentId: 1000002,
			createTime: 1760000000,
			taskId: 'task-1',
			eventKey: 'submit',
			cardType: 'multiple_interaction',
			responseCode: 'code]]>x',
			selectedItems: [
				{ questionKey: 'q1', optionIds: ['a', 'b', 'c]]'] },
				{ questionKey: 'q2', optionIds: ['x'] },
				{ questionKey: 'q3', optionIds: ['', 'z'] },
			],
		});
	});

	it('accepts the OpitonIds/OpitonId spelling one SDK uses', () => {
		const selected =
			'<SelectedItems><SelectedItem><QuestionKey>q</QuestionKey><OpitonIds><OpitonId>o1</OpitonId><OpitonId>o2</OpitonId></OpitonIds></SelectedItem></SelectedItems>';
		expect(eventOf(cardEvent(selected)).selectedItems).toEqual([{ questionKey: 'q', optionIds: ['o1', 'o2'] }]);
	});

	it('gives an empty selection when SelectedItems is absent or empty, and reads menu events', () => {
		expect(eventOf(cardEvent('')).selectedItems).toEqual([]);
		expect(eventOf(cardEvent('<SelectedItems></SelectedItems>')).selectedItems).toEqual([]);
		expect(eventOf(cardEvent('', 'template_card_menu_event'))).toMatchObject({
			category: 'templateCardMenu',
			eventKey: 'submit',
		});
	});

	it('reads sys_approval_change with records, notifiers and comments', () => {
		const xml = toXml('xml', {
			ToUserName: 'wwcorp',
			FromUserName: 'sys',
			CreateTime: 1760000000,
			MsgType: 'event',
			Event: 'sys_approval_change',
			AgentID: 3010040,
			ApprovalInfo: {
				SpNo: 202611290001,
				SpName: 'Leave',
				SpStatus: 3,
				TemplateId: 'tpl-1',
				ApplyTime: 1759990000,
				Applyer: { UserId: 'alice', Party: '1' },
				SpRecord: [
					{
						SpStatus: 2,
						ApproverAttr: 2,
						Details: [
							{ Approver: { UserId: 'bob' }, Speech: 'fine', SpStatus: 2, SpTime: 1759995000 },
							{ Approver: { UserId: 'carol' }, Speech: '', SpStatus: 2, SpTime: 1759996000 },
						],
					},
					{
						SpStatus: 3,
						ApproverAttr: 1,
						Details: { Approver: { UserId: 'dave' }, Speech: 'no', SpStatus: 3, SpTime: 1760000000 },
					},
				],
				Notifyer: [{ UserId: 'erin' }, { UserId: 'frank' }],
				Comments: {
					CommentUserInfo: { UserId: 'bob' },
					CommentTime: 1759995100,
					CommentContent: 'see ]]> notes',
					CommentId: 'c1',
				},
				StatuChangeEvent: 3,
			},
		});
		expect(eventOf(xml)).toMatchObject({
			category: 'approval',
			fromUser: 'sys',
			agentId: 3010040,
			spNo: '202611290001',
			spName: 'Leave',
			spStatus: 3,
			spStatusText: 'rejected',
			templateId: 'tpl-1',
			applyTime: 1759990000,
			applicant: { userId: 'alice', party: '1' },
			statusChangeEvent: 3,
			approvalNodes: [
				{
					status: 2,
					approverAttr: 2,
					approvers: [
						{ userId: 'bob', speech: 'fine', status: 2, time: 1759995000 },
						{ userId: 'carol', speech: '', status: 2, time: 1759996000 },
					],
				},
				{ status: 3, approverAttr: 1, approvers: [{ userId: 'dave', speech: 'no', status: 3, time: 1760000000 }] },
			],
			notifiers: ['erin', 'frank'],
			comments: [{ userId: 'bob', time: 1759995100, content: 'see ]]> notes', id: 'c1' }],
		});
	});

	it('reads the legacy open_approval_change', () => {
		const xml =
			'<xml><ToUserName><![CDATA[wwcorp]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1527838022</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[open_approval_change]]></Event><AgentID>1</AgentID><ApprovalInfo><ThirdNo><![CDATA[201806010001]]></ThirdNo><OpenSpName><![CDATA[Payment]]></OpenSpName><OpenTemplateId><![CDATA[1234567890]]></OpenTemplateId><OpenSpStatus>1</OpenSpStatus><ApplyTime>1527837645</ApplyTime><ApplyUserName><![CDATA[Jack]]></ApplyUserName><ApplyUserId><![CDATA[jack]]></ApplyUserId><ApplyUserParty><![CDATA[Sales]]></ApplyUserParty><ApprovalNodes><ApprovalNode><NodeStatus>1</NodeStatus><NodeAttr>1</NodeAttr><NodeType>1</NodeType><Items><Item><ItemName><![CDATA[Rose]]></ItemName><ItemUserId><![CDATA[rose]]></ItemUserId><ItemStatus>1</ItemStatus><ItemOpTime>0</ItemOpTime></Item></Items></ApprovalNode></ApprovalNodes><approverstep>0</approverstep></ApprovalInfo></xml>';
		const event = eventOf(xml);
		expect(event).toMatchObject({
			category: 'approval',
			event: 'open_approval_change',
			spNo: '201806010001',
			spName: 'Payment',
			spStatus: 1,
			spStatusText: 'pending',
			applicant: { userId: 'jack', name: 'Jack', party: 'Sales' },
			currentStep: 0,
		});
		expect(event.approvalInfo).toMatchObject({
			ApprovalNodes: { ApprovalNode: [{ Items: { Item: [{ ItemUserId: 'rose', ItemStatus: 1 }] } }] },
		});
	});

	it('keeps everything WeCom sent in fields and rawXml', () => {
		const xml = '<xml><MsgType>event</MsgType><Event>enter_agent</Event><EventKey></EventKey><Custom>42</Custom></xml>';
		expect(eventOf(xml)).toMatchObject({
			category: 'otherEvent',
			event: 'enter_agent',
			fields: { MsgType: 'event', Event: 'enter_agent', EventKey: '', Custom: '42' },
			rawXml: xml,
		});
	});
});
