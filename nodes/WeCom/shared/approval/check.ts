import { langText } from './fields';
import { tableDepthAllowed } from './nesting';
import type { ApplyIssue, TemplateControl } from './types';
import {
	APPROVAL_MAX_FILES,
	APPROVAL_SUMMARY_LANGS,
	APPROVAL_SUMMARY_MAX_ROWS,
	APPROVAL_SUMMARY_TEXT_MAX,
} from './limits';

/**
 * The rules applyevent enforces on `apply_data` and `summary_list`, from WeCom's page
 * (https://developer.work.weixin.qq.com/document/path/91853). The node checks a submission with
 * them before sending anything; the sandbox answers 301025 when one fails.
 */

export type { ApplyIssue };

type Report = (path: string, message: string) => void;
type Value = Record<string, unknown>;

const isObject = (value: unknown): value is Value =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isDigits = (value: unknown) => typeof value === 'string' && /^\d+$/.test(value);
const isDecimal = (value: unknown) => typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value);
const isInteger = (value: unknown) => typeof value === 'number' && Number.isInteger(value);

/** The kinds of a date range ("halfday" or "hour"), for DateRange, Vacation and Attendance. */
const DATE_RANGE_TYPES = ['halfday', 'hour'] as const;

/** 00:00:00 or 12:00:00 of a day in UTC+8, the only begin/end a half-day range may have. */
const isHalfDayBoundary = (seconds: number) => (seconds + 8 * 3600) % (12 * 3600) === 0;

/** The control's title (Chinese first); its id when the template gives none. */
export const controlTitle = (control: TemplateControl): string =>
	langText(control.property.title) || control.property.id;

const isName = (value: unknown) => typeof value === 'string' && value !== '';

/**
 * Where a template (gettemplatedetail) lacks what the node reads of it: each control's type and
 * id (unique), and the lists of options, columns and leave types. Titles may be missing. Tables
 * deeper than APPROVAL_TABLE_MAX_DEPTH are not followed: nothing reads them (the form refuses such a
 * template, contents are refused first), and a hostile depth must not exhaust the stack.
 */
export function checkTemplate(template: unknown): ApplyIssue[] {
	const issues: ApplyIssue[] = [];
	const report: Report = (path, message) => issues.push({ path, message });
	const content = isObject(template) ? template.template_content : undefined;
	const controls = isObject(content) ? content.controls : undefined;
	if (!Array.isArray(controls)) report('template_content.controls', 'must be a list');
	else checkTemplateControls(controls, 'template_content.controls', 0, report);
	return issues;
}

/** A list of controls (the form, or the columns of a table `depth` levels deep); ids are unique within it. */
function checkTemplateControls(controls: unknown[], at: string, depth: number, report: Report): void {
	const ids = new Set<string>();
	controls.forEach((control, index) => {
		const here = `${at}[${index}]`;
		const property = isObject(control) ? control.property : undefined;
		if (!isObject(property)) return report(`${here}.property`, 'must be an object {control, id, title}');
		if (!isName(property.control)) report(`${here}.property.control`, 'must be a non-empty string');
		if (!isName(property.id)) report(`${here}.property.id`, 'must be a non-empty string');
		else if (ids.has(property.id as string)) report(`${here}.property.id`, 'is the id of another control too');
		else ids.add(property.id as string);
		const config = (control as Value).config;
		if (config === undefined) return;
		if (!isObject(config)) return report(`${here}.config`, 'must be an object');
		checkConfigLists(config, `${here}.config`, depth, report);
	});
}

/** The lists of a control's config the node goes through. */
function checkConfigLists(config: Value, at: string, depth: number, report: Report): void {
	const list = (parent: string, key: string, entry: (item: unknown, path: string) => void) => {
		const holder = config[parent];
		if (holder === undefined) return;
		const items = isObject(holder) ? holder[key] : undefined;
		if (!Array.isArray(items)) return report(`${at}.${parent}.${key}`, 'must be a list');
		items.forEach((item, index) => entry(item, `${at}.${parent}.${key}[${index}]`));
	};
	list('selector', 'options', (option, path) => {
		if (!isObject(option) || !isName(option.key)) report(`${path}.key`, 'must be a non-empty string');
	});
	list('vacation_list', 'item', (item, path) => {
		const id = isObject(item) ? item.id : undefined;
		if (!isName(id) && !isInteger(id)) report(`${path}.id`, 'must be a leave type id');
	});
	const table = config.table;
	if (table === undefined) return;
	const children = isObject(table) ? table.children : undefined;
	if (!Array.isArray(children)) return report(`${at}.table.children`, 'must be a list');
	if (tableDepthAllowed(depth + 1)) checkTemplateControls(children, `${at}.table.children`, depth + 1, report);
}

/** True when a value holds nothing (what "required" refuses). */
function isEmptyValue(control: string, value: Value): boolean {
	const first = (key: string) => value[key];
	switch (control) {
		case 'Text':
		case 'Textarea':
			return !first('text');
		case 'Number':
			return first('new_number') === undefined || first('new_number') === '';
		case 'Money':
			return first('new_money') === undefined || first('new_money') === '';
		case 'Date':
			return !isObject(first('date')) || !(first('date') as Value).s_timestamp;
		case 'DateRange':
			return !isObject(first('date_range'));
		case 'Selector':
			return !isObject(first('selector')) || !((first('selector') as Value).options as unknown[])?.length;
		case 'Contact':
			return !(first('members') as unknown[])?.length && !(first('departments') as unknown[])?.length;
		case 'File':
			return !(first('files') as unknown[])?.length;
		case 'Table':
			// A table that is sent needs at least one row (checked with its rows).
			return !Array.isArray(first('children'));
		case 'Location':
			return !isObject(first('location'));
		case 'RelatedApproval':
			return !(first('related_approval') as unknown[])?.length;
		case 'Vacation':
			return !isObject(first('vacation'));
		case 'Attendance':
			return !isObject(first('attendance'));
		default:
			return Object.keys(value).length === 0;
	}
}

function checkDateRange(range: unknown, expectedType: string | undefined, at: string, report: Report): void {
	if (!isObject(range)) return report(at, 'must be an object {type, new_begin, new_end, new_duration}');
	if (expectedType && range.type !== expectedType)
		report(`${at}.type`, `must be "${expectedType}" as in the template (got ${JSON.stringify(range.type)})`);
	// A Vacation's range has no type in its template, yet only these two exist.
	else if (!(DATE_RANGE_TYPES as readonly unknown[]).includes(range.type))
		report(`${at}.type`, `must be ${DATE_RANGE_TYPES.join(' or ')} (got ${JSON.stringify(range.type)})`);
	for (const key of ['new_begin', 'new_end'] as const) {
		if (!isInteger(range[key])) report(`${at}.${key}`, 'must be Unix seconds as an integer');
	}
	if (range.new_duration !== undefined && !isInteger(range.new_duration))
		report(`${at}.new_duration`, 'must be seconds as an integer');
	const begin = range.new_begin as number;
	const end = range.new_end as number;
	if (isInteger(begin) && isInteger(end) && end < begin) report(`${at}.new_end`, 'must not be before new_begin');
	if (range.type === 'halfday') {
		for (const key of ['new_begin', 'new_end'] as const) {
			const seconds = range[key];
			if (isInteger(seconds) && !isHalfDayBoundary(seconds as number))
				report(`${at}.${key}`, 'a half-day range begins and ends at 00:00:00 or 12:00:00 (UTC+8)');
		}
	}
}

function checkOptionKeys(options: unknown, known: string[], single: boolean, at: string, report: Report): void {
	if (!Array.isArray(options)) return report(at, 'must be a list of {key}');
	if (single && options.length > 1) report(at, 'a single-choice control takes one option');
	options.forEach((option, index) => {
		const key = isObject(option) ? option.key : undefined;
		if (typeof key !== 'string' || !known.includes(key))
			report(`${at}[${index}].key`, `must be one of the template's option keys (${known.join(', ')})`);
	});
}

/** Checks one value against its template control; `files` counts attachments across the form. */
function checkValue(
	control: TemplateControl,
	value: Value,
	at: string,
	report: Report,
	files: { count: number },
): void {
	const config = control.config ?? {};
	switch (control.property.control) {
		case 'Text':
		case 'Textarea':
			if (typeof value.text !== 'string') return report(`${at}.text`, 'must be a string');
			if (control.property.control === 'Text' && /[\r\n]/.test(value.text))
				report(`${at}.text`, 'a Text control must not contain line breaks (use a Textarea)');
			return;
		case 'Number':
			if (!isDecimal(value.new_number)) report(`${at}.new_number`, 'must be a number written as a string, e.g. "700"');
			return;
		case 'Money':
			if (!isDecimal(value.new_money))
				report(`${at}.new_money`, 'must be an amount written as a string, e.g. "700.50"');
			return;
		case 'Date': {
			const date = value.date;
			if (!isObject(date)) return report(`${at}.date`, 'must be an object {type, s_timestamp}');
			const expected = config.date?.type;
			if (expected && date.type !== expected)
				report(`${at}.date.type`, `must be "${expected}" as in the template (got ${JSON.stringify(date.type)})`);
			if (!isDigits(date.s_timestamp))
				report(`${at}.date.s_timestamp`, 'must be Unix seconds written as a string, e.g. "1569859200"');
			return;
		}
		case 'DateRange':
			return checkDateRange(value.date_range, config.date_range?.type, `${at}.date_range`, report);
		case 'Selector': {
			const selector = value.selector;
			if (!isObject(selector)) return report(`${at}.selector`, 'must be an object {type, options}');
			const expected = config.selector?.type;
			if (expected && selector.type !== expected)
				report(`${at}.selector.type`, `must be "${expected}" as in the template`);
			const keys = (config.selector?.options ?? []).map((option) => option.key);
			return checkOptionKeys(selector.options, keys, expected === 'single', `${at}.selector.options`, report);
		}
		case 'Contact': {
			const mode = config.contact?.mode ?? 'user';
			const key = mode === 'department' ? 'departments' : 'members';
			const list = value[key];
			if (!Array.isArray(list)) return report(`${at}.${key}`, `this control picks ${mode}s: set "${key}"`);
			if (config.contact?.type === 'single' && list.length > 1) report(`${at}.${key}`, 'this control picks one');
			const idKey = mode === 'department' ? 'openapi_id' : 'userid';
			list.forEach((entry, index) => {
				if (!isObject(entry) || typeof entry[idKey] !== 'string' || entry[idKey] === '')
					report(`${at}.${key}[${index}].${idKey}`, 'must be a non-empty string');
			});
			return;
		}
		case 'File': {
			const list = value.files;
			if (!Array.isArray(list)) return report(`${at}.files`, 'must be a list of {file_id}');
			files.count += list.length;
			list.forEach((entry, index) => {
				if (!isObject(entry) || typeof entry.file_id !== 'string' || entry.file_id === '')
					report(`${at}.files[${index}].file_id`, 'must be a media_id from media/upload');
			});
			return;
		}
		case 'Table':
			return checkTable(control, value, at, report, files);
		case 'Location': {
			const location = value.location;
			if (!isObject(location))
				return report(`${at}.location`, 'must be an object {latitude, longitude, title, address}');
			for (const key of ['latitude', 'longitude'] as const) {
				if (!isDecimal(location[key])) report(`${at}.location.${key}`, 'must be a decimal written as a string');
			}
			return;
		}
		case 'RelatedApproval': {
			const list = value.related_approval;
			if (!Array.isArray(list)) return report(`${at}.related_approval`, 'must be a list of {sp_no}');
			list.forEach((entry, index) => {
				if (!isObject(entry) || !isDigits(entry.sp_no))
					report(`${at}.related_approval[${index}].sp_no`, 'must be an approval number (sp_no)');
			});
			return;
		}
		case 'Vacation': {
			const vacation = value.vacation;
			if (!isObject(vacation)) return report(`${at}.vacation`, 'must be an object {selector, attendance}');
			const ids = (config.vacation_list?.item ?? []).map((item) => String(item.id));
			const selector = isObject(vacation.selector) ? vacation.selector : {};
			checkOptionKeys(selector.options, ids, true, `${at}.vacation.selector.options`, report);
			const attendance = isObject(vacation.attendance) ? vacation.attendance : {};
			return checkDateRange(attendance.date_range, undefined, `${at}.vacation.attendance.date_range`, report);
		}
		case 'Attendance': {
			const attendance = value.attendance;
			if (!isObject(attendance)) return report(`${at}.attendance`, 'must be an object {date_range, type}');
			return checkDateRange(
				attendance.date_range,
				config.attendance?.date_range?.type,
				`${at}.attendance.date_range`,
				report,
			);
		}
		default:
			// Tips and Formula are filled in by WeCom; other controls are passed on as given.
			return;
	}
}

/** A table needs at least one row, and every row every sub-control of the template. */
function checkTable(
	control: TemplateControl,
	value: Value,
	at: string,
	report: Report,
	files: { count: number },
): void {
	const rows = value.children;
	if (!Array.isArray(rows) || rows.length === 0)
		return report(`${at}.children`, 'a table needs at least one row {list: [...]}');
	const children = control.config?.table?.children ?? [];
	rows.forEach((row, index) => {
		const list = isObject(row) ? row.list : undefined;
		if (!Array.isArray(list)) return report(`${at}.children[${index}].list`, 'must be a list of controls');
		checkContentList(children, list, `${at}.children[${index}].list`, report, files, true);
	});
}

function checkContentList(
	controls: TemplateControl[],
	contents: unknown[],
	at: string,
	report: Report,
	files: { count: number },
	everyControl: boolean,
): void {
	const byId = new Map(controls.map((control) => [control.property.id, control]));
	const seen = new Set<string>();
	contents.forEach((content, index) => {
		const here = `${at}[${index}]`;
		if (!isObject(content)) return report(here, 'must be an object {control, id, value}');
		const control = typeof content.id === 'string' ? byId.get(content.id) : undefined;
		if (!control) return report(`${here}.id`, `the template has no control ${JSON.stringify(content.id)}`);
		seen.add(control.property.id);
		if (content.control !== control.property.control)
			report(
				`${here}.control`,
				`must be "${control.property.control}" (the template's type of "${controlTitle(control)}")`,
			);
		if (!isObject(content.value)) return report(`${here}.value`, 'must be an object');
		if (isEmptyValue(control.property.control, content.value)) {
			if (control.property.require === 1) report(`${here}.value`, `"${controlTitle(control)}" is required`);
			return;
		}
		checkValue(control, content.value, `${here}.value`, report, files);
	});
	for (const control of controls) {
		if (seen.has(control.property.id) || AUTO_FILLED.includes(control.property.control)) continue;
		if (everyControl) report(at, `each row must include "${controlTitle(control)}" (${control.property.id})`);
		else if (control.property.require === 1)
			report(at, `"${controlTitle(control)}" (${control.property.id}) is required`);
	}
}

/** Filled in by WeCom: "后台自动填充，无需赋值" (Tips), computed on submit (Formula). */
const AUTO_FILLED = ['Tips', 'Formula'];

function checkSummary(summary: unknown, report: Report): void {
	if (!Array.isArray(summary) || summary.length === 0)
		return report('summary_list', 'at least one summary row is required');
	if (summary.length > APPROVAL_SUMMARY_MAX_ROWS)
		report('summary_list', `at most ${APPROVAL_SUMMARY_MAX_ROWS} summary rows`);
	summary.forEach((row, index) => {
		const info = isObject(row) ? row.summary_info : undefined;
		if (!Array.isArray(info) || info.length === 0)
			return report(`summary_list[${index}].summary_info`, 'must be a list of {text, lang}');
		info.forEach((entry, at) => {
			const here = `summary_list[${index}].summary_info[${at}]`;
			const text = isObject(entry) ? entry.text : undefined;
			if (typeof text !== 'string' || text === '') report(`${here}.text`, 'must be a non-empty string');
			else if ([...text].length > APPROVAL_SUMMARY_TEXT_MAX)
				report(`${here}.text`, `at most ${APPROVAL_SUMMARY_TEXT_MAX} characters`);
			const lang = isObject(entry) ? entry.lang : undefined;
			if (lang !== undefined && !(APPROVAL_SUMMARY_LANGS as readonly unknown[]).includes(lang))
				report(`${here}.lang`, `must be ${APPROVAL_SUMMARY_LANGS.join(' or ')}`);
		});
	});
}

/** Every problem of an applyevent body's form part against the template's controls. */
export function checkApplication(
	controls: TemplateControl[],
	body: { apply_data?: unknown; summary_list?: unknown },
): ApplyIssue[] {
	const issues: ApplyIssue[] = [];
	const report: Report = (path, message) => issues.push({ path, message });
	const files = { count: 0 };
	const contents = isObject(body.apply_data) ? body.apply_data.contents : undefined;
	if (!Array.isArray(contents)) report('apply_data.contents', 'must be a list of {control, id, value}');
	else checkContentList(controls, contents, 'apply_data.contents', report, files, false);
	if (files.count > APPROVAL_MAX_FILES)
		report('apply_data.contents', `at most ${APPROVAL_MAX_FILES} attachments per application (got ${files.count})`);
	checkSummary(body.summary_list, report);
	return issues;
}

export function formatApplyIssue(issue: ApplyIssue): string {
	return `${issue.path}: ${issue.message}`;
}
