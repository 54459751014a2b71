import { ERRCODE } from '../errorCodes';
import { isCardType, ROBOT_CARD_TYPES, type CardVariant } from './cardTypes';
import { formatIssuePath, toCardIssues, type CardIssue } from './issues';
import { MSG } from './messages';
import { templateCardSchema, type TemplateCard } from './schema';
import { describeValue } from './schemaBuilders';
import { utf8ByteLength } from './utf8';

/**
 * Levels of objects and lists a card may nest. The deepest field WeCom documents,
 * template_card.select_list[].option_list[].id, is 5 levels down
 * (https://developer.work.weixin.qq.com/document/path/90236).
 */
const MAX_CARD_DEPTH = 10;

/**
 * WeCom documents no total size for a template card: its 2048-byte figure is for text and
 * markdown content (https://developer.work.weixin.qq.com/document/path/90236), and a card may
 * hold more (three 1024-byte menu keys alone). Its hard limits (at most 6 buttons, 20 options,
 * 3 lists of 10, keys of 1024 bytes, ids of 128, links of 1024) keep a real card at a few KB;
 * 64 KiB leaves room for every one of them at its maximum, and bounds the work done on a card
 * before its rules are checked.
 */
const MAX_CARD_BYTES = 64 * 1024;

type CardCheckResult = { ok: true; card: TemplateCard } | { ok: false; issues: CardIssue[] };

function fail(path: string, message: string, errcode: number): CardCheckResult {
	return { ok: false, issues: [{ path, message, errcode }] };
}

/**
 * Checks a template card against WeCom's rules for where it is going. On success `card` is
 * the card to send: the same fields and values, nothing added. On failure the issues say what
 * to fix, the most specific first, each with the errcode WeCom would answer.
 */
export function checkTemplateCard(card: unknown, variant: CardVariant): CardCheckResult {
	if (typeof card !== 'object' || card === null || Array.isArray(card)) {
		const message = card === undefined ? MSG.required : MSG.wrongType(MSG.mustBeObject, describeValue(card));
		return fail('template_card', message, ERRCODE.invalidParameter);
	}
	const outOfBounds = checkCardBounds(card);
	if (outOfBounds) return { ok: false, issues: [outOfBounds] };
	// Without a valid card_type there is no way to tell which blocks belong: stop here.
	const cardType: unknown = (card as Record<string, unknown>).card_type;
	if (cardType === undefined) return fail('template_card.card_type', MSG.required, ERRCODE.invalidCardType);
	if (!isCardType(cardType)) {
		const got = typeof cardType === 'string' ? `"${cardType}"` : describeValue(cardType);
		return fail('template_card.card_type', `${MSG.cardTypeEnum} (got ${got})`, ERRCODE.invalidCardType);
	}
	if (variant === 'robot' && !ROBOT_CARD_TYPES.includes(cardType)) {
		return fail('template_card.card_type', MSG.robotCardType, ERRCODE.invalidCardType);
	}

	const result = templateCardSchema(cardType, variant).safeParse(card);
	if (result.success) return { ok: true, card: result.data };
	return { ok: false, issues: toCardIssues(result.error.issues) };
}

/** A value still to be walked; its path is built only when an issue names it. */
interface Pending {
	value: unknown;
	key?: string | number;
	parent?: Pending;
	depth: number;
}

function pathOf(pending: Pending | undefined): Array<string | number> {
	const path: Array<string | number> = [];
	for (let at = pending; at?.key !== undefined; at = at.parent) path.unshift(at.key);
	return path;
}

const tooLarge = (at: Pending | undefined, what: string): CardIssue => ({
	path: formatIssuePath(pathOf(at)),
	message: `${what} larger than ${MAX_CARD_BYTES.toLocaleString('en-US')} bytes as JSON`,
	errcode: ERRCODE.invalidParameter,
});

/**
 * Depth and size, checked without recursion and before anything else looks at the card: a
 * card nested thousands of levels deep or holding a huge list is refused after at most
 * MAX_CARD_BYTES steps, instead of overflowing the stack or being validated item by item.
 * The size is about that of the card as compact JSON (escapes aside, which only add to it).
 */
export function checkCardBounds(card: unknown): CardIssue | undefined {
	let bytes = 0;
	const stack: Pending[] = [{ value: card, depth: 0 }];
	for (let next = stack.pop(); next; next = stack.pop()) {
		const { value, depth } = next;
		if (value === null || typeof value !== 'object') {
			bytes += scalarBytes(value);
			if (bytes > MAX_CARD_BYTES) return tooLarge(undefined, 'the card is');
			continue;
		}
		if (depth >= MAX_CARD_DEPTH) {
			return {
				path: formatIssuePath(pathOf(next)),
				message: `nested more than ${MAX_CARD_DEPTH} levels deep (the deepest field of a template card is 5 levels down)`,
				errcode: ERRCODE.invalidParameter,
			};
		}
		if (Array.isArray(value)) {
			bytes += value.length + 1;
			// Every item takes at least a byte more: a huge list is refused before it is walked.
			if (bytes + value.length > MAX_CARD_BYTES) {
				return tooLarge(next, `a list of ${value.length.toLocaleString('en-US')} items makes the card`);
			}
			for (let index = 0; index < value.length; index++) {
				stack.push({ value: value[index], key: index, parent: next, depth: depth + 1 });
			}
		} else {
			bytes += 2;
			for (const [key, item] of Object.entries(value)) {
				bytes += utf8ByteLength(key) + 4;
				stack.push({ value: item, key, parent: next, depth: depth + 1 });
			}
			if (bytes > MAX_CARD_BYTES) return tooLarge(next, 'this object makes the card');
		}
	}
	return undefined;
}

function scalarBytes(value: unknown): number {
	if (typeof value === 'string') return utf8ByteLength(value) + 2;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
	return 4;
}
