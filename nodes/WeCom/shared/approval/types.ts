/**
 * Shapes of WeCom's approval (审批) API, as its pages document them:
 * gettemplatedetail (https://developer.work.weixin.qq.com/document/path/91982),
 * applyevent (https://developer.work.weixin.qq.com/document/path/91853) and
 * getapprovaldetail (https://developer.work.weixin.qq.com/document/path/91983).
 */

/** A `{text, lang}` entry: titles, option labels and template names come as lists of these. */
export interface LangText {
	text: string;
	lang?: string;
}

export interface SelectorOption {
	key: string;
	value: LangText[];
}

/** One control of a template (gettemplatedetail `template_content.controls[]`). */
export interface TemplateControl {
	property: {
		control: string;
		id: string;
		title: LangText[];
		placeholder?: LangText[];
		/** 1 = required. */
		require?: number;
		un_print?: number;
	};
	config?: {
		date?: { type: 'day' | 'hour' };
		date_range?: { type: 'halfday' | 'hour' };
		selector?: { type: 'single' | 'multi'; exp_type?: number; options: SelectorOption[] };
		contact?: { type: 'single' | 'multi'; mode: 'user' | 'department' };
		table?: { children: TemplateControl[]; stat_field?: unknown[] };
		vacation_list?: { item: Array<{ id: number; name: LangText[] }> };
		attendance?: { date_range?: { type: 'halfday' | 'hour' }; type?: number };
		file?: { is_only_photo?: number };
		location?: { distance?: number };
		related_approval?: { template_id?: string };
		tips?: unknown;
		[key: string]: unknown;
	};
}

export interface ApprovalTemplate {
	template_names: LangText[];
	template_content: { controls: TemplateControl[] };
}

/** One filled control of an application (`apply_data.contents[]`). */
export interface ApplyContent {
	control: string;
	id: string;
	title?: LangText[];
	value: Record<string, unknown>;
	hidden?: number;
}

/** What getapprovaldetail returns as `info`; only the fields this package reads are typed. */
export interface ApprovalDetail {
	sp_no: string;
	sp_name: string;
	sp_status: number;
	template_id: string;
	apply_time: number;
	applyer?: { userid: string; partyid?: string };
	apply_data: { contents: ApplyContent[] };
	[key: string]: unknown;
}

/** A rule an application or a template breaks, and where. */
export interface ApplyIssue {
	/** Where the problem is, e.g. `apply_data.contents[2].value.selector.options[0].key`. */
	path: string;
	message: string;
}
