import type { INodeProperties } from 'n8n-workflow';

/** A text field of a card block; `more` adds a placeholder, rows or displayOptions. */
export function textField(
	displayName: string,
	name: string,
	description: string,
	more: Partial<INodeProperties> = {},
): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, ...more };
}

/**
 * A block of the card as the form shows it: a fixedCollection with one kind of entry, named
 * `entry.name`, holding `values`; with `typeOptions.multipleValues`, a list of such entries.
 * The entry is shown under the block's own name unless `entry.displayName` says otherwise.
 */
export function collectionField(
	field: Omit<INodeProperties, 'type' | 'options'>,
	entry: { name: string; displayName?: string },
	values: INodeProperties[],
): INodeProperties {
	return {
		...field,
		type: 'fixedCollection',
		options: [{ displayName: entry.displayName ?? field.displayName, name: entry.name, values }],
	};
}
