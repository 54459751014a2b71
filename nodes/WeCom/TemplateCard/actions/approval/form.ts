import type { FieldType, INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';

import { controlTitle, langText } from '../../../shared/approval';
import type { ApplyContent, TemplateControl } from '../../../shared/approval';

/**
 * The Submit Approval form: one field per control of the template, named by its title, and how a
 * field's value becomes the control value applyevent wants
 * (https://developer.work.weixin.qq.com/document/path/91853). Controls WeCom fills in (Tips,
 * Formula) get no field.
 */

const AUTO_FILLED = ['Tips', 'Formula'];

/** Stops at a value the form cannot turn into the control's shape; `field` is the control's title. */
export type Fail = (field: string, message: string) => never;

const HINTS: Record<string, string> = {
	Contact: 'comma-separated userids (department IDs for a department control)',
	File: 'comma-separated media_ids from Upload File',
	Table: 'JSON list of rows, each {"<column title>": value}',
	Location: 'JSON {"latitude": "30.5", "longitude": "104.06", "title": "...", "address": "..."}',
	RelatedApproval: 'comma-separated approval numbers',
	DateRange: 'JSON {"begin": "<date>", "end": "<date>"}',
	Vacation: 'JSON {"type": "<leave type or id>", "begin": "<date>", "end": "<date>"}',
	Attendance: 'JSON {"begin": "<date>", "end": "<date>"}',
};

function fieldType(control: TemplateControl): { type: FieldType; options?: INodePropertyOptions[] } {
	const selector = control.config?.selector;
	switch (control.property.control) {
		case 'Number':
		case 'Money':
			return { type: 'number' };
		case 'Date':
			return { type: 'dateTime' };
		case 'Selector':
			if (selector?.type === 'single')
				return {
					type: 'options',
					options: selector.options.map((option) => ({ name: langText(option.value), value: option.key })),
				};
			return { type: 'string' };
		default:
			return { type: 'string' };
	}
}

/** The resource mapper's fields for a template: id = control id, shown by title. */
export function formFieldsOf(controls: TemplateControl[]): ResourceMapperField[] {
	return controls
		.filter((control) => !AUTO_FILLED.includes(control.property.control))
		.map((control) => {
			const hint =
				control.property.control === 'Selector' && control.config?.selector?.type === 'multi'
					? 'comma-separated options'
					: own(HINTS, control.property.control);
			return {
				id: control.property.id,
				displayName: hint ? `${controlTitle(control)} (${hint})` : controlTitle(control),
				required: control.property.require === 1,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
				...fieldType(control),
			};
		});
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** Own keys only: a control (or control type) named `constructor` must not read Object.prototype's. */
const own = <T>(record: Record<string, T>, key: string): T | undefined =>
	Object.hasOwn(record, key) ? record[key] : undefined;

function parseJson(control: TemplateControl, value: unknown, fail: Fail): Record<string, unknown> | unknown[] {
	if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
	try {
		return JSON.parse(String(value)) as Record<string, unknown>;
	} catch {
		return fail(controlTitle(control), `is not JSON; expected ${own(HINTS, control.property.control) ?? 'JSON'}`);
	}
}

/** A date as Unix seconds: ISO text, a Date, or a number (seconds, or milliseconds when that large). */
function seconds(control: TemplateControl, value: unknown, fail: Fail): number {
	const number = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
	const ms = Number.isFinite(number) ? (number > 1e11 ? number : number * 1000) : Date.parse(String(value));
	// Beyond what a Date can hold (±8.64e15 ms) is no date, though it would print as digits.
	if (Number.isNaN(new Date(ms).getTime())) return fail(controlTitle(control), `is not a date: "${String(value)}"`);
	return Math.floor(ms / 1000);
}

/** Text of a form value; an object (an expression's JSON) would be sent as "[object Object]". */
function plainText(control: TemplateControl, value: unknown, fail: Fail): string {
	if (Array.isArray(value)) return value.map((entry) => plainText(control, entry, fail)).join(',');
	if (typeof value === 'object' && value !== null && !(value instanceof Date))
		return fail(controlTitle(control), `is an object; expected ${own(HINTS, control.property.control) ?? 'text'}`);
	return String(value);
}

const list = (value: unknown): string[] =>
	String(value)
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');

function dateRange(control: TemplateControl, value: unknown, type: string | undefined, fail: Fail) {
	const range = parseJson(control, value, fail) as Record<string, unknown>;
	const begin = seconds(control, range.begin, fail);
	const end = seconds(control, range.end, fail);
	return {
		type: (range.unit as string | undefined) ?? type ?? 'hour',
		new_begin: begin,
		new_end: end,
		new_duration: end - begin,
	};
}

/** Option keys from labels or keys, as the user typed them. */
function optionKeys(
	control: TemplateControl,
	value: unknown,
	options: Array<{ key: string; label: string }>,
	fail: Fail,
) {
	return list(value).map((entry) => {
		const option = options.find((known) => known.key === entry || known.label === entry);
		if (!option)
			return fail(
				controlTitle(control),
				`has no option "${entry}" (options: ${options.map((known) => known.label).join(', ')})`,
			);
		return { key: option.key };
	});
}

function tableRows(control: TemplateControl, value: unknown, fail: Fail) {
	const rows = parseJson(control, value, fail);
	if (!Array.isArray(rows)) return fail(controlTitle(control), `must be ${HINTS.Table}`);
	const children = control.config?.table?.children ?? [];
	const columns = children.flatMap((child) => [controlTitle(child), child.property.id]);
	return rows.map((row, index) => {
		if (typeof row !== 'object' || row === null || Array.isArray(row))
			return fail(controlTitle(control), `row ${index + 1} is not an object; expected ${HINTS.Table}`);
		const cells = row as Record<string, unknown>;
		// A misspelt column would otherwise be dropped without a word and its cell sent empty.
		const unknown = Object.keys(cells).find((key) => !columns.includes(key));
		if (unknown !== undefined)
			return fail(
				controlTitle(control),
				`row ${index + 1} has no column "${unknown}" (columns: ${children.map(controlTitle).join(', ')})`,
			);
		// Own keys only: a column titled "constructor" must not read Object.prototype's.
		const cellOf = (key: string) => own(cells, key);
		// WeCom wants every column in every row, empty where there is no value.
		return {
			list: children.map((child) => {
				const cell = cellOf(controlTitle(child)) ?? cellOf(child.property.id);
				return {
					control: child.property.control,
					id: child.property.id,
					value: isBlank(cell) ? emptyValue(child) : valueOf(child, cell, fail),
				};
			}),
		};
	});
}

/** What an unfilled table cell is sent as. */
function emptyValue(control: TemplateControl): Record<string, unknown> {
	switch (control.property.control) {
		case 'Number':
			return { new_number: '' };
		case 'Money':
			return { new_money: '' };
		case 'File':
			return { files: [] };
		case 'Contact':
			return control.config?.contact?.mode === 'department' ? { departments: [] } : { members: [] };
		case 'Selector':
			return { selector: { type: control.config?.selector?.type ?? 'single', options: [] } };
		default:
			return { text: '' };
	}
}

/** One form value as the control's applyevent value. */
export function valueOf(control: TemplateControl, value: unknown, fail: Fail): Record<string, unknown> {
	const config = control.config ?? {};
	switch (control.property.control) {
		case 'Text':
		case 'Textarea':
			return { text: plainText(control, value, fail) };
		case 'Number':
			return { new_number: String(value) };
		case 'Money':
			return { new_money: String(value) };
		case 'Date':
			return { date: { type: config.date?.type ?? 'day', s_timestamp: String(seconds(control, value, fail)) } };
		case 'DateRange':
			return { date_range: dateRange(control, value, config.date_range?.type, fail) };
		case 'Selector': {
			const options = (config.selector?.options ?? []).map((option) => ({
				key: option.key,
				label: langText(option.value),
			}));
			return {
				selector: { type: config.selector?.type ?? 'single', options: optionKeys(control, value, options, fail) },
			};
		}
		case 'Contact':
			return config.contact?.mode === 'department'
				? { departments: list(plainText(control, value, fail)).map((id) => ({ openapi_id: id, name: '' })) }
				: { members: list(plainText(control, value, fail)).map((userid) => ({ userid, name: '' })) };
		case 'File':
			return { files: list(plainText(control, value, fail)).map((fileId) => ({ file_id: fileId })) };
		case 'Table':
			return { children: tableRows(control, value, fail) };
		case 'Location': {
			const location = parseJson(control, value, fail) as Record<string, unknown>;
			const time = Number(location.time ?? Math.floor(Date.now() / 1000));
			// NaN would go out as null, 1e20 as digits no time has.
			if (!Number.isSafeInteger(time) || time < 0)
				return fail(controlTitle(control), 'has a time that is not Unix seconds');
			return {
				location: {
					latitude: String(location.latitude ?? ''),
					longitude: String(location.longitude ?? ''),
					title: String(location.title ?? ''),
					address: String(location.address ?? ''),
					time,
				},
			};
		}
		case 'RelatedApproval':
			return { related_approval: list(plainText(control, value, fail)).map((spNo) => ({ sp_no: spNo })) };
		case 'Vacation': {
			const leave = parseJson(control, value, fail) as Record<string, unknown>;
			const kinds = (config.vacation_list?.item ?? []).map((item) => ({
				key: String(item.id),
				label: langText(item.name),
			}));
			return {
				vacation: {
					selector: { type: 'single', options: optionKeys(control, leave.type, kinds, fail) },
					attendance: { date_range: dateRange(control, value, undefined, fail), type: 1 },
				},
			};
		}
		case 'Attendance':
			return {
				attendance: {
					date_range: dateRange(control, value, config.attendance?.date_range?.type, fail),
					type: config.attendance?.type ?? 1,
				},
			};
		default:
			// Controls without a documented submit shape (BankAccount, ...): the JSON as given.
			return parseJson(control, value, fail) as Record<string, unknown>;
	}
}

/** The form's values (by control id) as `apply_data.contents`; blank fields are left out. */
export function contentsFromForm(
	controls: TemplateControl[],
	values: Record<string, unknown>,
	fail: Fail,
): ApplyContent[] {
	// A value under an id the template lacks (it changed since the fields were loaded) would be lost unsaid.
	const fillable = controls.filter((control) => !AUTO_FILLED.includes(control.property.control));
	const stray = Object.keys(values).find(
		(id) => !isBlank(values[id]) && !fillable.some((control) => control.property.id === id),
	);
	if (stray !== undefined)
		fail(stray, 'is not a control of this template that can be filled in; reload the Form Fields');
	return fillable
		.filter((control) => !isBlank(own(values, control.property.id)))
		.map((control) => ({
			control: control.property.control,
			id: control.property.id,
			value: valueOf(control, own(values, control.property.id), fail),
		}));
}
