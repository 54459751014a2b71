import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CONTACT_ERRCODE } from '../../shared/contactErrcodes';
import { EMAIL_TYPE, isEmail, isMobile, normalizedMobile, type EmailType } from '../../shared/contactLookup';
import { emailTypeField } from '../descriptions/contacts';
import { findUserid, type UserLookup } from '../transport/contacts';
import type { WeComApiError } from '../transport/errors';
import type { Recipients } from '../transport/recipients';
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

/** Per execution, every value asked once: its userid, or undefined when WeCom knows no such member. */
const lookupsOfExecution = new WeakMap<IExecuteFunctions, Map<string, Promise<string | undefined>>>();

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
	const emailType = Number(nodeParameter(ctx, 'options.recipientEmailType', itemIndex, EMAIL_TYPE.corporate));
	const resolved = await Promise.all(
		recipients.users.map(async (entry) => {
			const lookup = lookupOf(entry, emailType as EmailType);
			if (lookup === null) return { entry, userid: entry };
			return { entry, userid: lookup && (await lookedUp(ctx, itemIndex, lookup)) };
		}),
	);
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
	const lookups = lookupsOfExecution.get(ctx) ?? new Map<string, Promise<string | undefined>>();
	lookupsOfExecution.set(ctx, lookups);
	const key =
		'mobile' in lookup ? `mobile:${lookup.mobile}` : `email:${lookup.emailType}:${lookup.email.toLowerCase()}`;
	let userid = lookups.get(key);
	if (!userid) {
		const asking = findUserid(ctx, itemIndex, lookup).catch((error: unknown) => {
			if ((error as Partial<WeComApiError>).errcode === CONTACT_ERRCODE.userNotFound) return undefined;
			// Not an answer about the member (a block, a network failure): a later item asks again.
			lookups.delete(key);
			throw error;
		});
		lookups.set(key, asking);
		userid = asking;
	}
	return await userid;
}
