import type { z } from 'zod';
import { ERRCODE } from '../errorCodes';
import { MSG } from './messages';

export interface CardIssue {
	/** Where, e.g. 'template_card.button_list[0].key'; always starts with 'template_card'. */
	path: string;
	/** The rule, e.g. 'at most 3 jumps'. */
	message: string;
	/** What WeCom answers for this violation. */
	errcode: number;
}

/** Used verbatim in node errors. */
export function formatCardIssue(issue: CardIssue): string {
	return `${issue.path}: ${issue.message}`;
}

export function formatIssuePath(path: ReadonlyArray<string | number>): string {
	return path.reduce<string>(
		(out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : `${out}.${segment}`),
		'template_card',
	);
}

function errcodeOf(issue: z.ZodIssue): number {
	const errcode: unknown = issue.code === 'custom' ? issue.params?.errcode : undefined;
	return typeof errcode === 'number' ? errcode : ERRCODE.invalidParameter;
}

function toCardIssue(issue: z.ZodIssue): CardIssue[] {
	if (issue.code === 'unrecognized_keys') {
		return issue.keys.map((key) => ({
			path: formatIssuePath([...issue.path, key]),
			message: MSG.unknownField,
			errcode: ERRCODE.invalidParameter,
		}));
	}
	return [{ path: formatIssuePath(issue.path), message: issue.message, errcode: errcodeOf(issue) }];
}

/**
 * Field-level codes first, "invalid parameter" (40058) last: a caller that reports only the
 * first issue, as WeCom does, then names the most specific rule. Otherwise document order.
 */
export function toCardIssues(issues: readonly z.ZodIssue[]): CardIssue[] {
	const all = issues.flatMap(toCardIssue);
	const specific = all.filter((issue) => issue.errcode !== ERRCODE.invalidParameter);
	const generic = all.filter((issue) => issue.errcode === ERRCODE.invalidParameter);
	return [...specific, ...generic];
}
