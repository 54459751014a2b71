import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkTemplateCard, formatCardIssue, type CardIssue, type CardVariant } from '../../shared/card';
import { checkCardBounds } from '../../shared/card/check';
import { cardFromForm } from './cardFromForm';

export interface CardInput {
	card: unknown;
	fromForm: boolean;
}

/** The raw card of one item, from the form or the JSON field, with its depth and size within bounds. */
export function readCardInput(ctx: IExecuteFunctions, itemIndex: number, variant: CardVariant): CardInput {
	const fromForm = ctx.getNodeParameter('cardInput', itemIndex, 'form') !== 'json';
	const card = fromForm ? cardFromForm(ctx, itemIndex, variant) : parseCardJson(ctx, itemIndex);
	const outOfBounds = checkCardBounds(card);
	if (outOfBounds) throw invalidCard(ctx, itemIndex, [outOfBounds]);
	return { card, fromForm };
}

/** A card checked against the card schema: an invalid card stops here, before any request, with every field path that is wrong. */
export function checkedCard(ctx: IExecuteFunctions, itemIndex: number, input: CardInput, variant: CardVariant): IDataObject {
	const checked = checkTemplateCard(input.card, variant);
	if (!checked.ok) throw invalidCard(ctx, itemIndex, checked.issues);
	return checked.card as IDataObject;
}

/** The checked card of one item. */
export function readCard(ctx: IExecuteFunctions, itemIndex: number, variant: CardVariant): IDataObject {
	return checkedCard(ctx, itemIndex, readCardInput(ctx, itemIndex, variant), variant);
}

function invalidCard(ctx: IExecuteFunctions, itemIndex: number, issues: CardIssue[]): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Invalid card: ${formatCardIssue(issues[0])}`, {
		itemIndex,
		description: issues.map(formatCardIssue).join('\n'),
	});
}

function parseCardJson(ctx: IExecuteFunctions, itemIndex: number): unknown {
	const value = ctx.getNodeParameter('cardJson', itemIndex) as unknown;
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Template Card (JSON) is not valid JSON: ${(error as Error).message}`, {
			itemIndex,
		});
	}
}
