/**
 * The card check's own zod types (CheckedValue, Prechecked in schemaBuilders) report exactly what
 * zod's refinements did before them: the same ok and card, the same issues (paths, messages,
 * errcodes) in the same order, fatal ones stopping what they stopped. The reference is the old
 * builders (./refinedSchemaBuilders) put in place of the module, so the whole card schema is
 * built twice, over valid cards of every type and variant with one or several fields spoiled.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

import * as current from '../../nodes/WeCom/shared/card/schemaBuilders';
import { checkTemplateCard, type CardType, type CardVariant } from '../../nodes/WeCom/shared/card';
import { validCard, type Card } from './cardFixtures';
import * as reference from './refinedSchemaBuilders';

const BUILDERS_PATH = '../../nodes/WeCom/shared/card/schemaBuilders';

let referenceCheck: typeof checkTemplateCard;
beforeAll(async () => {
	await jest.isolateModulesAsync(async () => {
		jest.doMock(BUILDERS_PATH, () => reference);
		({ checkTemplateCard: referenceCheck } = await import('../../nodes/WeCom/shared/card'));
	});
	expect(referenceCheck).not.toBe(checkTemplateCard);
});

const TYPES: CardType[] = [
	'text_notice',
	'news_notice',
	'button_interaction',
	'vote_interaction',
	'multiple_interaction',
];
const VARIANTS: CardVariant[] = ['send', 'update', 'robot'];

/** A small seeded generator, so a failure names a card that can be built again. */
function generator(seed: number) {
	let state = seed;
	const next = () => {
		state = (state * 1103515245 + 12345) & 0x7fffffff;
		return state / 0x7fffffff;
	};
	return { next, pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] };
}

const clone = <T>(value: T): T => {
	const text = JSON.stringify(value);
	return text === undefined ? value : (JSON.parse(text) as T);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Values a field may be spoiled with; some build on what was there. */
const SPOILERS: Array<(was: unknown) => unknown> = [
	() => undefined,
	() => null,
	() => true,
	() => 0,
	() => 1,
	() => 2,
	() => 4,
	() => 1.5,
	() => 1.29,
	() => NaN,
	() => Infinity,
	() => '',
	() => 'x',
	() => 'a'.repeat(1100),
	() => '中'.repeat(400),
	() => 'javascript:alert(1)',
	() => 'ftp://' + 'a'.repeat(1100),
	() => 'bad id!',
	() => [],
	() => [null],
	() => ({}),
	() => ({ unknown: 1 }),
	() => JSON.parse('{"__proto__":{"x":1},"title":"t"}') as unknown,
	() => Object.create(null) as unknown,
	() => new Date(0),
	() => [, 1], // eslint-disable-line no-sparse-arrays
	(was) => (Array.isArray(was) ? Array.from({ length: 25 }, (_, i) => clone(was[i % Math.max(was.length, 1)])) : was),
	(was) => (Array.isArray(was) ? [...was, ...clone(was)] : was),
	(was) => (Array.isArray(was) ? [...was, 'x', null] : was),
	(was) => (isObject(was) ? { ...was, unknown_key: 1 } : was),
	(was) => (isObject(was) ? Object.assign(JSON.parse('{"__proto__":{"a":1}}') as object, was) : was),
	(was) => (isObject(was) ? {} : was),
	(was) => (typeof was === 'string' ? was.repeat(40) : was),
];

type Path = Array<string | number>;

function pathsOf(value: unknown, at: Path = [], found: Path[] = []): Path[] {
	if (at.length) found.push(at);
	if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...at, index], found));
	else if (isObject(value)) for (const key of Object.keys(value)) pathsOf(value[key], [...at, key], found);
	return found;
}

function valueAt(card: unknown, path: Path): unknown {
	let value = card;
	for (const key of path) value = (value as Record<string | number, unknown> | null | undefined)?.[key];
	return value;
}

function spoil(card: Card, path: Path, spoiler: (was: unknown) => unknown): void {
	const holder = valueAt(card, path.slice(0, -1));
	if (typeof holder !== 'object' || holder === null) return;
	const key = path[path.length - 1];
	const value = spoiler(clone(valueAt(card, path)));
	if (value === undefined && !Array.isArray(holder)) delete (holder as Record<string | number, unknown>)[key];
	else (holder as Record<string | number, unknown>)[key] = value;
}

/** Every block any card type takes, on one card: most of them are not allowed there. */
function crowdedCard(cardType: CardType, variant: CardVariant): Card {
	const card: Card = {};
	for (const type of TYPES) for (const from of VARIANTS) Object.assign(card, validCard(type, from));
	return { ...card, ...validCard(cardType, variant), card_type: cardType, replace_text: 'r', task_id: 'task_id' };
}

const BASES: Array<[Card, CardVariant]> = TYPES.flatMap((type) =>
	VARIANTS.flatMap(
		(variant): Array<[Card, CardVariant]> => [
			[validCard(type, variant), variant],
			[crowdedCard(type, variant), variant],
		],
	),
);

function differences(cards: Iterable<[Card, CardVariant]>) {
	let checked = 0;
	const found: unknown[] = [];
	for (const [card, variant] of cards) {
		checked++;
		const expected = referenceCheck(card, variant);
		const actual = checkTemplateCard(card, variant);
		if (!isDeepStrictEqual(actual, expected) && found.length < 3) found.push({ card, variant, expected, actual });
	}
	return { checked, found };
}

describe('the card check reports what the refinement-based builders reported', () => {
	it('on every field of every base card spoiled once', () => {
		function* cards(): Generator<[Card, CardVariant]> {
			let turn = 0;
			for (const [base, variant] of BASES) {
				yield [base, variant];
				for (const path of pathsOf(base)) {
					const card = clone(base);
					spoil(card, path, SPOILERS[turn++ % SPOILERS.length]);
					yield [card, variant];
				}
			}
		}
		const { checked, found } = differences(cards());
		expect(found).toEqual([]);
		expect(checked).toBeGreaterThan(1500);
	});

	it('on cards with up to five fields spoiled, checked for any variant', () => {
		const random = generator(26);
		function* cards(): Generator<[Card, CardVariant]> {
			for (let count = 0; count < 800; count++) {
				const card = clone(random.pick(BASES)[0]);
				for (let spoiled = Math.floor(random.next() * 5); spoiled >= 0; spoiled--) {
					const paths = pathsOf(card);
					if (paths.length) spoil(card, random.pick(paths), random.pick(SPOILERS));
				}
				yield [card, random.pick(VARIANTS)];
			}
		}
		const { found } = differences(cards());
		expect(found).toEqual([]);
	});
});

describe('each builder reports what its refinement did', () => {
	const LABELS = { 0: 'none', 1: 'link' };
	const TASK_ID = { pattern: /^[A-Za-z0-9_@-]{1,128}$/, errcode: 40089, message: 'task_id characters' };
	const pairs = (builders: typeof current) => ({
		text: builders.text(),
		shortText: builders.text({ maxBytes: 4, errcode: 40001 }),
		freeText: builders.freeText(),
		taskId: builders.text({ errcode: 40089, format: TASK_ID }),
		shortTaskId: builders.text({ errcode: 40089, maxBytes: 3, format: TASK_ID }),
		url: builders.url(40002),
		choice: builders.choice([0, 1, 2]),
		labelled: builders.choice([0, 1], { errcode: 40003, labels: LABELS }),
		flag: builders.flag(40004),
		number: builders.finiteNumber(),
		between: builders.numberBetween(1.3, 2.25, 'between 1.3 and 2.25'),
		forbidden: builders.forbidden('not here'),
		block: builders.block({ title: builders.text().optional(), flag: builders.flag() }, 40005),
		list: builders.list(builders.text({ maxBytes: 4 }), { min: 1, max: 3, noun: 'texts', errcode: 40006 }),
		blocks: builders
			.list(builders.block({ id: builders.text(), on: builders.flag().optional() }), { min: 0, max: 2, noun: 'ids' })
			.optional(),
	});
	const VALUES: unknown[] = [
		...SPOILERS.map((spoiler) => spoiler(undefined)),
		...SPOILERS.map((spoiler) => spoiler(['abc', 'toolong', 'x', 'y'])),
		...SPOILERS.map((spoiler) => spoiler({ title: 'abc', flag: true })),
		'https://x',
		'HTTP://x',
		'task_1',
		'task_123',
		false,
		2.25,
		1.3,
		-0,
		{ title: 'abc', flag: true },
		{ flag: 'no' },
		[{ id: 'a' }, { id: 1 }, { id: 'b', on: 'yes' }],
		[{ id: '' }, null],
		['ab', 'abcdef', 7],
	];

	it('alone and two side by side in a block, in the same order', () => {
		const now = pairs(current);
		const then = pairs(reference as unknown as typeof current);
		const names = Object.keys(now) as Array<keyof typeof now>;
		const random = generator(2026);
		let compared = 0;
		for (const name of names) {
			for (const value of VALUES) {
				expect([name, now[name].safeParse(value)]).toEqual([name, then[name].safeParse(value)]);
				const other = random.pick(names);
				const otherValue = random.pick(VALUES);
				const pair = (set: typeof now) => z.object({ a: set[name], b: set[other] }).strict();
				const input = { a: value, b: otherValue, ...(random.next() < 0.2 && { c: 1 }) };
				expect([name, other, pair(now).safeParse(input)]).toEqual([name, other, pair(then).safeParse(input)]);
				compared += 2;
			}
		}
		expect(compared).toBeGreaterThan(1000);
	});
});
