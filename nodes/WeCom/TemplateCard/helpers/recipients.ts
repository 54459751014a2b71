import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Recipients come from a form field or an expression: an array, or a string joined with
 * `|`, commas or new lines. They are trimmed and de-duplicated, order kept.
 */
export function parseRecipientList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.flat() : String(value ?? '').split(/[|,\n]/);
	const seen = new Set<string>();
	for (const part of parts) {
		const recipient = String(part ?? '').trim();
		if (recipient) seen.add(recipient);
	}
	return [...seen];
}

/** WeCom's send API takes `|`-joined lists and reports invalid ones the same way. */
export function splitWeComList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).filter(Boolean);
	return String(value ?? '')
		.split('|')
		.filter(Boolean);
}

export interface SendRecipients {
	toAll: boolean;
	users: string[];
	parties: string[];
	tags: string[];
}

/** The recipient fields of descriptions/recipients.ts; an empty set is refused before sending. */
export function readRecipients(ctx: IExecuteFunctions, itemIndex: number): SendRecipients {
	const list = (name: string) => parseRecipientList(ctx.getNodeParameter(name, itemIndex, ''));
	const toAll = ctx.getNodeParameter('toAll', itemIndex, false) as boolean;
	const recipients = toAll
		? { toAll, users: [], parties: [], tags: [] }
		: { toAll, users: list('toUser'), parties: list('toParty'), tags: list('toTag') };
	if (!toAll && !recipients.users.length && !recipients.parties.length && !recipients.tags.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			'No recipients: set Users, Departments or Tags, or turn on Send to All Members',
			{ itemIndex, description: 'WeCom would answer errcode 82001 (members, departments and tags all empty).' },
		);
	}
	return recipients;
}
