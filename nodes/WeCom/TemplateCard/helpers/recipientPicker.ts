import type { IExecuteFunctions } from 'n8n-workflow';

import { nodeParameter } from './parameters';

type Picked = Record<string, unknown>;

/** The picked values, unparsed: an expression in By ID may give a list too. */
interface PickedRecipients {
	users: unknown[];
	parties: unknown[];
	tags: unknown[];
}

/** A picker's value: { mode, value } from the editor, or a plain value from an expression. */
function pickedValue(raw: unknown): unknown {
	return raw !== null && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
}

/** What Pick From Directory holds (descriptions/recipientPicker.ts). */
export function pickedRecipients(ctx: IExecuteFunctions, itemIndex: number): PickedRecipients {
	const picked = (nodeParameter(ctx, 'picked', itemIndex, {}) ?? {}) as Record<string, Picked[] | undefined>;
	const values = (group: string, field: string) => (picked[group] ?? []).map((entry) => pickedValue(entry[field]));
	return { users: values('users', 'user'), parties: values('departments', 'department'), tags: values('tags', 'tag') };
}
