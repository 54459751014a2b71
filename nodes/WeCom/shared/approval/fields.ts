import { APPROVAL_STATUS } from './limits';
import { tableDepthAllowed } from './nesting';
import type { ApplyContent, ApprovalDetail, LangText } from './types';

/**
 * A readable view of an application's form: each control's title → its value, typed by control,
 * from the value shapes of getapprovaldetail (https://developer.work.weixin.qq.com/document/path/91983).
 * Controls this package does not know are kept as WeCom sent them, never dropped.
 */

type Value = Record<string, unknown>;
export type ReadableFields = Record<string, unknown>;

const isObject = (value: unknown): value is Value =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function langText(texts: unknown): string {
	// A text that is not a string (a forged answer) would become a key such as "[object Object]".
	const entries = list(texts).filter((entry) => isObject(entry) && typeof entry.text === 'string') as LangText[];
	return entries.find((entry) => entry.lang === 'zh_CN')?.text ?? entries[0]?.text ?? '';
}

/** An id WeCom writes as a string or a number; anything else is no id (never "undefined"). */
const idOf = (value: unknown): string | null =>
	typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? String(value) : null;

/**
 * WeCom writes numbers as strings ("700"); a value that is not a number, or too big for a number
 * to hold exactly (an amount would change), stays as written.
 */
function numberOf(value: unknown): number | string | null {
	if (value === undefined || value === null || value === '') return null;
	const number = Number(value);
	return Number.isFinite(number) && Math.abs(number) <= Number.MAX_SAFE_INTEGER ? number : String(value);
}

/** Unix seconds as a number; a value that is none (or too big to hold exactly) stays as written. */
function secondsOf(value: unknown): unknown {
	if (value === undefined || value === null || value === '') return null;
	const number = Number(value);
	return Number.isSafeInteger(number) ? number : value;
}

/** ISO time of Unix seconds; null for what is no time a Date can hold (e.g. "99999999999999999"). */
function isoOf(seconds: unknown): string | null {
	if (typeof seconds !== 'number') return null;
	const date = new Date(seconds * 1000);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function dateRange(range: unknown) {
	if (!isObject(range)) return null;
	const begin = secondsOf(range.new_begin);
	const end = secondsOf(range.new_end);
	return {
		type: range.type,
		begin: isoOf(begin),
		end: isoOf(end),
		beginTimestamp: begin,
		endTimestamp: end,
		durationSeconds: secondsOf(range.new_duration),
	};
}

function options(selector: unknown) {
	return list(isObject(selector) ? selector.options : undefined)
		.filter(isObject)
		.map((option) => ({ key: idOf(option.key), text: langText(option.value) }));
}

function selectorValue(selector: unknown): string | string[] | null {
	const chosen = options(selector).map((option) => option.text);
	if (isObject(selector) && selector.type === 'multi') return chosen;
	return chosen[0] ?? null;
}

/** Reads one control's value; undefined means "not a control this package knows". `depth`: tables around it. */
function readValue(control: string, value: Value, depth: number): unknown {
	switch (control) {
		case 'Text':
		case 'Textarea':
			return typeof value.text === 'string' ? value.text : '';
		case 'Number':
			return numberOf(value.new_number);
		case 'Money':
			return numberOf(value.new_money);
		case 'Formula':
			return numberOf(isObject(value.formula) ? value.formula.value : undefined);
		case 'Date': {
			const date = isObject(value.date) ? value.date : {};
			const seconds = secondsOf(date.s_timestamp);
			return { type: date.type, date: isoOf(seconds), timestamp: seconds };
		}
		case 'DateRange':
			return dateRange(value.date_range);
		case 'Selector':
			return selectorValue(value.selector);
		case 'Contact':
			if (list(value.departments).length > 0)
				return list(value.departments)
					.filter(isObject)
					.map((department) => ({ id: idOf(department.openapi_id), name: department.name }));
			return list(value.members)
				.filter(isObject)
				.map((member) => ({ userid: member.userid, name: member.name }));
		case 'File':
			return list(value.files)
				.filter(isObject)
				.map((file) => file.file_id);
		case 'Table':
			// Nested deeper than the guard allows: kept raw, so no nesting can exhaust the stack.
			if (!tableDepthAllowed(depth + 1)) return undefined;
			return list(value.children)
				.filter(isObject)
				.map((row) => readableFields(list(row.list) as ApplyContent[], depth + 1));
		case 'Location': {
			const location = isObject(value.location) ? value.location : {};
			return {
				latitude: numberOf(location.latitude),
				longitude: numberOf(location.longitude),
				title: location.title,
				address: location.address,
				time: location.time,
			};
		}
		case 'RelatedApproval':
			return list(value.related_approval)
				.filter(isObject)
				.map((related) => ({
					sp_no: idOf(related.sp_no),
					name: related.name,
					sp_status: related.sp_status,
					templateName: langText(related.template_names),
				}));
		case 'Vacation': {
			const vacation = isObject(value.vacation) ? value.vacation : {};
			const attendance = isObject(vacation.attendance) ? vacation.attendance : {};
			const [kind] = options(vacation.selector);
			return { leaveType: kind?.text ?? null, leaveTypeId: kind?.key ?? null, ...dateRange(attendance.date_range) };
		}
		case 'Attendance': {
			const attendance = isObject(value.attendance) ? value.attendance : {};
			return { attendanceType: attendance.type, ...dateRange(attendance.date_range) };
		}
		default:
			// Tips, BankAccount, PunchCorrection and controls WeCom adds later: read raw.
			return undefined;
	}
}

/** The value as WeCom sent it, for controls read as-is (Tips, BankAccount, PunchCorrection, new ones). */
function rawValue(value: Value): unknown {
	const meaningful = Object.entries(value).filter(([, entry]) => !(Array.isArray(entry) && entry.length === 0));
	return meaningful.length === 1 ? meaningful[0][1] : value;
}

/** Keys n8n drops when it copies an item (deepCopy), and that would reach Object.prototype. */
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * A key not yet in `fields`: the title, else with the control id, else numbered. `counts` keeps the
 * last number per title and id, so a form repeating one control 20,000 times is not 20,000² tries.
 */
function fieldKey(fields: ReadableFields, counts: Map<string, number>, title: string, id: string): string {
	const taken = (key: string) => Object.hasOwn(fields, key) || RESERVED_KEYS.includes(key);
	if (!taken(title)) return title;
	const withId = `${title} (${id})`;
	let count = counts.get(withId) ?? 1;
	let key = count === 1 ? withId : `${withId} (${count})`;
	while (taken(key)) key = `${withId} (${++count})`;
	counts.set(withId, count);
	return key;
}

/**
 * Title → value for each control, in form order. A title used twice (or one n8n would drop:
 * `__proto__`, `constructor`, `prototype`) gets the control id added (`Amount (Money-2)`), then a
 * number (`Amount (Money-2) (2)`), so no value is lost.
 */
export function readableFields(contents: ApplyContent[], depth = 0): ReadableFields {
	const fields: ReadableFields = {};
	const counts = new Map<string, number>();
	for (const content of list(contents).filter(isObject) as unknown as ApplyContent[]) {
		const id = idOf(content.id) ?? 'no id';
		const key = fieldKey(fields, counts, langText(content.title) || id, id);
		const value = isObject(content.value) ? content.value : {};
		const read = readValue(content.control, value, depth);
		fields[key] = read === undefined ? rawValue(value) : read;
	}
	return fields;
}

/** What Get Approval Detail (and the trigger's Include Approval Details) outputs for one application. */
export function approvalOutput(info: ApprovalDetail) {
	return {
		sp_no: info.sp_no,
		sp_name: info.sp_name,
		sp_status: info.sp_status,
		status: Object.hasOwn(APPROVAL_STATUS, info.sp_status) ? APPROVAL_STATUS[info.sp_status] : String(info.sp_status),
		template_id: info.template_id,
		applicant: info.applyer?.userid,
		apply_time: info.apply_time,
		fields: readableFields(info.apply_data?.contents ?? []),
		detail: info,
	};
}
