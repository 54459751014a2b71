/**
 * The fixture turned into concrete cards: each a page's example (or minimal card) with one
 * change, and what WeCom's documentation says of it. Accepted cases must pass; refused ones must
 * be refused at `path` (relative to template_card), with `errcode` where a page names one.
 */
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
import type { Card, CardType, DocPage, Variant } from './docPages';

export interface DocCase {
	/** The kind of rule, for grouping. */
	group: string;
	name: string;
	cardType: CardType;
	variant: Variant;
	doc: DocPage;
	card: Card;
}

export interface RefusedCase extends DocCase {
	path: string;
	errcode: number | null;
}

/** The page's example with `change` applied. */
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

export const URL_PREFIX = 'https://work.weixin.qq.com/';

function valueOfBytes(path: string, bytes: number, ascii?: boolean): string {
	return /url$/.test(path) ? URL_PREFIX + ofBytes(bytes - URL_PREFIX.length) : ofBytes(bytes, ascii);
}

const listOf = (size: number, item: (index: number) => unknown) => Array.from({ length: size }, (_, i) => item(i));

function pathKey(path: string): string {
	return path.slice(parentPath(path).length).replace(/^\./, '');
}

/** Without `fields`, and without undefined values (as JSON would carry it). */
function without(card: Card, ...fields: string[]): Card {
	for (const field of fields) deletePath(card, field);
	return card;
}

/** A valid value of `block`, from the first example that has it. */
function blockValue(block: string): unknown {
	return DOC_EXAMPLES.map((entry) => entry.card()[block]).find((value) => value !== undefined);
}

const at = (entry: { cardType: string; variant: string }) => `${entry.cardType}/${entry.variant}`;

export function acceptedCases(): DocCase[] {
	const cases: DocCase[] = [];
	const add = (
		group: string,
		name: string,
		entry: { cardType: CardType; variant: Variant; doc: DocPage },
		card: Card,
	) =>
		cases.push({
			group,
			name: `${name} on ${at(entry)}`,
			cardType: entry.cardType,
			variant: entry.variant,
			doc: entry.doc,
			card,
		});

	for (const entry of DOC_EXAMPLES) add('official examples', 'the example', entry, entry.card());
	for (const entry of MINIMAL_CARDS) add('required fields only', 'a minimal card', entry, entry.card());
	for (const entry of NESTED_FIELDS.filter((field) => field.allowed)) {
		add(
			'fields per card type',
			entry.path,
			entry,
			changed(entry.cardType, entry.variant, (c) => setPath(c, entry.path, entry.value)),
		);
	}
	for (const entry of CONDITIONALS) {
		const fields = { [entry.missing]: entry.missing === 'url' ? URL_PREFIX : 'X', ...entry.set };
		add(
			'conditional fields',
			`${entry.block}.${entry.missing} given with ${JSON.stringify(entry.set)}`,
			entry,
			changed(entry.cardType, entry.variant, (c) => mergeAt(c, entry.block, fields)),
		);
	}
	for (const entry of LIST_SIZES) {
		const sizes = [...new Set([entry.max, Math.max(entry.min, 1), entry.min])];
		for (const size of sizes) {
			add(
				'list sizes',
				`${entry.path} with ${size}`,
				entry,
				changed(entry.cardType, entry.variant, (c) => setPath(c, entry.path, listOf(size, entry.item))),
			);
		}
	}
	for (const entry of BYTE_LIMITS) {
		add(
			'byte limits',
			`${entry.path} of ${entry.maxBytes} bytes`,
			entry,
			changed(entry.cardType, entry.variant, (c) =>
				setPath(c, entry.path, valueOfBytes(entry.path, entry.maxBytes, entry.ascii)),
			),
		);
	}
	for (const entry of URL_FIELDS) {
		add(
			'URL scheme',
			`${entry.path} over http://`,
			entry,
			changed(entry.cardType, entry.variant, (c) => setPath(c, entry.path, 'http://work.weixin.qq.com')),
		);
	}
	for (const taskId of TASK_ID_CHARSET.accepted) {
		const entry = { cardType: 'button_interaction', variant: 'send', doc: TASK_ID_CHARSET.doc } as const;
		add(
			'task_id characters',
			`task_id "${taskId}"`,
			entry,
			changed(entry.cardType, entry.variant, (c) => (c.task_id = taskId)),
		);
	}
	for (const entry of RECOMMENDED_LENGTHS) {
		for (const length of [entry.chars, entry.chars + 1]) {
			add(
				'recommended lengths refuse nothing',
				`${entry.path} of ${length} 字 (建议不超过${entry.chars}个字)`,
				entry,
				changed(entry.cardType, entry.variant, (c) => setPath(c, entry.path, '字'.repeat(length))),
			);
		}
	}
	for (const entry of ENUM_FIELDS) {
		for (const { value, with: required = {} } of entry.values) {
			add(
				'listed values',
				`${entry.path} = ${value}`,
				entry,
				changed(entry.cardType, entry.variant, (c) =>
					mergeAt(c, parentPath(entry.path), { ...required, [pathKey(entry.path)]: value }),
				),
			);
		}
	}
	for (const entry of DEFAULTED_VALUES) {
		add(
			'defaulted values (不填或错填默认…)',
			`${entry.path} = ${JSON.stringify(entry.value)}`,
			entry,
			changed(entry.cardType, entry.variant, (c) => setPath(c, entry.path, entry.value)),
		);
	}
	for (const ratio of ASPECT_RATIO.accepted) {
		add(
			'card_image.aspect_ratio',
			`aspect_ratio ${ratio}`,
			ASPECT_RATIO,
			changed(ASPECT_RATIO.cardType, ASPECT_RATIO.variant, (c) => setPath(c, ASPECT_RATIO.path, ratio)),
		);
	}
	return cases;
}

export function refusedCases(): RefusedCase[] {
	const cases: RefusedCase[] = [];
	const add = (
		group: string,
		name: string,
		entry: { cardType: CardType; variant: Variant; doc: DocPage },
		card: Card,
		path: string,
		errcode: number | null,
	) =>
		cases.push({
			group,
			name: `${name} on ${at(entry)}`,
			cardType: entry.cardType,
			variant: entry.variant,
			doc: entry.doc,
			card,
			path,
			errcode,
		});

	for (const { variant, cardTypes, doc } of CARD_TYPES_BY_VARIANT) {
		const entry = { cardType: 'text_notice', variant, doc } as const;
		add(
			'card types',
			'card_type "markdown"',
			entry,
			{ ...docExample('text_notice', variant), card_type: 'markdown' },
			'card_type',
			CARD_TYPE_ERRCODE.errcode,
		);
		const others = (['button_interaction', 'vote_interaction', 'multiple_interaction'] as const).filter(
			(type) => !cardTypes.includes(type),
		);
		for (const cardType of others) {
			add(
				'card types',
				`a ${cardType} card`,
				{ cardType, variant, doc },
				without(docExample(cardType, 'send'), 'task_id'),
				'card_type',
				null,
			);
		}
	}
	const allBlocks = [...new Set(BLOCK_TABLES.flatMap((table) => table.blocks))];
	for (const table of BLOCK_TABLES) {
		for (const block of allBlocks.filter((name) => !table.blocks.includes(name))) {
			add(
				'blocks per card type',
				`${block} (no row in the table)`,
				table,
				changed(table.cardType, table.variant, (c) => (c[block] = blockValue(block))),
				block,
				null,
			);
		}
	}
	for (const entry of NESTED_FIELDS.filter((field) => !field.allowed)) {
		add(
			'fields per card type',
			entry.path,
			entry,
			changed(entry.cardType, entry.variant, (c) => setPath(c, entry.path, entry.value)),
			entry.path,
			null,
		);
	}
	for (const entry of VARIANT_EXCLUSIONS) {
		add(
			'fields per card type',
			`${entry.path} (no row in the table)`,
			entry,
			changed(entry.cardType, entry.variant, (c) => setPath(c, entry.path, entry.value)),
			entry.path,
			null,
		);
	}
	for (const entry of REQUIRED_FIELDS) {
		const removed = [entry.path, ...(entry.alsoRemove ?? [])];
		add(
			'required fields',
			`without ${removed.join(' and ')}`,
			entry,
			without(docExample(entry.cardType, entry.variant), ...removed),
			entry.reportedAt ?? entry.path,
			entry.errcode,
		);
	}
	for (const entry of CONDITIONALS) {
		const card = changed(entry.cardType, entry.variant, (c) => {
			mergeAt(c, entry.block, entry.set);
			if (getPath(c, `${entry.block}.${entry.missing}`) !== undefined) deletePath(c, `${entry.block}.${entry.missing}`);
		});
		add(
			'conditional fields',
			`${entry.block} with ${JSON.stringify(entry.set)} but no ${entry.missing}`,
			entry,
			card,
			`${entry.block}.${entry.missing}`,
			entry.errcode,
		);
	}
	for (const entry of LIST_SIZES) {
		const sizes = entry.min > 0 ? [entry.max + 1, entry.min - 1] : [entry.max + 1];
		for (const size of sizes) {
			add(
				'list sizes',
				`${entry.path} with ${size}`,
				entry,
				changed(entry.cardType, entry.variant, (c) => setPath(c, entry.path, listOf(size, entry.item))),
				entry.path,
				entry.errcode,
			);
		}
	}
	for (const entry of BYTE_LIMITS) {
		add(
			'byte limits',
			`${entry.path} of ${entry.maxBytes + 1} bytes`,
			entry,
			changed(entry.cardType, entry.variant, (c) =>
				setPath(c, entry.path, valueOfBytes(entry.path, entry.maxBytes + 1, entry.ascii)),
			),
			entry.path,
			entry.errcode,
		);
	}
	for (const entry of URL_FIELDS) {
		for (const url of ['work.weixin.qq.com', 'ftp://work.weixin.qq.com/a']) {
			add(
				'URL scheme',
				`${entry.path} "${url}"`,
				entry,
				changed(entry.cardType, entry.variant, (c) => setPath(c, entry.path, url)),
				entry.path,
				URL_SCHEME_ERRCODE,
			);
		}
	}
	for (const taskId of TASK_ID_CHARSET.refused) {
		const entry = { cardType: 'button_interaction', variant: 'send', doc: TASK_ID_CHARSET.doc } as const;
		add(
			'task_id characters',
			`task_id "${taskId}"`,
			entry,
			changed(entry.cardType, entry.variant, (c) => (c.task_id = taskId)),
			TASK_ID_CHARSET.path,
			TASK_ID_CHARSET.errcode,
		);
	}
	for (const entry of ENUM_FIELDS) {
		add(
			'listed values',
			`${entry.path} = ${entry.invalid.value}`,
			entry,
			changed(entry.cardType, entry.variant, (c) => setPath(c, entry.path, entry.invalid.value)),
			entry.path,
			entry.invalid.errcode,
		);
	}
	for (const ratio of ASPECT_RATIO.refused) {
		add(
			'card_image.aspect_ratio',
			`aspect_ratio ${ratio}`,
			ASPECT_RATIO,
			changed(ASPECT_RATIO.cardType, ASPECT_RATIO.variant, (c) => setPath(c, ASPECT_RATIO.path, ratio)),
			ASPECT_RATIO.path,
			ASPECT_RATIO.errcode,
		);
	}
	for (const entry of UNIQUE_FIELDS) {
		add(
			'unique values (不可重复)',
			`${entry.path} equal to ${entry.sameAs}`,
			entry,
			changed(entry.cardType, entry.variant, (c) => setPath(c, entry.path, getPath(c, entry.sameAs))),
			entry.path,
			entry.errcode,
		);
	}
	return cases;
}
