/** Template card checks: the single source of truth for what a WeCom template card may hold. */
export { checkTemplateCard, type CardCheckResult } from './check';
export { SOURCE_COLOR_CARD_TYPES, cardTypesWith } from './blocksByType';
export {
	CARD_TYPES,
	TASK_ID_PATTERN,
	cardCallsBack,
	cardNeedsTaskId,
	type CardType,
	type CardVariant,
} from './cardTypes';
export { CARD_FIELD_ERRCODES, fieldMessageForErrcode } from './errcodeMessages';
export { formatCardIssue, type CardIssue } from './issues';
export { displayLength, longTexts, recommendedLength, type LongText } from './recommendedLengths';
export { templateCardSchema, type TemplateCard } from './schema';
export { utf8ByteLength } from './utf8';
