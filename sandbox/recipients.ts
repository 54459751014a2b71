import { ERRCODE } from '../nodes/WeCom/shared/errorCodes';
import { MAX_PARTIES_PER_SEND, MAX_TAGS_PER_SEND, MAX_USERS_PER_SEND } from '../nodes/WeCom/shared/limits';
import { reject } from './errmsg';
import type { CorpIndex } from './state';

/**
 * What WeCom answers when one message/send or update_template_card call names more recipients
 * than it takes (https://developer.work.weixin.qq.com/document/path/90236); undefined when they fit.
 */
export function recipientCapErrcode(users: number, parties: number, tags: number): number | undefined {
	if (users > MAX_USERS_PER_SEND) return ERRCODE.tooManyUsers;
	if (parties > MAX_PARTIES_PER_SEND) return ERRCODE.tooManyDepartments;
	if (tags > MAX_TAGS_PER_SEND) return ERRCODE.tooManyTags;
	return undefined;
}

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

const isKnownId = (id: string, known: Set<number>): boolean => /^\d+$/.test(id) && known.has(Number(id));

/**
 * message/send recipients. All empty → 82001: its official meaning ("members, departments and
 * tags are all empty") names exactly this case, while 81012 reads as a visible-range problem.
 */
export function resolveSendRecipients(body: Record<string, unknown>, corp: CorpIndex): ResolvedRecipients {
	const touser = splitField(body.touser);
	const toparty = splitField(body.toparty);
	const totag = splitField(body.totag);
	if (touser.length + toparty.length + totag.length === 0) reject(82001);
	// '@all' reaches everyone in the visible range; toparty and totag are then ignored.
	if (touser.includes('@all')) {
		return { touser: ['@all'], toparty, totag, invaliduser: [], invalidparty: [], invalidtag: [] };
	}
	const overCap = recipientCapErrcode(touser.length, toparty.length, totag.length);
	if (overCap !== undefined) reject(overCap);
	const invaliduser = touser.map((u) => u.toLowerCase()).filter((u) => !corp.users.has(u));
	const invalidparty = toparty.filter((p) => !isKnownId(p, corp.departments));
	const invalidtag = totag.filter((t) => !isKnownId(t, corp.tags));
	const valid =
		touser.length - invaliduser.length + (toparty.length - invalidparty.length) + (totag.length - invalidtag.length);
	if (valid === 0) reject(81013);
	return { touser, toparty, totag, invaliduser, invalidparty, invalidtag };
}
