import { MAX_PARTIES_PER_SEND, MAX_TAGS_PER_SEND, MAX_USERS_PER_SEND } from '../../shared/limits';

/** Who gets an app message: everyone in the app's visible range, or lists of ids. */
export interface Recipients {
	toAll: boolean;
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

/** WeCom's send API takes `|`-joined lists and reports invalid ones the same way. */
export function splitWeComList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).filter(Boolean);
	return String(value ?? '')
		.split('|')
		.filter(Boolean);
}

/** Whether one call can carry them: WeCom takes 1,000 users, 100 departments and 100 tags per call. */
export function fitsOneCall({ users, parties, tags }: Omit<Recipients, 'toAll'>): boolean {
	return (
		users.length <= MAX_USERS_PER_SEND && parties.length <= MAX_PARTIES_PER_SEND && tags.length <= MAX_TAGS_PER_SEND
	);
}

/** The per-call caps in words, for errors that refuse more. */
export const ONE_CALL_CAPS = `at most ${MAX_USERS_PER_SEND} users, ${MAX_PARTIES_PER_SEND} departments and ${MAX_TAGS_PER_SEND} tags`;

const slice = (list: string[], batch: number, size: number) => list.slice(batch * size, (batch + 1) * size);

/** Splits recipients over as few calls as the per-call caps allow: call i carries the i-th slice of each list. */
export function recipientBatches(recipients: Recipients): RecipientBatch[] {
	if (recipients.toAll) return [{ touser: '@all' }];
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
