import { reject } from './errmsg';
import type { CorpIndex } from './state';

/** WeCom's per-call caps: users (40032), departments (82002), tags (82003). */
import {
	MAX_PARTIES_PER_SEND as MAX_PARTIES,
	MAX_TAGS_PER_SEND as MAX_TAGS,
	MAX_USERS_PER_SEND as MAX_USERS,
} from '../nodes/WeCom/shared/limits';

export interface ResolvedRecipients {
	/** As requested, split on '|'; ['@all'] for everyone. */
	touser: string[];
	toparty: string[];
	totag: string[];
	/** Lower-cased, as WeCom reports them. */
	invaliduser: string[];
	invalidparty: string[];
	invalidtag: string[];
}

/** A `|`-joined recipient field; anything but a string (or absent) is an invalid parameter. */
function splitField(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	if (typeof value !== 'string') reject(40058);
	return value
		.split('|')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

const isKnownId = (id: string, known: Set<number>): boolean =>
	/^\d+$/.test(id) && known.has(Number(id));

/**
 * message/send recipients. All empty → 82001: its official meaning ("members, departments and
 * tags are all empty") names exactly this case, while 81012 reads as a visible-range problem.
 */
export function resolveSendRecipients(
	body: Record<string, unknown>,
	corp: CorpIndex,
): ResolvedRecipients {
	const touser = splitField(body.touser);
	const toparty = splitField(body.toparty);
	const totag = splitField(body.totag);
	if (touser.length + toparty.length + totag.length === 0) reject(82001);
	// '@all' reaches everyone in the visible range; toparty and totag are then ignored.
	if (touser.includes('@all')) {
		return { touser: ['@all'], toparty, totag, invaliduser: [], invalidparty: [], invalidtag: [] };
	}
	if (touser.length > MAX_USERS) reject(40032);
	if (toparty.length > MAX_PARTIES) reject(82002);
	if (totag.length > MAX_TAGS) reject(82003);
	const invaliduser = touser.map((u) => u.toLowerCase()).filter((u) => !corp.users.has(u));
	const invalidparty = toparty.filter((p) => !isKnownId(p, corp.departments));
	const invalidtag = totag.filter((t) => !isKnownId(t, corp.tags));
	const valid =
		touser.length -
		invaliduser.length +
		(toparty.length - invalidparty.length) +
		(totag.length - invalidtag.length);
	if (valid === 0) reject(81013);
	return { touser, toparty, totag, invaliduser, invalidparty, invalidtag };
}
