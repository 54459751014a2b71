import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Recipients } from '../transport/recipients';
import { nodeParameter } from './parameters';
import { pickedRecipients } from './recipientPicker';

const SEPARATORS = /[|,\n]/;

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/**
 * Recipients come from a form field or an expression: an array, or a string joined with
 * `|`, commas or new lines. Array elements are split too: WeCom splits `touser` on `|`, so
 * `["a|b"]` is two members. Trimmed and de-duplicated, order kept.
 */
export function parseRecipientList(value: unknown): string[] {
	const elements = Array.isArray(value) ? (value.flat(Infinity) as unknown[]) : [value];
	const seen = new Set<string>();
	for (const element of elements) {
		for (const part of String(element ?? '').split(SEPARATORS)) {
			const recipient = part.trim();
			if (recipient) seen.add(recipient);
		}
	}
	return [...seen];
}

/**
 * parseRecipientList for a field: an object (from an expression) is refused, as String() would
 * send "[object Object]" as a recipient. The object is not quoted: it may be a whole item.
 */
export function recipientValues(ctx: IExecuteFunctions, itemIndex: number, value: unknown, field: string): string[] {
	const elements = Array.isArray(value) ? (value.flat(Infinity) as unknown[]) : [value];
	if (elements.some((element) => element !== null && typeof element === 'object')) {
		throw new NodeOperationError(ctx.getNode(), `${field} contains an object, not an ID`, {
			itemIndex,
			description: `Give ${field} as IDs: text joined with |, commas or new lines, or a list of them, e.g. {{ $json.members.map(m => m.userid) }}.`,
		});
	}
	return parseRecipientList(value);
}

/** The recipient fields of descriptions/recipients.ts; an empty set is refused before sending. */
export function readRecipients(ctx: IExecuteFunctions, itemIndex: number): Recipients {
	const toAll = nodeParameter(ctx, 'toAll', itemIndex, false) as boolean;
	if (toAll) return { toAll, users: [], parties: [], tags: [] };
	const picked = pickedRecipients(ctx, itemIndex);
	const list = (name: string, fromPicker: unknown[], field: string) =>
		recipientValues(ctx, itemIndex, [nodeParameter(ctx, name, itemIndex, ''), ...fromPicker], field);
	const recipients = {
		toAll,
		users: memberIds(ctx, itemIndex, list('toUser', picked.users, 'Users')),
		parties: wholeNumberIds(ctx, itemIndex, list('toParty', picked.parties, 'Departments'), 'Departments'),
		tags: wholeNumberIds(ctx, itemIndex, list('toTag', picked.tags, 'Tags'), 'Tags'),
	};
	if (!recipients.users.length && !recipients.parties.length && !recipients.tags.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			'No recipients: set Users, Departments or Tags, or turn on Send to All Members',
			{ itemIndex, description: 'WeCom would answer errcode 82001 (members, departments and tags all empty).' },
		);
	}
	return recipients;
}

/**
 * WeCom reads `@all` in touser as "every member of the app" whatever else is listed, so a
 * Users value taken from a request could reach the whole company. Compared the way a lenient
 * server might: case, full-width forms and invisible characters ignored.
 */
function isAtAll(recipient: string): boolean {
	// Printable ASCII has no full-width forms nor invisible characters: compared as it is.
	if (PRINTABLE_ASCII.test(recipient)) return recipient.toLowerCase() === '@all';
	return (
		recipient
			.normalize('NFKC')
			.replace(/[\s\p{Cf}]/gu, '')
			.toLowerCase() === '@all'
	);
}

/**
 * Userids are case-insensitive at WeCom (it answers them lower-cased), so `Alice` and `alice`
 * are one member: the first spelling is kept. `@all` is only sent through Send to All Members.
 */
export function memberIds(ctx: IExecuteFunctions, itemIndex: number, users: string[]): string[] {
	const byId = new Map<string, string>();
	for (const user of users) {
		if (isAtAll(user)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Users contains "${user}", which would send to every member of the app`,
				{
					itemIndex,
					description:
						'Turn on "Send to All Members" to send to everyone. Otherwise remove it from Users (toUser); when Users comes from an expression, check where that value comes from.',
				},
			);
		}
		const id = user.toLowerCase();
		if (!byId.has(id)) byId.set(id, user);
	}
	return [...byId.values()];
}

/**
 * Department and tag ids are whole numbers at WeCom (https://developer.work.weixin.qq.com/document/path/90205,
 * https://developer.work.weixin.qq.com/document/path/90210): `02` and `2` are one department.
 */
export function wholeNumberIds(ctx: IExecuteFunctions, itemIndex: number, ids: string[], field: string): string[] {
	const canonical = new Set<string>();
	for (const id of ids) {
		if (!/^\d+$/.test(id)) {
			throw new NodeOperationError(ctx.getNode(), `${field} contains "${id}", which is not an ID`, {
				itemIndex,
				description: `WeCom ${field.toLowerCase()} are addressed by their numeric ID, e.g. 1|2.`,
			});
		}
		canonical.add(id.replace(/^0+(?=\d)/, ''));
	}
	return [...canonical];
}
