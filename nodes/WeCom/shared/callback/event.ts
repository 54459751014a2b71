import type { XmlElement, XmlObject, XmlShape, XmlValue } from './xml';
import { xmlToValue } from './xml';

/**
 * What WeCom repeats and what it means as numbers, across messages, card events and both
 * approval events. MsgId and SpNo stay text: MsgId exceeds 2^53, SpNo is an identifier.
 * 'OpitonId' is a misspelling one SDK maps; accepted in case WeCom ever sends it.
 */
export const WECOM_XML_SHAPE: XmlShape = {
	arrays: new Set([
		'SelectedItem',
		'OptionId',
		'OpitonId',
		'SpRecord',
		'Details',
		'Attach',
		'Notifyer',
		'Comments',
		'ApprovalNode',
		'Item',
		'NotifyNode',
		'NodeList',
		'SubNodeList',
	]),
	numbers: new Set([
		'CreateTime',
		'AgentID',
		'SpStatus',
		'ApplyTime',
		'StatuChangeEvent',
		'ApproverAttr',
		'SpTime',
		'CommentTime',
		'OpenSpStatus',
		'NodeStatus',
		'NodeAttr',
		'NodeType',
		'ItemStatus',
		'ItemOpTime',
		'approverstep',
		'Scale',
		'Location_X',
		'Location_Y',
	]),
};

type CallbackCategory = 'templateCard' | 'templateCardMenu' | 'approval' | 'message' | 'otherEvent';

export interface SelectedItem {
	questionKey: string;
	optionIds: string[];
}

/** The trigger's output: flat, camelCase, plus everything WeCom sent (fields, rawXml). */
export interface WeComCallbackEvent {
	[key: string]: unknown;
	category: CallbackCategory;
	/** Event for events ('template_card_event', ...); '' for plain messages. */
	event: string;
	msgType: string;
	fromUser: string;
	toUser: string;
	agentId: number | null;
	createTime: number | null;
	fields: XmlObject;
	rawXml: string;
}

const SYS_APPROVAL_STATUS: Record<number, string> = {
	1: 'pending',
	2: 'approved',
	3: 'rejected',
	4: 'revoked',
	6: 'revokedAfterApproval',
	7: 'deleted',
	10: 'paid',
};

const OPEN_APPROVAL_STATUS: Record<number, string> = {
	1: 'pending',
	2: 'approved',
	3: 'rejected',
	4: 'cancelled',
};

function isObject(value: XmlValue | undefined): value is XmlObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(parent: XmlValue | undefined, name: string): XmlValue | undefined {
	return isObject(parent) && Object.hasOwn(parent, name) ? parent[name] : undefined;
}

function text(parent: XmlValue | undefined, name: string): string | null {
	const value = child(parent, name);
	return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

function numberOf(parent: XmlValue | undefined, name: string): number | null {
	const value = child(parent, name);
	return typeof value === 'number' ? value : null;
}

function list(parent: XmlValue | undefined, name: string): XmlValue[] {
	const value = child(parent, name);
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

function textList(parent: XmlValue | undefined, name: string): string[] {
	return list(parent, name).map((value) => (isObject(value) ? '' : String(value)));
}

/** SelectedItems/SelectedItem[]/{QuestionKey, OptionIds/OptionId[]} (or the OpitonIds spelling). */
function selectedItemsOf(fields: XmlObject): SelectedItem[] {
	return list(child(fields, 'SelectedItems'), 'SelectedItem').map((item) => ({
		questionKey: text(item, 'QuestionKey') ?? '',
		optionIds: [...textList(child(item, 'OptionIds'), 'OptionId'), ...textList(child(item, 'OpitonIds'), 'OpitonId')],
	}));
}

function cardFields(fields: XmlObject): Record<string, unknown> {
	return {
		taskId: text(fields, 'TaskId'),
		eventKey: text(fields, 'EventKey'),
		cardType: text(fields, 'CardType'),
		responseCode: text(fields, 'ResponseCode'),
		selectedItems: selectedItemsOf(fields),
	};
}

function userIdOf(value: XmlValue | undefined): string | null {
	return text(value, 'UserId');
}

function sysApprovalFields(info: XmlValue | undefined): Record<string, unknown> {
	const spStatus = numberOf(info, 'SpStatus');
	const applyer = child(info, 'Applyer');
	return {
		spNo: text(info, 'SpNo') ?? text(info, 'SpNoStr'),
		spName: text(info, 'SpName'),
		spStatus,
		spStatusText: spStatus === null ? null : (SYS_APPROVAL_STATUS[spStatus] ?? 'unknown'),
		templateId: text(info, 'TemplateId'),
		applyTime: numberOf(info, 'ApplyTime'),
		applicant: { userId: userIdOf(applyer), party: text(applyer, 'Party') },
		statusChangeEvent: numberOf(info, 'StatuChangeEvent'),
		approvalNodes: list(info, 'SpRecord').map((record) => ({
			status: numberOf(record, 'SpStatus'),
			approverAttr: numberOf(record, 'ApproverAttr'),
			approvers: list(record, 'Details').map((detail) => ({
				userId: userIdOf(child(detail, 'Approver')),
				speech: text(detail, 'Speech'),
				status: numberOf(detail, 'SpStatus'),
				time: numberOf(detail, 'SpTime'),
			})),
		})),
		notifiers: list(info, 'Notifyer').map(userIdOf),
		comments: list(info, 'Comments').map((comment) => ({
			userId: userIdOf(child(comment, 'CommentUserInfo')),
			time: numberOf(comment, 'CommentTime'),
			content: text(comment, 'CommentContent'),
			id: text(comment, 'CommentId'),
		})),
	};
}

function openApprovalFields(info: XmlValue | undefined): Record<string, unknown> {
	const spStatus = numberOf(info, 'OpenSpStatus');
	return {
		spNo: text(info, 'ThirdNo'),
		spName: text(info, 'OpenSpName'),
		spStatus,
		spStatusText: spStatus === null ? null : (OPEN_APPROVAL_STATUS[spStatus] ?? 'unknown'),
		templateId: text(info, 'OpenTemplateId'),
		applyTime: numberOf(info, 'ApplyTime'),
		applicant: {
			userId: text(info, 'ApplyUserId'),
			name: text(info, 'ApplyUserName'),
			party: text(info, 'ApplyUserParty'),
		},
		currentStep: numberOf(info, 'approverstep'),
	};
}

function categoryOf(msgType: string, event: string): CallbackCategory {
	if (msgType !== 'event') return 'message';
	if (event === 'template_card_event') return 'templateCard';
	if (event === 'template_card_menu_event') return 'templateCardMenu';
	if (event === 'sys_approval_change' || event === 'open_approval_change') return 'approval';
	return 'otherEvent';
}

function specificFields(category: CallbackCategory, event: string, fields: XmlObject): Record<string, unknown> {
	if (category === 'templateCard' || category === 'templateCardMenu') return cardFields(fields);
	if (category === 'approval') {
		const info = child(fields, 'ApprovalInfo');
		const approval = event === 'sys_approval_change' ? sysApprovalFields(info) : openApprovalFields(info);
		return { ...approval, approvalInfo: isObject(info) ? info : null };
	}
	if (category === 'message') return { msgId: text(fields, 'MsgId'), content: text(fields, 'Content') };
	return { eventKey: text(fields, 'EventKey') };
}

/** A decrypted callback document → the trigger's output item. */
export function normaliseEvent(root: XmlElement, rawXml: string): WeComCallbackEvent {
	const value = xmlToValue(root, WECOM_XML_SHAPE);
	const fields: XmlObject = isObject(value) ? value : {};
	const msgType = text(fields, 'MsgType') ?? '';
	const event = msgType === 'event' ? (text(fields, 'Event') ?? '') : '';
	const category = categoryOf(msgType, event);
	return {
		category,
		event,
		msgType,
		fromUser: text(fields, 'FromUserName') ?? '',
		toUser: text(fields, 'ToUserName') ?? '',
		agentId: numberOf(fields, 'AgentID'),
		createTime: numberOf(fields, 'CreateTime'),
		...specificFields(category, event, fields),
		fields,
		rawXml,
	};
}
