/** Template card checks: the single source of truth for what a WeCom template card may hold. */
export { checkTemplateCard } from './check';
export { SOURCE_COLOR_CARD_TYPES, cardTypesWith } from './blocksByType';
export { CARD_TYPES, NOTICE_CARD_TYPES, cardNeedsTaskId, type CardType, type CardVariant } from './cardTypes';
export { BUTTON_TYPE, CHECKBOX_MODE, DESC_COLOR, HORIZONTAL_TYPE, LINK_TYPE, NOTICE_CARD_ACTION_TYPES } from './enums';
export { fieldMessageForErrcode } from './errcodeMessages';
export { formatCardIssue, type CardIssue } from './issues';
export { CARD_LIST_MAX, TASK_ID_CHARACTERS, TASK_ID_MAX_LENGTH, TASK_ID_PATTERN } from './limits';
export { displayLength, longTexts, recommendedLength, type LongText } from './recommendedLengths';
export { type TemplateCard } from './schema';
export { utf8ByteLength } from './utf8';
