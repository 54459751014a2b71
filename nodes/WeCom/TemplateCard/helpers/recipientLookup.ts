import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CONTACT_ERRCODE } from '../../shared/contactErrcodes';
import {
	EMAIL_TYPE,
	emailTypeOf,
	isEmail,
	isMobile,
	normalizedMobile,
	type EmailType,
} from '../../shared/contactLookup';
import { emailTypeField } from '../descriptions/contacts';
import { findUserid, type UserLookup } from '../transport/contacts';
import type { WeComApiError } from '../transport/errors';
import type { Recipients } from '../transport/recipients';
import { ConcurrencyGate, forEachConcurrently } from './concurrency';
import { nodeParameter } from './parameters';

/**
 * Users entries `mobile:<number>` and `email:<address>` are looked up (user/getuserid,
 * https://developer.work.weixin.qq.com/document/path/95402; user/get_userid_by_email,
 * https://developer.work.weixin.qq.com/document/path/95895) and replaced by the member's userid.
 */
const LOOKUP_ENTRY = /^(mobile|email):(.*)$/i;

export const recipientEmailTypeOption: INodeProperties = {
	...emailTypeField,
	displayName: 'E-Mail Recipients Are',
	name: 'recipientEmailType',
	description: 'Which address an email: entry in Users is: the corporate one (企业邮箱) or the personal one',
};

/**
 * Lookups asked at the same time, per execution (all its items together). Not a WeCom figure:
 * a list of 1,000 entries must not fire 1,000 requests at once at WeCom's per-API limits.
 */
export const MAX_LOOKUPS_IN_FLIGHT = 5;

interface ExecutionLookups {
	/** Every value asked once: its userid, or undefined when WeCom knows no such member. */
	answers: Map<string, Promise<string | undefined>>;
	gate: ConcurrencyGate;
}

const lookupsOfExecution = new WeakMap<IExecuteFunctions, ExecutionLookups>();

export interface ResolvedRecipients {
	recipients: Recipients;
	/** Entries no member was found for, as written: reported next to WeCom's invaliduser. */
	unresolved: string[];
}

/**
 * Replaces mobile: and email: entries by userids. A malformed value is never sent (wrong
 * lookups count toward WeCom's daily block), and like a value WeCom does not know (46004) it is
 * reported unresolved. Any other failure of a lookup fails the item.
 */
export async function resolveRecipients(
	ctx: IExecuteFunctions,
	itemIndex: number,
	recipients: Recipients,
): Promise<ResolvedRecipients> {
	if (!recipients.users.some((user) => LOOKUP_ENTRY.test(user))) return { recipients, unresolved: [] };
	const emailType = emailTypeOf(nodeParameter(ctx, 'options.recipientEmailType', itemIndex, EMAIL_TYPE.corporate));
	// A wrong email_type would be a wrong lookup, and those count toward WeCom's daily block.
	if (emailType === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Options › ${recipientEmailTypeOption.displayName} must be ${EMAIL_TYPE.corporate} (corporate e-mail) or ${EMAIL_TYPE.personal} (personal e-mail)`,
			{ itemIndex, description: 'Nothing was sent and nothing was looked up.' },
		);
	}
	const resolved: Array<{ entry: string; userid: string | undefined }> = new Array(recipients.users.length);
	// After a failed lookup the item fails: its remaining entries are not asked.
	await forEachConcurrently(recipients.users.length, MAX_LOOKUPS_IN_FLIGHT, async (index) => {
		const entry = recipients.users[index];
		const lookup = lookupOf(entry, emailType);
		resolved[index] = { entry, userid: lookup === null ? entry : lookup && (await lookedUp(ctx, itemIndex, lookup)) };
	});
	const unresolved = resolved.filter(({ userid }) => !userid).map(({ entry }) => entry);
	// Userids compare lower-cased at WeCom: alice and the member found for alice's mobile are one.
	const users = new Map<string, string>();
	for (const { userid } of resolved) {
		if (userid && !users.has(userid.toLowerCase())) users.set(userid.toLowerCase(), userid);
	}
	const result = { ...recipients, users: [...users.values()] };
	if (!result.users.length && !result.parties.length && !result.tags.length) {
		throw new NodeOperationError(ctx.getNode(), `No member found for ${unresolved.join(', ')}`, {
			itemIndex,
			description:
				"Nothing was sent. Each mobile or e-mail is either malformed or not in the address book within the app's visible range (WeCom errcode 46004).",
		});
	}
	return { recipients: result, unresolved };
}

/** null: a plain userid; undefined: a malformed lookup entry. */
function lookupOf(entry: string, emailType: EmailType): UserLookup | null | undefined {
	const match = LOOKUP_ENTRY.exec(entry);
	if (!match) return null;
	const value = match[2].trim();
	if (match[1].toLowerCase() === 'mobile') {
		const mobile = normalizedMobile(value);
		return isMobile(mobile) ? { mobile } : undefined;
	}
	return isEmail(value) ? { email: value, emailType } : undefined;
}

async function lookedUp(ctx: IExecuteFunctions, itemIndex: number, lookup: UserLookup): Promise<string | undefined> {
	const lookups = lookupsOfExecution.get(ctx) ?? {
		answers: new Map(),
		gate: new ConcurrencyGate(MAX_LOOKUPS_IN_FLIGHT),
	};
	lookupsOfExecution.set(ctx, lookups);
	const { answers, gate } = lookups;
	const key =
		'mobile' in lookup ? `mobile:${lookup.mobile}` : `email:${lookup.emailType}:${lookup.email.toLowerCase()}`;
	const entry = 'mobile' in lookup ? key : `email:${lookup.email}`;
	let userid = answers.get(key);
	if (!userid) {
		const ask = async (): Promise<{ userid?: string; error?: unknown }> => {
			try {
				return { userid: await findUserid(ctx, itemIndex, lookup) };
			} catch (error) {
				// No answer at all (timeout, network, gateway): the queued lookups would wait for the
				// same. Cancelled here, before this one's place goes to the next in line.
				if ((error as Partial<WeComApiError>).failureKind !== 'errcode') gate.cancelWaiting(new NotAsked(error));
				return { error };
			}
		};
		const asking = gate.run(ask).then(
			(answer) => {
				if (!('error' in answer)) return answer.userid;
				if ((answer.error as Partial<WeComApiError>).errcode === CONTACT_ERRCODE.userNotFound) return undefined;
				// Not an answer about the member (a block, a network failure): a later item asks again.
				answers.delete(key);
				throw lookupFailed(answer.error, entry);
			},
			(cancelled: NotAsked) => {
				answers.delete(key);
				throw notAskedError(ctx, itemIndex, entry, cancelled.cause);
			},
		);
		answers.set(key, asking);
		userid = asking;
	}
	return await userid;
}

/** A queued lookup dropped because one before it got no answer. */
class NotAsked extends Error {
	constructor(readonly cause: unknown) {
		super('not asked');
	}
}

function notAskedError(ctx: IExecuteFunctions, itemIndex: number, entry: string, cause: unknown) {
	const reason = (cause as Partial<Error>).message ?? String(cause);
	return new NodeOperationError(
		ctx.getNode(),
		`${entry} was not looked up: an earlier lookup got no answer (${reason})`,
		{
			itemIndex,
			description: `Nothing was sent: the card goes out only once every mobile: and email: recipient is looked up. Check that n8n can reach WeCom and the API Base URL of the credential; a later execution asks again.`,
		},
	);
}

/**
 * The card is sent only after every lookup, so a failed lookup sent nothing, whatever the
 * request's own error says about delivery (a timeout or a gateway page is ambiguous for a send).
 */
function lookupFailed(error: unknown, entry: string): unknown {
	const failure = error as Partial<WeComApiError>;
	if (!(error instanceof Error)) return error;
	const cause =
		failure.failureKind === 'ambiguous'
			? "WeCom, a proxy or the network between failed (a timeout, HTTP 5xx or a page that is not WeCom's JSON). Check the API Base URL of the credential."
			: (failure.description ?? '');
	failure.description = `Nothing was sent: looking up ${entry} failed, and the card goes out only once every mobile: and email: recipient is looked up. ${cause}`;
	return error;
}
