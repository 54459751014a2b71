import type { CardType, CardVariant } from './cardTypes';

/**
 * Text lengths WeCom recommends (建议不超过N个字). They are advice, not limits: WeCom accepts a
 * longer text, so the card check refuses nothing for them and the node only hints.
 */
interface Recommendation {
	/** Path relative to template_card; `[]` stands for every element of a list. */
	field: string;
	chars: number;
	/** Only on these card types; without it, on every card type that has the field. */
	cardTypes?: readonly CardType[];
}

/**
 * App cards: message/send (https://developer.work.weixin.qq.com/document/path/90236) and
 * update_template_card (https://developer.work.weixin.qq.com/document/path/94888) give the same
 * numbers. A card-type specific row comes before the general one.
 */
const APP_CARDS: readonly Recommendation[] = [
	{ field: 'source.desc', chars: 20 },
	{ field: 'main_title.title', chars: 16, cardTypes: ['vote_interaction'] },
	{ field: 'main_title.title', chars: 36 },
	{ field: 'main_title.desc', chars: 160, cardTypes: ['vote_interaction', 'multiple_interaction'] },
	{ field: 'main_title.desc', chars: 44 },
	{ field: 'emphasis_content.title', chars: 14 },
	{ field: 'emphasis_content.desc', chars: 22 },
	{ field: 'sub_title_text', chars: 160 },
	{ field: 'horizontal_content_list[].keyname', chars: 5 },
	{ field: 'horizontal_content_list[].value', chars: 30 },
	{ field: 'jump_list[].title', chars: 18 },
	{ field: 'vertical_content_list[].title', chars: 38 },
	{ field: 'vertical_content_list[].desc', chars: 160 },
	{ field: 'button_selection.option_list[].text', chars: 16 },
	{ field: 'button_list[].text', chars: 10 },
	{ field: 'checkbox.option_list[].text', chars: 17 },
	{ field: 'select_list[].option_list[].text', chars: 16 },
	{ field: 'submit_button.text', chars: 10 },
];

/** Group robot cards: the older, smaller numbers of https://developer.work.weixin.qq.com/document/path/99110. */
const ROBOT_CARDS: readonly Recommendation[] = [
	{ field: 'source.desc', chars: 13 },
	{ field: 'main_title.title', chars: 26 },
	{ field: 'main_title.desc', chars: 30 },
	{ field: 'emphasis_content.title', chars: 10 },
	{ field: 'emphasis_content.desc', chars: 15 },
	{ field: 'sub_title_text', chars: 112 },
	{ field: 'horizontal_content_list[].keyname', chars: 5 },
	{ field: 'horizontal_content_list[].value', chars: 26 },
	{ field: 'jump_list[].title', chars: 13 },
	{ field: 'vertical_content_list[].title', chars: 26 },
	{ field: 'vertical_content_list[].desc', chars: 112 },
];

const RECOMMENDATIONS: Readonly<Record<CardVariant, readonly Recommendation[]>> = {
	send: APP_CARDS,
	update: APP_CARDS,
	robot: ROBOT_CARDS,
};

/** `jump_list[2].title` → `jump_list[].title`. */
function fieldOf(path: string): string {
	return path.replace(/\[\d+\]/g, '[]');
}

/** Per variant and card type; asked for every card sent, so worked out once. */
const recommendationsByType = new Map<string, Recommendation[]>();

function recommendationsFor(variant: CardVariant, cardType: string): Recommendation[] {
	const key = `${variant}/${cardType}`;
	let found = recommendationsByType.get(key);
	if (!found) recommendationsByType.set(key, (found = firstRecommendations(variant, cardType)));
	return found;
}

function firstRecommendations(variant: CardVariant, cardType: string): Recommendation[] {
	const seen = new Set<string>();
	return RECOMMENDATIONS[variant].filter((entry) => {
		if (seen.has(entry.field)) return false;
		if (entry.cardTypes && !entry.cardTypes.includes(cardType as CardType)) return false;
		seen.add(entry.field);
		return true;
	});
}

/** The recommended length of the field at `path` (relative to template_card, `[0]` for list items). */
export function recommendedLength(variant: CardVariant, cardType: string, path: string): number | undefined {
	const field = fieldOf(path);
	return recommendationsFor(variant, cardType).find((entry) => entry.field === field)?.chars;
}

/**
 * WeCom counts these lengths in 字, characters as read on the card (its hard limits say 字节,
 * bytes): one Chinese character, one letter or one emoji is one 字, whatever its UTF-8 or UTF-16
 * size, so user-perceived characters (grapheme clusters) are counted.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function displayLength(text: string): number {
	return Array.from(graphemes.segment(text)).length;
}

export interface LongText {
	/** Where, e.g. 'template_card.jump_list[1].title'. */
	path: string;
	/** The same for every list element, e.g. 'jump_list[].title'. */
	field: string;
	length: number;
	recommended: number;
}

/** The texts of a checked card that are longer than WeCom recommends, in table order. */
export function longTexts(card: { card_type: string }, variant: CardVariant): LongText[] {
	const found: LongText[] = [];
	// A string has at least as many UTF-16 units as characters: most texts stop at the first test.
	const candidates: Candidate[] = [];
	const indexes: number[] = [];
	for (const recommendation of recommendationsFor(variant, card.card_type)) {
		collectLongerThan(card, fieldSegments(recommendation.field), 0, recommendation, indexes, candidates);
	}
	for (const { path, value, recommendation } of candidates) {
		const length = displayLength(value);
		if (length > recommendation.chars) {
			found.push({ path, field: recommendation.field, length, recommended: recommendation.chars });
		}
	}
	return found;
}

interface FieldSegment {
	key: string;
	isList: boolean;
}

/** `jump_list[].title` → its segments; there are a few dozen fields, each split once. */
const segmentsOfField = new Map<string, FieldSegment[]>();

function fieldSegments(field: string): FieldSegment[] {
	let segments = segmentsOfField.get(field);
	if (!segments) {
		segments = field.split('.').map((segment) => {
			const isList = segment.endsWith('[]');
			return { key: isList ? segment.slice(0, -2) : segment, isList };
		});
		segmentsOfField.set(field, segments);
	}
	return segments;
}

/** A string longer in UTF-16 units than its field's recommended characters, with its path. */
interface Candidate {
	path: string;
	value: string;
	recommendation: Recommendation;
}

/**
 * Appends the strings under `segments` (from `depth` on) longer than the recommendation in
 * UTF-16 units. Every card sent goes through here and nearly all of its texts are short, so
 * nothing is allocated on the way: list indexes go on a shared stack, a path is built on a find.
 */
function collectLongerThan(
	value: unknown,
	segments: FieldSegment[],
	depth: number,
	recommendation: Recommendation,
	indexes: number[],
	candidates: Candidate[],
): void {
	if (depth === segments.length) {
		if (typeof value === 'string' && value.length > recommendation.chars) {
			candidates.push({ path: pathOf(segments, indexes), value, recommendation });
		}
		return;
	}
	const { key, isList } = segments[depth];
	const child = isObject(value) ? value[key] : undefined;
	if (child === undefined) return;
	if (!isList) {
		collectLongerThan(child, segments, depth + 1, recommendation, indexes, candidates);
		return;
	}
	if (!Array.isArray(child)) return;
	for (let index = 0; index < child.length; index++) {
		indexes.push(index);
		collectLongerThan(child[index], segments, depth + 1, recommendation, indexes, candidates);
		indexes.pop();
	}
}

/** `template_card.jump_list[1].title` from the field's segments and the list indexes on the way. */
function pathOf(segments: readonly FieldSegment[], indexes: readonly number[]): string {
	let listDepth = 0;
	let path = 'template_card';
	for (const { key, isList } of segments) path += isList ? `.${key}[${indexes[listDepth++]}]` : `.${key}`;
	return path;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
