import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	APPROVAL_ERRCODE,
	APPROVAL_LIST_MAX_RANGE_SECONDS,
	APPROVAL_LIST_PAGE_SIZE,
	APPROVAL_STATUS,
	approvalOutput,
} from '../../../shared/approval';
import { optionsCollection, retryOptions } from '../../descriptions/options';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { nodeParameter } from '../../helpers/parameters';
import { fetchApprovalDetail, fetchApprovalPage, type ApprovalListPage } from '../../transport/approvals';
import type { RetryPolicy } from '../../transport/retry';
import { showFor } from '../node.type';

/** getapprovalinfo's record_type filter (https://developer.work.weixin.qq.com/document/path/91816). */
const RECORD_TYPES = [
	'Leave',
	'Punch Correction',
	'Business Trip',
	'Outing',
	'Overtime',
	'Shift Change',
	'Meeting Room Booking',
	'Refund',
	'Red Packet Reimbursement',
].map((name, index) => ({ name, value: String(index + 1) }));

const properties: INodeProperties[] = [
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Applications submitted from this time on',
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'Applications submitted up to this time (a later one than tomorrow is read as tomorrow). WeCom answers at most 31 days per request; a longer range is asked for in 31-day parts, and a part WeCom finds too big (301112) in halves.',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Applicant',
				name: 'creator',
				type: 'string',
				default: '',
				description: 'Userid of the applicant (a member who left cannot be used: WeCom answers 301055)',
			},
			{
				displayName: 'Department IDs',
				name: 'departments',
				type: 'string',
				default: '',
				placeholder: '2,3',
				description: "Comma-separated IDs of the applicant's department; any of them matches",
			},
			{
				displayName: 'Record Type',
				name: 'recordType',
				type: 'options',
				options: RECORD_TYPES,
				default: '1',
				description: 'Kind of attendance application (only applications submitted after 2021-05-31)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: Object.entries(APPROVAL_STATUS).map(([value, name]) => ({ name, value })),
				default: '1',
			},
			{
				displayName: 'Template ID',
				name: 'templateId',
				type: 'string',
				default: '',
			},
		],
	},
	optionsCollection([
		{
			displayName: 'Include Details',
			name: 'includeDetails',
			type: 'boolean',
			default: false,
			description:
				'Whether to read each application (one Get Approval Detail per approval number) and return it with its readable fields',
		},
		...retryOptions(),
	]),
];

export const description = updateDisplayOptions(showFor('approval', 'getMany'), properties);

/** Filter values as the node reads them; an expression may give a number (`{{ 2 }}`). */
type FilterValues = Partial<Record<'creator' | 'departments' | 'recordType' | 'status' | 'templateId', unknown>>;

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/** getapprovalinfo filters: different keys AND, several departments OR. */
function wecomFilters(values: FilterValues): IDataObject[] {
	const filters: IDataObject[] = [];
	const add = (key: string, value: string) => {
		if (value) filters.push({ key, value });
	};
	add('template_id', text(values.templateId));
	add('creator', text(values.creator));
	for (const department of text(values.departments).split(',')) add('department', department.trim());
	add('sp_status', text(values.status));
	add('record_type', text(values.recordType));
	return filters;
}

/** WeCom (as WeChat Work) was launched in 2016; anything before 2010 is a broken expression. */
const EARLIEST_APPROVAL_MS = Date.UTC(2010, 0, 1);

function unixSeconds(ctx: IExecuteFunctions, itemIndex: number, name: 'startTime' | 'endTime'): number {
	const raw = nodeParameter(ctx, name, itemIndex, '');
	const ms = typeof raw === 'number' ? raw : Date.parse(String(raw));
	if (!Number.isFinite(ms)) {
		const label = name === 'startTime' ? 'Start Time' : 'End Time';
		throw new NodeOperationError(ctx.getNode(), `${label} is not a date: "${String(raw)}"`, { itemIndex });
	}
	// WeCom's times are unsigned Unix seconds; a 0 from an empty expression would mean 1970 and
	// hundreds of 31-day requests.
	if (ms < EARLIEST_APPROVAL_MS) {
		const label = name === 'startTime' ? 'Start Time' : 'End Time';
		throw new NodeOperationError(ctx.getNode(), `${label} is before 2010: "${String(raw)}"`, {
			itemIndex,
			description: 'WeCom has no approvals that old; check the expression that gives the time.',
		});
	}
	return Math.floor(ms / 1000);
}

/** How far past this machine's clock End Time is asked for (the clocks of n8n and WeCom may differ). */
const CLOCK_SLACK_SECONDS = 24 * 3600;

/** The range in parts WeCom accepts: each at most 31 days, back to back. */
export function rangeParts(start: number, end: number): Array<[number, number]> {
	const parts: Array<[number, number]> = [];
	for (let from = start; from < end; from += APPROVAL_LIST_MAX_RANGE_SECONDS) {
		parts.push([from, Math.min(from + APPROVAL_LIST_MAX_RANGE_SECONDS, end)]);
	}
	return parts;
}

/** The shortest part asked for again in halves when WeCom answers 301112 ("narrow the time range"). */
const SMALLEST_PART_SECONDS = 3600;

/**
 * Pages in a row that may bring no new approval number before the listing stops: a page may be
 * short, but this many adding nothing means cursors that do not advance.
 */
export const MAX_PAGES_WITHOUT_NEW = 10;

/**
 * Approval numbers Return All collects at most. WeCom documents no total, but a WeCom (or a proxy)
 * that keeps giving new numbers under new cursors would page forever and grow without end; reading
 * the details of this many would take hours at 600 calls a minute.
 */
export const RETURN_ALL_MAX = 100_000;

interface ListQuery {
	ctx: IExecuteFunctions;
	itemIndex: number;
	filters: IDataObject[];
	limit: number;
	retry: RetryPolicy;
	found: Set<string>;
}

/** One part, page after page (a page may be short: stop only without a cursor); in halves on 301112. */
async function collectPart(query: ListQuery, startTime: number, endTime: number): Promise<void> {
	let cursor: string | undefined = '';
	// A cursor that comes back would page forever (Return All has no limit): a broken answer.
	const seenCursors = new Set<string>();
	// So would new cursors over pages that add nothing.
	let pagesWithoutNew = 0;
	while (cursor !== undefined && query.found.size < query.limit) {
		if (pagesWithoutNew >= MAX_PAGES_WITHOUT_NEW) {
			throw new NodeOperationError(query.ctx.getNode(), 'WeCom kept answering pages without new approval numbers', {
				itemIndex: query.itemIndex,
				description: `getapprovalinfo gave ${MAX_PAGES_WITHOUT_NEW} pages in a row with a next cursor but no approval number not seen before; the listing was stopped instead of asking forever. Retry later, or narrow the time range.`,
			});
		}
		if (seenCursors.has(cursor)) {
			throw new NodeOperationError(query.ctx.getNode(), 'WeCom answered a page cursor it had already given', {
				itemIndex: query.itemIndex,
				description: `getapprovalinfo returned new_next_cursor "${cursor}" a second time for the same time range; the listing was stopped instead of asking forever. Retry later, or narrow the time range.`,
			});
		}
		seenCursors.add(cursor);
		const size = Math.min(APPROVAL_LIST_PAGE_SIZE, query.limit - query.found.size);
		const request: Parameters<typeof fetchApprovalPage>[2] = {
			startTime,
			endTime,
			cursor,
			size,
			filters: query.filters,
		};
		const page: ApprovalListPage | undefined = await fetchApprovalPage(
			query.ctx,
			query.itemIndex,
			request,
			query.retry,
		).catch((error: { errcode?: number }) => {
			const splittable = cursor === '' && endTime - startTime > SMALLEST_PART_SECONDS;
			if (error.errcode === APPROVAL_ERRCODE.narrowTimeRange && splittable) return undefined;
			throw error;
		});
		if (!page) {
			const middle = startTime + Math.floor((endTime - startTime) / 2);
			await collectPart(query, startTime, middle);
			await collectPart(query, middle, endTime);
			return;
		}
		const before = query.found.size;
		for (const spNo of page.spNos) query.found.add(spNo);
		if (query.found.size > RETURN_ALL_MAX) {
			throw new NodeOperationError(query.ctx.getNode(), `More than ${RETURN_ALL_MAX} approvals in the time range`, {
				itemIndex: query.itemIndex,
				description: `Return All stops at ${RETURN_ALL_MAX} approval numbers. Narrow the time range (split it over several items), add filters, or set a Limit.`,
			});
		}
		pagesWithoutNew = query.found.size > before ? 0 : pagesWithoutNew + 1;
		cursor = page.nextCursor;
	}
}

/** Approval numbers in the range, in parts WeCom accepts. */
async function collectSpNos(
	ctx: IExecuteFunctions,
	itemIndex: number,
	range: { start: number; end: number; filters: IDataObject[]; limit: number },
	retry: RetryPolicy,
): Promise<string[]> {
	const query: ListQuery = { ctx, itemIndex, filters: range.filters, limit: range.limit, retry, found: new Set() };
	for (const [startTime, endTime] of rangeParts(range.start, range.end)) {
		await collectPart(query, startTime, endTime);
	}
	return [...query.found].slice(0, range.limit);
}

/** Limit: a positive whole number (0 would list nothing, NaN stop at once, 2.5 be sent as a size). */
function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = nodeParameter(ctx, 'limit', itemIndex, 50);
	const limit = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), `Limit must be a positive whole number (got ${String(raw)})`, {
			itemIndex,
			description: 'Set Limit to 1 or more, or turn on Return All.',
		});
	}
	return limit;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const start = unixSeconds(this, itemIndex, 'startTime');
	const end = unixSeconds(this, itemIndex, 'endTime');
	if (end <= start) {
		throw new NodeOperationError(this.getNode(), 'End Time must be after Start Time', { itemIndex });
	}
	const returnAll = nodeParameter(this, 'returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : readLimit(this, itemIndex);
	const filters = wecomFilters(nodeParameter(this, 'filters', itemIndex, {}) as FilterValues);
	const options = readOptions<RetryOptionValues & { includeDetails?: boolean }>(this, itemIndex);
	const retry = retryPolicyFrom(options, true);
	// Nothing is filed in the future: an End Time in 9999 would be some 90,000 requests of 31 days.
	const until = Math.min(end, Math.floor(Date.now() / 1000) + CLOCK_SLACK_SECONDS);
	const spNos = await collectSpNos(this, itemIndex, { start, end: until, filters, limit }, retry);
	if (!options.includeDetails) return spNos.map((spNo) => ({ sp_no: spNo }));
	const details: IDataObject[] = [];
	for (const spNo of spNos) {
		details.push(approvalOutput(await fetchApprovalDetail(this, itemIndex, spNo, retry)) as unknown as IDataObject);
	}
	return details;
}
