import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkTemplateCard, formatCardIssue, type CardIssue, type CardVariant } from '../../shared/card';
import { checkCardBounds } from '../../shared/card/check';
import { cardFromForm } from './cardFromForm';

/**
 * The card of one item, from the form or the JSON field, checked against the card schema:
 * an invalid card stops here, before any request, with every field path that is wrong.
 * `completeCard` adds what the node fills in itself (a generated task_id) before the check;
 * it only ever sees a card whose depth and size are within bounds.
 */
export function readCard(
	ctx: IExecuteFunctions,
	itemIndex: number,
	variant: CardVariant,
	completeCard: (card: unknown) => unknown = (card) => card,
): IDataObject {
	const input = ctx.getNodeParameter('cardInput', itemIndex, 'form') as string;
	const raw = input === 'json' ? parseCardJson(ctx, itemIndex) : cardFromForm(ctx, itemIndex, variant);
	const outOfBounds = checkCardBounds(raw);
	if (outOfBounds) throw invalidCard(ctx, itemIndex, [outOfBounds]);
	const checked = checkTemplateCard(completeCard(raw), variant);
	if (!checked.ok) throw invalidCard(ctx, itemIndex, checked.issues);
	return checked.card as IDataObject;
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
