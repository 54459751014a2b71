/**
 * The card schema against WeCom's documentation. Every expectation comes from the fixture in
 * this folder, transcribed by hand from the official pages; nothing is read back from the
 * schema. Per rule: the documented example passes, one value at the limit passes, one step over
 * it is refused at the documented field path, with the documented errcode where a page names one.
 */
import { checkTemplateCard, type CardIssue } from '../../nodes/WeCom/shared/card';
import { deletePath, getPath, mergeAt, parentPath, setPath } from './cardPaths';
import {
	BLOCK_TABLES,
	CARD_TYPE_ERRCODE,
	CARD_TYPES_BY_VARIANT,
	NESTED_FIELDS,
	REQUIRED_FIELDS,
	VARIANT_EXCLUSIONS,
} from './docBlocks';
import { DOC_EXAMPLES, MINIMAL_CARDS, docExample } from './docExamples';
import {
	ASPECT_RATIO,
	BYTE_LIMITS,
	CONDITIONALS,
	DEFAULTED_VALUES,
	ENUM_FIELDS,
	LIST_SIZES,
	RECOMMENDED_LENGTHS,
	TASK_ID_CHARSET,
	UNIQUE_FIELDS,
	URL_FIELDS,
	URL_SCHEME_ERRCODE,
} from './docLimits';
import type { Card, CardType, Variant } from './docPages';

function issuesOf(card: Card, variant: Variant): CardIssue[] {
	const result = checkTemplateCard(card, variant);
	return result.ok ? [] : result.issues;
}

function expectAccepted(card: Card, variant: Variant): void {
	expect(issuesOf(card, variant)).toEqual([]);
}

/** The first issue (what WeCom, and the sandbox, answer) is at `path`, with `errcode` if documented. */
function expectRefused(card: Card, variant: Variant, path: string, errcode: number | null): void {
	const [first] = issuesOf(card, variant);
	expect(first).toBeDefined();
	const expected = { path: `template_card.${path}`, ...(errcode !== null && { errcode }) };
	expect({ path: first.path, ...(errcode !== null && { errcode: first.errcode }) }).toEqual(expected);
}

/** The page's example, changed by `change`. */
function changed(cardType: CardType, variant: Variant, change: (card: Card) => void): Card {
	const card = docExample(cardType, variant);
	change(card);
	return card;
}

/** `bytes` UTF-8 bytes, mostly 3-byte characters, so a character count would be far lower. */
function ofBytes(bytes: number, ascii = false): string {
	if (ascii) return 'a'.repeat(bytes);
	return '中'.repeat(Math.floor(bytes / 3)) + 'a'.repeat(bytes % 3);
}

const URL_PREFIX = 'https://work.weixin.qq.com/';
const valueOfBytes = (path: string, bytes: number, ascii?: boolean) =>
	/url$/.test(path) ? URL_PREFIX + ofBytes(bytes - URL_PREFIX.length) : ofBytes(bytes, ascii);

const where = (entry: { cardType: string; variant: string; doc: string }) =>
	`${entry.cardType}/${entry.variant} (${entry.doc})`;

describe('official examples and minimal cards', () => {
	it.each(DOC_EXAMPLES.map((entry) => [where(entry), entry] as const))('accepts the example of %s', (_name, entry) => {
		expectAccepted(entry.card(), entry.variant);
	});

	it.each(MINIMAL_CARDS.map((entry) => [where(entry), entry] as const))(
		'accepts a card of only the required fields, %s',
		(_name, entry) => {
			expectAccepted(entry.card(), entry.variant);
		},
	);
});

describe('card types', () => {
	const others = (cardTypes: readonly CardType[]) =>
		(['button_interaction', 'vote_interaction', 'multiple_interaction'] as CardType[]).filter(
			(cardType) => !cardTypes.includes(cardType),
		);

	it.each(CARD_TYPES_BY_VARIANT.map((entry) => [entry.variant, entry] as const))(
		'%s: refuses an unknown card_type (42031) and the types its page has no table for',
		(variant, entry) => {
			expectRefused({ ...docExample('text_notice', variant), card_type: 'markdown' }, variant, 'card_type', CARD_TYPE_ERRCODE.errcode);
			for (const cardType of others(entry.cardTypes)) {
				const card = docExample(cardType, 'send');
				delete card.task_id;
				expectRefused(card, variant, 'card_type', null);
			}
		},
	);
});

describe('blocks per card type', () => {
	const allBlocks = [...new Set(BLOCK_TABLES.flatMap((table) => table.blocks))];
	/** A valid value of `block`, from the first example that has it. */
	const valueOf = (block: string) =>
		DOC_EXAMPLES.map((entry) => entry.card()[block]).find((value) => value !== undefined);

	it('has an example value for every block', () => {
		expect(allBlocks.filter((block) => valueOf(block) === undefined)).toEqual([]);
	});

	const cases = BLOCK_TABLES.flatMap((table) =>
		allBlocks
			.filter((block) => !table.blocks.includes(block))
			.map((block) => [`${block} on ${where(table)}`, table, block] as const),
	);

	it.each(cases)('refuses %s', (_name, table, block) => {
		const card = changed(table.cardType, table.variant, (c) => (c[block] = valueOf(block)));
		expectRefused(card, table.variant, block, null);
	});

	it.each(NESTED_FIELDS.map((entry) => [`${entry.path} on ${where(entry)}`, entry] as const))(
		'%s',
		(_name, { cardType, variant, path, value, allowed }) => {
			const card = changed(cardType, variant, (c) => setPath(c, path, value));
			if (allowed) expectAccepted(card, variant);
			else expectRefused(card, variant, path, null);
		},
	);

	it.each(VARIANT_EXCLUSIONS.map((entry) => [`${entry.path} on ${where(entry)}`, entry] as const))(
		'refuses %s (no row in that table)',
		(_name, { cardType, variant, path, value }) => {
			expectRefused(changed(cardType, variant, (c) => setPath(c, path, value)), variant, path, null);
		},
	);
});

describe('required fields', () => {
	it.each(REQUIRED_FIELDS.map((entry) => [`${entry.path} on ${where(entry)}`, entry] as const))(
		'refuses a card without %s',
		(_name, { cardType, variant, path, alsoRemove = [], reportedAt, errcode }) => {
			const card = changed(cardType, variant, (c) => {
				for (const removed of [path, ...alsoRemove]) deletePath(c, removed);
			});
			expectRefused(card, variant, reportedAt ?? path, errcode);
		},
	);

	it.each(CONDITIONALS.map((entry) => [`${entry.block}.${entry.missing} with ${JSON.stringify(entry.set)} on ${where(entry)}`, entry] as const))(
		'requires %s',
		(_name, { cardType, variant, block, set, missing, errcode }) => {
			const withField = changed(cardType, variant, (c) => mergeAt(c, block, { [missing]: missing === 'url' ? URL_PREFIX : 'X', ...set }));
			expectAccepted(withField, variant);
			const without = changed(cardType, variant, (c) => {
				mergeAt(c, block, set);
				setPath(c, `${block}.${missing}`, undefined);
			});
			expectRefused(JSON.parse(JSON.stringify(without)) as Card, variant, `${block}.${missing}`, errcode);
		},
	);
});

describe('list sizes', () => {
	const list = (size: number, item: (index: number) => unknown) => Array.from({ length: size }, (_, i) => item(i));

	it.each(LIST_SIZES.map((entry) => [`${entry.path} (${entry.min} to ${entry.max}) on ${where(entry)}`, entry] as const))(
		'%s',
		(_name, { cardType, variant, path, min, max, item, errcode }) => {
			const withSize = (size: number) => changed(cardType, variant, (c) => setPath(c, path, list(size, item)));
			expectAccepted(withSize(max), variant);
			expectAccepted(withSize(Math.max(min, 1)), variant);
			expectRefused(withSize(max + 1), variant, path, errcode);
			if (min > 0) expectRefused(withSize(min - 1), variant, path, errcode);
			else expectAccepted(withSize(0), variant);
		},
	);
});

describe('byte limits', () => {
	it.each(BYTE_LIMITS.map((entry) => [`${entry.path} <= ${entry.maxBytes} bytes on ${where(entry)}`, entry] as const))(
		'%s',
		(_name, { cardType, variant, path, maxBytes, ascii, errcode }) => {
			const withBytes = (bytes: number) => changed(cardType, variant, (c) => setPath(c, path, valueOfBytes(path, bytes, ascii)));
			expectAccepted(withBytes(maxBytes), variant);
			expectRefused(withBytes(maxBytes + 1), variant, path, errcode);
		},
	);

	it.each(URL_FIELDS.map((entry) => [`${entry.path} on ${where(entry)}`, entry] as const))(
		'refuses a URL without http:// or https:// in %s (45034)',
		(_name, { cardType, variant, path }) => {
			for (const url of ['work.weixin.qq.com', 'ftp://work.weixin.qq.com/a']) {
				expectRefused(changed(cardType, variant, (c) => setPath(c, path, url)), variant, path, URL_SCHEME_ERRCODE);
			}
			expectAccepted(changed(cardType, variant, (c) => setPath(c, path, 'http://work.weixin.qq.com')), variant);
		},
	);

	it(`task_id takes digits, letters and _-@ only (${TASK_ID_CHARSET.doc})`, () => {
		for (const taskId of TASK_ID_CHARSET.accepted) {
			expectAccepted(changed('button_interaction', 'send', (c) => (c.task_id = taskId)), 'send');
		}
		for (const taskId of TASK_ID_CHARSET.refused) {
			const card = changed('button_interaction', 'send', (c) => (c.task_id = taskId));
			expectRefused(card, 'send', TASK_ID_CHARSET.path, TASK_ID_CHARSET.errcode);
		}
	});
});

describe('recommended lengths (建议不超过N个字) refuse nothing', () => {
	it.each(RECOMMENDED_LENGTHS.map((entry) => [`${entry.path} (${entry.chars} 字) on ${where(entry)}`, entry] as const))(
		'%s',
		(_name, { cardType, variant, path, chars }) => {
			for (const length of [chars, chars + 1]) {
				expectAccepted(changed(cardType, variant, (c) => setPath(c, path, '字'.repeat(length))), variant);
			}
		},
	);
});

describe('listed values', () => {
	it.each(ENUM_FIELDS.map((entry) => [`${entry.path} on ${where(entry)}`, entry] as const))(
		'%s',
		(_name, { cardType, variant, path, values, invalid }) => {
			for (const { value, with: required = {} } of values) {
				const card = changed(cardType, variant, (c) => mergeAt(c, parentPath(path), { ...required, [pathKey(path)]: value }));
				expectAccepted(card, variant);
			}
			expectRefused(changed(cardType, variant, (c) => setPath(c, path, invalid.value)), variant, path, invalid.errcode);
		},
	);

	it.each(DEFAULTED_VALUES.map((entry) => [`${entry.path} = ${JSON.stringify(entry.value)} on ${where(entry)}`, entry] as const))(
		'accepts %s (不填或错填默认…)',
		(_name, { cardType, variant, path, value }) => {
			expectAccepted(changed(cardType, variant, (c) => setPath(c, path, value)), variant);
		},
	);

	it(`card_image.aspect_ratio (${ASPECT_RATIO.doc})`, () => {
		const withRatio = (ratio: number) => changed('news_notice', 'send', (c) => setPath(c, ASPECT_RATIO.path, ratio));
		for (const ratio of ASPECT_RATIO.accepted) expectAccepted(withRatio(ratio), 'send');
		for (const ratio of ASPECT_RATIO.refused) expectRefused(withRatio(ratio), 'send', ASPECT_RATIO.path, ASPECT_RATIO.errcode);
	});
});

describe('unique values (不可重复)', () => {
	it.each(UNIQUE_FIELDS.map((entry) => [`${entry.path} on ${where(entry)}`, entry] as const))(
		'%s',
		(_name, { cardType, variant, path, sameAs, errcode }) => {
			const card = changed(cardType, variant, (c) => setPath(c, path, getPath(c, sameAs)));
			expectRefused(card, variant, path, errcode);
		},
	);
});

function pathKey(path: string): string {
	return path.slice(parentPath(path).length).replace(/^\./, '');
}
