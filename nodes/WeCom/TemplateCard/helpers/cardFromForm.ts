import type { IDataObject } from 'n8n-workflow';

import { FORM_DEFAULTS, type CardVariant } from '../descriptions/card/layout';
import { bodyBlocks } from './cardForm/bodyBlocks';
import { readForm, type FormBlock, type Value } from './cardForm/formValues';
import { headerBlocks } from './cardForm/headerBlocks';
import { interactionBlocks } from './cardForm/interactionBlocks';
import { compact } from './compact';
import { nodeParameter, type ParameterReader } from './parameters';

/** Every block of the card form, in the order of WeCom's tables. */
const FORM_BLOCKS: readonly FormBlock[] = [...headerBlocks, ...bodyBlocks, ...interactionBlocks];

/**
 * Maps the card form (descriptions/cardForm.ts) to WeCom's template_card, one mapper per block
 * (helpers/cardForm/).
 *
 * It reads only the fields the form shows for the chosen card type and variant, and inside a
 * block only the link fields of the chosen link type, so values left behind by an earlier choice
 * never reach the card. It produces WeCom's keys and shapes and drops what is empty (see
 * `compact`); it checks nothing: `checkTemplateCard` does, and reports WeCom's field paths,
 * which `formLabelOf` turns into the form's labels.
 *
 * Values kept although they equal WeCom's default: every selector the form shows (link and row
 * types, button style, choice mode, source color), because the user sees and picks them.
 */
export function cardFromForm(ctx: ParameterReader, itemIndex: number, variant: CardVariant): IDataObject {
	const param = (name: string, fallback: Value) => nodeParameter(ctx, name, itemIndex, fallback) as Value;
	const form = readForm(param, variant, String(param('cardType', FORM_DEFAULTS.cardType)));
	const card: IDataObject = {};
	for (const block of FORM_BLOCKS) card[block.field] = block.map(form);
	return compact(card) ?? {};
}

/**
 * The form field behind a WeCom path of a card built in the form, as the user sees it: the
 * label of the block, or of its part, plus the rest of the path (`Jump Links[3].url`).
 * Undefined for a path no form field fills.
 */
export function formLabelOf(path: string): string | undefined {
	const [, field, rest] = /^template_card\.(\w+)(.*)$/.exec(path) ?? [];
	const block = FORM_BLOCKS.find((each) => each.field === field);
	if (!block) return undefined;
	const [, part, partRest] = /^\.(\w+)(.*)$/.exec(rest) ?? [];
	const partLabel = part === undefined ? undefined : block.partLabels?.[part];
	return partLabel ? `${partLabel}${partRest}` : `${block.label}${rest}`;
}
