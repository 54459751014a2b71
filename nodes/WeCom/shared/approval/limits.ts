/**
 * Limits of WeCom's approval API, each written once here and read by the node, the sandbox and the
 * tests. getapprovalinfo: https://developer.work.weixin.qq.com/document/path/91816; applyevent:
 * https://developer.work.weixin.qq.com/document/path/91853.
 */

/** getapprovalinfo: endtime - starttime may span at most 31 days. */
export const APPROVAL_LIST_MAX_RANGE_SECONDS = 31 * 24 * 3600;

/** getapprovalinfo: `size` is at most 100 (also the default). */
export const APPROVAL_LIST_PAGE_SIZE = 100;

/** applyevent: at most 6 attachments per application, all File controls (and table rows) together. */
export const APPROVAL_MAX_FILES = 6;

/** applyevent: `summary_list` holds 1–3 rows, each text at most 20 characters. */
export const APPROVAL_SUMMARY_MAX_ROWS = 3;
export const APPROVAL_SUMMARY_TEXT_MAX = 20;

/** applyevent: the languages a summary row may be in (note the underscore). */
export const APPROVAL_SUMMARY_LANGS = ['zh_CN', 'en'] as const;

/** getapprovaldetail `sp_status`. */
export const APPROVAL_STATUS: Readonly<Record<number, string>> = {
	1: 'pending',
	2: 'approved',
	3: 'rejected',
	4: 'revoked',
	6: 'revokedAfterApproval',
	7: 'deleted',
	10: 'paid',
};

/** getapprovalinfo filter keys; only `department` may repeat. */
export const APPROVAL_LIST_FILTER_KEYS = ['template_id', 'creator', 'department', 'sp_status', 'record_type'] as const;

/** Approval errcodes (https://developer.work.weixin.qq.com/document/path/90313). */
export const APPROVAL_ERRCODE = {
	/** Parameter error: empty values, or data that does not match the template. */
	invalidParameter: 301025,
	templateFetchFailed: 301026,
	/** The app is not allowed to call the approval API, or the creator is outside its visible range. */
	noApprovalPermission: 301055,
	narrowTimeRange: 301112,
} as const;

/**
 * How deep Table controls may nest (a table in a table row counts one level more). WeCom documents
 * no nesting at all: a Table's rows hold "content objects like contents[]" (applyevent:
 * https://developer.work.weixin.qq.com/document/path/91853; getapprovaldetail: /91983). This bound
 * is the package's own, so that hostile or broken nesting is refused (applyevent) or kept raw
 * (detail) instead of exhausting the stack.
 */
export const APPROVAL_TABLE_MAX_DEPTH = 3;
