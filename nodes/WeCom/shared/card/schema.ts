import { z } from 'zod';
import { ERRCODE } from '../errorCodes';
import { cardBlocks, type CardBlockName } from './blocks';
import { BLOCKS_BY_TYPE, SOURCE_COLOR_CARD_TYPES } from './blocksByType';
import { cardAction, sourceBlock } from './commonBlocks';
import { cardNeedsTaskId, isNoticeType, type CardType, type CardVariant } from './cardTypes';
import { MSG } from './messages';
import { forbidden, report } from './schemaBuilders';

/** A template card as sent to WeCom: all blocks optional; which ones apply depends on card_type. */
export type TemplateCard = z.infer<z.ZodObject<{ card_type: z.ZodType<CardType> } & ReturnType<typeof cardBlocks>>>;

/** Why a block cannot be on this card, or undefined when it can. */
function exclusionReason(name: CardBlockName, cardType: CardType, variant: CardVariant): string | undefined {
	if (!BLOCKS_BY_TYPE[cardType].includes(name)) return MSG.notAllowedOn(cardType);
	if (variant === 'robot' && (name === 'action_menu' || name === 'task_id')) return MSG.notOnRobot;
	if (variant === 'update' && name === 'task_id') return MSG.notInUpdates;
	if (variant !== 'update' && name === 'replace_text') return MSG.onlyInUpdates;
	return undefined;
}

function cardShape(cardType: CardType, variant: CardVariant): z.ZodRawShape {
	const blocks = cardBlocks(variant);
	const shape: z.ZodRawShape = { card_type: z.literal(cardType) };
	for (const name of Object.keys(blocks) as CardBlockName[]) {
		const reason = exclusionReason(name, cardType, variant);
		shape[name] = reason === undefined ? blocks[name] : forbidden(reason);
	}
	if (isNoticeType(cardType)) shape.card_action = cardAction('notice').optional();
	if (!SOURCE_COLOR_CARD_TYPES.includes(cardType)) {
		shape.source = sourceBlock(MSG.notAllowedOn(cardType)).optional();
	}
	return shape;
}

/** Rules that need the whole card: required blocks, and fields that depend on each other. */
function cardRules(cardType: CardType, variant: CardVariant) {
	const notice = isNoticeType(cardType);
	return (card: TemplateCard, ctx: z.RefinementCtx): void => {
		const requireBlock = (name: CardBlockName, errcode: number) => {
			if (card[name] === undefined) report(ctx, errcode, MSG.requiredOn(cardType), { path: [name] });
		};

		if (variant === 'send' && cardNeedsTaskId(card) && card.task_id === undefined) {
			const message = notice ? MSG.taskIdWithMenu : MSG.requiredOn(cardType);
			report(ctx, ERRCODE.invalidTaskId, message, { path: ['task_id'] });
		}

		if (cardType === 'text_notice') {
			if (!card.main_title?.title && !card.sub_title_text) {
				report(ctx, ERRCODE.titleMissing, MSG.titleOrSubtitle, { path: ['main_title', 'title'] });
			} else if (variant === 'robot' && card.main_title === undefined) {
				report(ctx, ERRCODE.invalidParameter, MSG.robotMainTitle, { path: ['main_title'] });
			}
		} else if (!card.main_title?.title) {
			report(ctx, ERRCODE.titleMissing, MSG.requiredOn(cardType), { path: ['main_title', 'title'] });
		}

		if (cardType === 'news_notice') {
			if (variant === 'robot' && card.card_image === undefined) {
				report(ctx, ERRCODE.invalidCardImage, MSG.robotCardImage, { path: ['card_image'] });
			} else if (card.card_image === undefined && card.image_text_area === undefined) {
				report(ctx, ERRCODE.invalidCardImage, MSG.imageOrArea, { path: ['card_image'] });
			}
		}

		if (notice) requireBlock('card_action', ERRCODE.invalidCardAction);
		if (cardType === 'button_interaction') requireBlock('button_list', ERRCODE.invalidParameter);
		if (cardType === 'vote_interaction') requireBlock('checkbox', ERRCODE.invalidParameter);
		if (cardType === 'multiple_interaction') requireBlock('select_list', ERRCODE.invalidSelectListCount);
		// Updates may drop the submit button (submit_button 否 in
		// https://developer.work.weixin.qq.com/document/path/94888).
		if ((cardType === 'vote_interaction' || cardType === 'multiple_interaction') && variant !== 'update') {
			requireBlock('submit_button', ERRCODE.invalidParameter);
		}
	};
}

type TemplateCardSchema = z.ZodType<TemplateCard, z.ZodTypeDef, unknown>;

const schemaCache = new Map<string, TemplateCardSchema>();

/** The strict schema for one card type sent one way; built once, then reused. */
export function templateCardSchema(cardType: CardType, variant: CardVariant): TemplateCardSchema {
	const cacheKey = `${cardType}/${variant}`;
	let schema = schemaCache.get(cacheKey);
	if (!schema) {
		const rules = cardRules(cardType, variant);
		// The shape is assembled per type, so TypeScript only sees a generic object: a card that
		// passes has only TemplateCard fields, of TemplateCard types.
		schema = z
			.object(cardShape(cardType, variant))
			.strict()
			.superRefine((card, ctx) => rules(card as TemplateCard, ctx)) as unknown as TemplateCardSchema;
		schemaCache.set(cacheKey, schema);
	}
	return schema;
}
