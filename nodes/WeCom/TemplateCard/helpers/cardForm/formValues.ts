import type { IDataObject } from 'n8n-workflow';

import { formHas, type CardVariant, type FormGroup } from '../../descriptions/card/layout';
import { LINK_TYPE } from '../../../shared/card';

/** Any value an IDataObject can hold. */
export type Value = IDataObject[string];

/** The card form of one item, as the block mappers read it. */
export interface CardForm {
	variant: CardVariant;
	cardType: string;
	/** A top-level form parameter, or `fallback` when n8n has none. */
	param(name: string, fallback: Value): Value;
	/** Whether the form shows the fields of `group` for this card type. */
	has(group: FormGroup): boolean;
	/** The "Additional Blocks" collection. */
	additionalBlocks: IDataObject;
}

/**
 * One block of the card: the WeCom field it fills, the form field a user fills it with, and
 * the mapping. `label` (and `partLabels`) are the displayNames the form shows: an invalid card
 * built in the form names them next to WeCom's path.
 */
export interface FormBlock {
	/** Top-level key of template_card. */
	field: string;
	label: string;
	/** Labels of the form fields that fill parts of the block, by WeCom key, where there are several. */
	partLabels?: Readonly<Record<string, string>>;
	/** The block's value; undefined (or empty, see `compact`) when the form leaves it out. */
	map(form: CardForm): Value | undefined;
}

/** type plus url (URL) or appid and pagepath (mini-program); the other targets are left out. */
export function link(source: IDataObject, fallbackType: number): IDataObject {
	const linkType = selector(source.type, fallbackType);
	return {
		type: linkType,
		url: linkType === LINK_TYPE.url ? source.url : undefined,
		appid: linkType === LINK_TYPE.miniProgram ? source.appid : undefined,
		pagepath: linkType === LINK_TYPE.miniProgram ? source.pagepath : undefined,
	};
}

/**
 * A number picked in the form. n8n fills in defaults before execution, the fallback covers a
 * missing value; a numeric string (from an expression) becomes a number, anything else is
 * passed through for the card check to report.
 */
export function selector(value: Value, fallback: number): Value {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
	return value;
}

export function isTrue(value: Value): boolean {
	return value === true || value === 'true';
}

/** `disable`: WeCom only takes it in updates (only read there), and it is sent only when on. */
export function disableIn(form: CardForm, read: () => Value): true | undefined {
	return form.variant === 'update' && isTrue(read()) ? true : undefined;
}

function asObject(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** The entry of a single-entry fixedCollection (`{ source: {...} }`), if the block was added. */
export function entry(collection: unknown, name: string): IDataObject | undefined {
	const value = asObject(collection)[name];
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** The entries of a multiple-value fixedCollection (`{ items: [...] }`). */
export function entries(collection: unknown, name: string): IDataObject[] {
	const value = asObject(collection)[name];
	return Array.isArray(value) ? value.map(asObject) : [];
}

export function readForm(param: CardForm['param'], variant: CardVariant, cardType: string): CardForm {
	return {
		variant,
		cardType,
		param,
		has: (group) => formHas(group, cardType),
		additionalBlocks: asObject(param('additionalBlocks', {})),
	};
}
