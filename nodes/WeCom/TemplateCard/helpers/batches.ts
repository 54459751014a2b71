import { MAX_PARTIES_PER_SEND, MAX_TAGS_PER_SEND, MAX_USERS_PER_SEND } from '../../shared/limits';

export interface Recipients {
	users: string[];
	parties: string[];
	tags: string[];
}

/** One message/send call's share of the recipients, in WeCom's `|`-joined form. */
export interface RecipientBatch {
	touser?: string;
	toparty?: string;
	totag?: string;
}

const slice = (list: string[], batch: number, size: number) => list.slice(batch * size, (batch + 1) * size);

/**
 * Splits recipients over as few calls as WeCom's per-call caps allow (1,000 users,
 * 100 departments, 100 tags): call i carries the i-th slice of each list.
 */
export function recipientBatches(recipients: Recipients): RecipientBatch[] {
	const { users, parties, tags } = recipients;
	const calls = Math.max(
		1,
		Math.ceil(users.length / MAX_USERS_PER_SEND),
		Math.ceil(parties.length / MAX_PARTIES_PER_SEND),
		Math.ceil(tags.length / MAX_TAGS_PER_SEND),
	);
	return Array.from({ length: calls }, (_, batch) => {
		const call: RecipientBatch = {};
		const touser = slice(users, batch, MAX_USERS_PER_SEND);
		const toparty = slice(parties, batch, MAX_PARTIES_PER_SEND);
		const totag = slice(tags, batch, MAX_TAGS_PER_SEND);
		if (touser.length) call.touser = touser.join('|');
		if (toparty.length) call.toparty = toparty.join('|');
		if (totag.length) call.totag = totag.join('|');
		return call;
	});
}
