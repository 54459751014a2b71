import type {
	ApplyContent,
	ApprovalTemplate,
	SelectorOption,
	TemplateControl,
} from '../../nodes/WeCom/shared/approval';
import { SANDBOX_TEMPLATES } from './templates';

/**
 * Approval applications of the sandbox, kept in getapprovaldetail's `info` shape
 * (https://developer.work.weixin.qq.com/document/path/91983), with the approval flow they go
 * through and the state changes that cause sys_approval_change callbacks
 * (https://developer.work.weixin.qq.com/document/path/91815).
 */

/** One approval node: or-sign (或签, any approver decides) or countersign (会签, all must agree). */
export interface FlowNode {
	/** getapprovaldetail's `approverattr`: 1 或签, 2 会签. */
	approverattr: 1 | 2;
	approvers: string[];
}

export interface ApprovalDetailRecord {
	sp_no: string;
	sp_name: string;
	sp_status: number;
	template_id: string;
	apply_time: number;
	applyer: { userid: string; partyid: string };
	sp_record: Array<{
		sp_status: number;
		approverattr: number;
		details: Array<{
			approver: { userid: string };
			speech: string;
			sp_status: number;
			sptime: number;
			media_id: string[];
		}>;
	}>;
	notifyer: Array<{ userid: string }>;
	apply_data: { contents: ApplyContent[] };
	comments: unknown[];
}

/** An application and who it belongs to (not part of WeCom's answer). */
export interface StoredApproval {
	corpId: string;
	/** The app that submitted it (or the corp's first app), which gets its callbacks. */
	agentId: number;
	info: ApprovalDetailRecord;
}

export interface NewApproval {
	corpId: string;
	agentId: number;
	creator: string;
	templateId: string;
	contents: ApplyContent[];
	flow: FlowNode[];
	notifiers: string[];
	applyTime: number;
}

/** What happened to an application: StatuChangeEvent 1 提单, 2 同意, 3 驳回, 6 撤销. */
export interface ApprovalChange {
	approval: StoredApproval;
	statusChangeEvent: 1 | 2 | 3 | 6;
	/** Settles once every listener is done (the callback delivered or given up); never rejects. */
	settled?: Promise<unknown>;
}

export type Decision = 'approve' | 'reject';

export class ApprovalError extends Error {}

const clone = <T>(value: T): T => structuredClone(value);

/** yyyymmdd of a Unix time in UTC+8, WeCom's day. */
function dayOf(seconds: number): string {
	return new Date((seconds + 8 * 3600) * 1000).toISOString().slice(0, 10).replaceAll('-', '');
}

export class ApprovalStore {
	readonly templates: ReadonlyMap<string, ApprovalTemplate> = SANDBOX_TEMPLATES;
	private readonly approvals = new Map<string, StoredApproval>();
	private readonly listeners: Array<(change: ApprovalChange) => Promise<unknown>> = [];

	/** Called after every change (submit, decision, revoke): the server sends the callback. */
	listen(listener: (change: ApprovalChange) => Promise<unknown>): void {
		this.listeners.push(listener);
	}

	private changed(change: ApprovalChange): ApprovalChange {
		const running = this.listeners.map(async (listener) => await listener(change).catch((error: unknown) => error));
		return { ...change, settled: Promise.all(running) };
	}

	/** The live record (routes read it; only this class changes it). */
	get(spNo: string): StoredApproval | undefined {
		return this.approvals.get(spNo);
	}

	list(): StoredApproval[] {
		return clone([...this.approvals.values()]);
	}

	/** sp_no like WeCom's: the day of submission, then a 4-digit counter ("201909270001"). */
	private nextSpNo(applyTime: number): string {
		const day = dayOf(applyTime);
		const count = [...this.approvals.keys()].filter((spNo) => spNo.startsWith(day)).length;
		return `${day}${String(count + 1).padStart(4, '0')}`;
	}

	submit(application: NewApproval): ApprovalChange {
		const template = this.templates.get(application.templateId);
		if (!template) throw new ApprovalError(`unknown template_id ${application.templateId}`);
		const controls = controlsById(template);
		const spNo = this.nextSpNo(application.applyTime);
		const info: ApprovalDetailRecord = {
			sp_no: spNo,
			sp_name: template.template_names[0]?.text ?? '',
			sp_status: 1,
			template_id: application.templateId,
			apply_time: application.applyTime,
			applyer: { userid: application.creator, partyid: '1' },
			sp_record: application.flow.map((node) => ({
				sp_status: 1,
				approverattr: node.approverattr,
				details: node.approvers.map((userid) => ({
					approver: { userid },
					speech: '',
					sp_status: 1,
					sptime: 0,
					media_id: [],
				})),
			})),
			notifyer: application.notifiers.map((userid) => ({ userid })),
			apply_data: { contents: application.contents.map((content) => asStored(content, controls)) },
			comments: [],
		};
		const approval = { corpId: application.corpId, agentId: application.agentId, info };
		this.approvals.set(spNo, approval);
		return this.changed({ approval: clone(approval), statusChangeEvent: 1 });
	}

	/** An approver of the current node agrees or rejects; the application moves on or ends. */
	decide(spNo: string, userid: string, decision: Decision, speech: string, nowSeconds: number): ApprovalChange {
		const approval = this.pending(spNo);
		const node = approval.info.sp_record.find((record) => record.sp_status === 1);
		const detail = node?.details.find(
			(entry) => entry.approver.userid.toLowerCase() === userid.toLowerCase() && entry.sp_status === 1,
		);
		if (!node || !detail) throw new ApprovalError(`${userid} has nothing to decide on approval ${spNo} now`);
		detail.sp_status = decision === 'approve' ? 2 : 3;
		detail.speech = speech;
		detail.sptime = nowSeconds;
		if (decision === 'reject') {
			node.sp_status = 3;
			approval.info.sp_status = 3;
			return this.changed({ approval: clone(approval), statusChangeEvent: 3 });
		}
		const agreed = node.details.filter((entry) => entry.sp_status === 2).length;
		if (node.approverattr === 1 || agreed === node.details.length) node.sp_status = 2;
		if (approval.info.sp_record.every((record) => record.sp_status === 2)) approval.info.sp_status = 2;
		return this.changed({ approval: clone(approval), statusChangeEvent: 2 });
	}

	/** The applicant withdraws a pending application. */
	revoke(spNo: string, userid: string): ApprovalChange {
		const approval = this.pending(spNo);
		if (approval.info.applyer.userid.toLowerCase() !== userid.toLowerCase())
			throw new ApprovalError(`only the applicant ${approval.info.applyer.userid} can revoke ${spNo}`);
		approval.info.sp_status = 4;
		return this.changed({ approval: clone(approval), statusChangeEvent: 6 });
	}

	private pending(spNo: string): StoredApproval {
		const approval = this.approvals.get(spNo);
		if (!approval) throw new ApprovalError(`unknown approval ${spNo}`);
		if (approval.info.sp_status !== 1) throw new ApprovalError(`approval ${spNo} is no longer pending`);
		return approval;
	}

	reset(): void {
		this.approvals.clear();
	}
}

type Controls = Map<string, TemplateControl>;

function controlsById(template: ApprovalTemplate): Controls {
	const controls: Controls = new Map();
	const walk = (list: TemplateControl[]) => {
		for (const control of list) {
			controls.set(control.property.id, control);
			walk(control.config?.table?.children ?? []);
		}
	};
	walk(template.template_content.controls);
	return controls;
}

/** Chosen option keys come back with their labels, as getapprovaldetail shows them. */
function labelled(selector: unknown, options: SelectorOption[]): unknown {
	const chosen = (selector as { options?: Array<{ key?: string }> } | undefined)?.options ?? [];
	return {
		...(selector as object),
		options: chosen.map((option) => ({
			key: option.key,
			value: options.find((known) => known.key === option.key)?.value ?? [],
		})),
	};
}

/** What getapprovaldetail returns for a submitted control: its title, option labels, table rows alike. */
function asStored(content: ApplyContent, controls: Controls): ApplyContent {
	const control = controls.get(content.id);
	const value: Record<string, unknown> = { ...content.value };
	if (Array.isArray(value.children))
		value.children = (value.children as Array<{ list?: ApplyContent[] }>).map((row) => ({
			list: (row.list ?? []).map((cell) => asStored(cell, controls)),
		}));
	if (value.selector && control?.config?.selector)
		value.selector = labelled(value.selector, control.config.selector.options);
	const vacation = value.vacation as { selector?: unknown } | undefined;
	if (vacation?.selector && control?.config?.vacation_list) {
		const items = control.config.vacation_list.item.map((item) => ({ key: String(item.id), value: item.name }));
		value.vacation = { ...vacation, selector: labelled(vacation.selector, items) };
	}
	return { control: content.control, id: content.id, title: control?.property.title ?? [], value };
}
