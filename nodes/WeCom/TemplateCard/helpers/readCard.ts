import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkTemplateCard, longTexts, type CardIssue, type CardVariant } from '../../shared/card';
import { checkCardBounds } from '../../shared/card/check';
import { cardFromForm, formLabelOf } from './cardFromForm';
import { nodeParameter } from './parameters';

interface CardInput {
	card: unknown;
	fromForm: boolean;
}

/** The raw card of one item from the form or the JSON field; depth/size bounds checked (throws NodeOperationError). */
export function readCardInput(ctx: IExecuteFunctions, itemIndex: number, variant: CardVariant): CardInput {
	const fromForm = nodeParameter(ctx, 'cardInput', itemIndex, 'form') !== 'json';
	const card = fromForm ? cardFromForm(ctx, itemIndex, variant) : parseCardJson(ctx, itemIndex);
	const outOfBounds = checkCardBounds(card);
	if (outOfBounds) throw invalidCard(ctx, itemIndex, [outOfBounds], fromForm);
	return { card, fromForm };
}

/**
 * Checks a card (possibly completed by the caller, e.g. with a task_id) against the schema:
 * an invalid card stops here, before any request, with every field that is wrong, named by
 * WeCom's path (and the form's label when it came from the form). A valid card with texts
 * longer than WeCom recommends is returned as it is, with a hint in the output.
 */
export function checkedCard(
	ctx: IExecuteFunctions,
	itemIndex: number,
	input: CardInput,
	variant: CardVariant,
): IDataObject {
	const checked = checkTemplateCard(input.card, variant);
	if (!checked.ok) throw invalidCard(ctx, itemIndex, checked.issues, input.fromForm);
	hintLongTexts(ctx, itemIndex, checked.card, variant, input.fromForm);
	return checked.card as IDataObject;
}

/** The checked card of one item: `readCardInput` and `checkedCard` in one, for cards the node adds nothing to. */
export function readCard(ctx: IExecuteFunctions, itemIndex: number, variant: CardVariant): IDataObject {
	return checkedCard(ctx, itemIndex, readCardInput(ctx, itemIndex, variant), variant);
}

/** `Jump Links (template_card.jump_list)` for a card from the form, the bare path for JSON. */
function fieldName(path: string, fromForm: boolean): string {
	const label = fromForm ? formLabelOf(path) : undefined;
	return label ? `${label} (${path})` : path;
}

function invalidCard(
	ctx: IExecuteFunctions,
	itemIndex: number,
	issues: CardIssue[],
	fromForm: boolean,
): NodeOperationError {
	const lines = issues.map((issue) => `${fieldName(issue.path, fromForm)}: ${issue.message}`);
	return new NodeOperationError(ctx.getNode(), `Invalid card: ${lines[0]}`, {
		itemIndex,
		description: lines.join('\n'),
	});
}

/**
 * The fields already hinted at, per run of the node. n8n-core creates one execute context per
 * run of a node and hands it to every item, so the context object itself tells "this run"
 * apart: a WeakMap keyed by it forgets the run with the context, and no two runs or executions
 * share an entry. An execution id would not do: a map of strings never forgets, and a node
 * that runs twice in one execution (a loop) would lose the second run's hints. The hints n8n
 * already holds are not part of IExecuteFunctions, so they are not read back.
 */
const hintedFields = new WeakMap<IExecuteFunctions, Set<string>>();

/** One hint per field and run, however many items have the long text. */
function hintLongTexts(
	ctx: IExecuteFunctions,
	itemIndex: number,
	card: { card_type: string },
	variant: CardVariant,
	fromForm: boolean,
): void {
	const long = longTexts(card, variant);
	if (!long.length) return;
	let hinted = hintedFields.get(ctx);
	if (!hinted) hintedFields.set(ctx, (hinted = new Set()));
	for (const text of long) {
		if (hinted.has(text.field)) continue;
		hinted.add(text.field);
		ctx.addExecutionHints({
			message: `${fieldName(text.path, fromForm)} has ${text.length} characters; WeCom recommends at most ${text.recommended}. Not an error: the card goes out as it is (first in item ${itemIndex}).`,
			location: 'outputPane',
		});
	}
}

function parseCardJson(ctx: IExecuteFunctions, itemIndex: number): unknown {
	const value = nodeParameter(ctx, 'cardJson', itemIndex) as unknown;
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Template Card (JSON) is not valid JSON: ${(error as Error).message}`, {
			itemIndex,
		});
	}
}
