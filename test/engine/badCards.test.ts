/**
 * Bad input through the engine: hundreds of invalid cards, each a valid card with exactly one
 * rule broken, sent and updated from JSON and from the form. Every item must fail with the field
 * path of its rule, and no card may reach WeCom. Sent straight to the sandbox, the same cards get
 * the errcode of that rule: node and sandbox enforce one schema.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { formatCardIssue, type CardVariant } from '../../nodes/WeCom/shared/card';
import { startSandbox, type Sandbox } from '../../sandbox';
import { registerSecret } from '../harness';
import { buildBadCards, CARD_COMBINATIONS, nodeRejects } from './badCardCorpus';
import { startBadCardEngine, type BadCardEngine } from './badCardEngine';
import { BAD_FORMS, formCardIssues, VALID_FORMS, type BadForm } from './badCardForms';
import { directSender } from './sandboxDirect';

const VARIANTS = ['send', 'update', 'robot'] as const;
const JSON_INPUT: INodeParameters = { cardInput: 'json', cardJson: '={{ $json.card }}' };

const CORPUS = buildBadCards();
/** The cards the node must reject, by operation. */
const NODE_CARDS = Object.fromEntries(
	VARIANTS.map((variant) => [variant, CORPUS.filter((badCard) => badCard.variant === variant && nodeRejects(badCard))]),
) as Record<CardVariant, typeof CORPUS>;
const REPAIRED_BY_NODE = CORPUS.filter((badCard) => !nodeRejects(badCard));
const cardTypesOf = (variant: CardVariant) => CARD_COMBINATIONS.filter((each) => each.variant === variant).length;
const nodeCardCount = () => VARIANTS.reduce((total, variant) => total + NODE_CARDS[variant].length, BAD_FORMS.length);

interface Expected {
	name: string;
	path: string;
	message: string;
}

/** Over every node run of this file: items checked, failed before a request, naming their path. */
const tally = { generated: 0, rejected: 0, pathsNamed: 0 };

/**
 * Whether the error names the field: `Invalid card: <path>: ` for JSON, and for the form the
 * form's label before the path, `Invalid card: <label> (<path>): ` (the labels themselves are
 * checked in cardFormErrors.test.ts).
 */
function namesField(error: string, path: string, fromForm: boolean): boolean {
	if (!fromForm) return error.startsWith(`Invalid card: ${path}: `);
	const [label, rule] = error.replace(/^Invalid card: /, '').split(` (${path}): `);
	return error.startsWith('Invalid card: ') && rule !== undefined && label !== '' && !label.startsWith('template_card');
}

/** Counts the items, and answers those that did not fail naming their field and rule. */
function wrongRejections(items: INodeExecutionData[], expected: Expected[], fromForm = false) {
	const wrong: Array<{ name: string; path: string; error: unknown }> = [];
	expected.forEach(({ name, path, message }, index) => {
		const json = items[index]?.json ?? {};
		const error = String(json.error ?? '');
		tally.generated++;
		if (error.startsWith('Invalid card: ') && json.msgid === undefined) tally.rejected++;
		const pathNamed = namesField(error, path, fromForm);
		if (pathNamed) tally.pathsNamed++;
		if (!pathNamed || !error.includes(message)) wrong.push({ name, path, error: json.error });
	});
	return wrong;
}

/** The issues of a form's card if it is not exactly the one expected, checked without the engine. */
function unexpectedIssues({ form, operation, path, message }: BadForm): string[] | undefined {
	const issues = formCardIssues(form, operation);
	const expected = issues.length === 1 && issues[0].startsWith(`${path}: `) && issues[0].includes(message);
	return expected ? undefined : issues;
}

describe('bad cards through the engine', () => {
	let engine: BadCardEngine;

	beforeAll(async () => {
		engine = await startBadCardEngine();
	});

	afterAll(async () => {
		await engine.close();
	});

	it('has at least 200 bad cards for the node, of every card type and operation', () => {
		expect(nodeCardCount()).toBeGreaterThanOrEqual(200);
		for (const variant of VARIANTS) {
			const formTypes = BAD_FORMS.filter((form) => form.operation === variant).map((form) => form.cardType);
			expect(new Set(NODE_CARDS[variant].map((badCard) => badCard.cardType)).size).toBe(cardTypesOf(variant));
			expect(new Set(formTypes).size).toBe(cardTypesOf(variant));
		}
	});

	it.each(VARIANTS)('rejects every JSON card of a %s with its field path', async (variant) => {
		const cards = NODE_CARDS[variant];
		const items = cards.map((badCard) => ({ json: { card: badCard.card } }));

		const run = await engine.run(variant, JSON_INPUT, items);

		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(cards.length);
		expect(wrongRejections(run.items, cards)).toEqual([]);
		// One issue each, so the description lists exactly that one.
		const descriptions = run.items.map((item) => item.json.errorDescription);
		expect(descriptions).toEqual(cards.map((badCard) => formatCardIssue(badCard)));
	});

	it('starts every form case from a valid form and breaks exactly one rule', () => {
		const validFormIssues = CARD_COMBINATIONS.map(({ cardType, variant }) => ({
			form: `${cardType}/${variant}`,
			issues: formCardIssues(VALID_FORMS[cardType], variant),
		}));
		expect(validFormIssues.filter(({ issues }) => issues.length > 0)).toEqual([]);
		const wrong = BAD_FORMS.map((badForm) => ({ name: badForm.name, issues: unexpectedIssues(badForm) }));
		expect(wrong.filter(({ issues }) => issues)).toEqual([]);
	});

	it('rejects every form card with its form label and field path', async () => {
		// Form parameters are the node's, not the item's: one run per form.
		const wrong: ReturnType<typeof wrongRejections> = [];
		for (const badForm of BAD_FORMS) {
			const run = await engine.run(badForm.operation, { cardInput: 'form', ...badForm.form }, [{ json: {} }]);
			wrong.push(...wrongRejections(run.items, [badForm], true));
		}
		expect(wrong).toEqual([]);
	});

	it('lets no bad card reach WeCom', () => {
		const { calls, gettoken } = engine.sandbox.stats();
		const requests = Object.entries(calls).filter(([path]) => path !== '/cgi-bin/gettoken');
		const reached = requests.reduce((total, [, count]) => total + count, 0);

		console.log(
			`bad cards: ${tally.generated} generated, ${tally.rejected} rejected before any request, ` +
				`${reached} requests reached WeCom, paths named: ${tally.pathsNamed}/${tally.generated}`,
		);
		console.log(
			`gettoken calls: ${gettoken}; left out: ${REPAIRED_BY_NODE.length} send cards whose only fault is a missing ` +
				'task_id, which the node generates (they are sent straight to the sandbox below)',
		);
		expect(tally.generated).toBe(nodeCardCount());
		expect(tally.rejected).toBe(tally.generated);
		expect(tally.pathsNamed).toBe(tally.generated);
		expect(requests).toEqual([]);
		expect(engine.sandbox.messages()).toEqual([]);
		// The card is checked before the first request, so not even a token is fetched.
		expect(gettoken).toBe(0);
	});
});

describe('the same cards sent straight to the sandbox', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimits: { robotPerMinute: 100_000 } });
	});

	afterAll(async () => {
		for (const token of sandbox.issuedTokens()) registerSecret(token);
		await sandbox.close();
	});

	it('are answered with the errcode of the broken rule, robot cards included', async () => {
		const sender = await directSender(sandbox.url);

		const answers = await inBatches(CORPUS, 50, (badCard) => sender.errcodeFor(badCard.card, badCard.variant));

		const wrong = CORPUS.map(({ name, errcode }, index) => ({ name, errcode, answered: answers[index] })).filter(
			({ errcode, answered }) => answered !== errcode,
		);
		console.log(
			`sandbox: ${CORPUS.length} bad cards sent straight to it, ` +
				`${CORPUS.length - wrong.length} answered with their rule's errcode`,
		);
		expect(wrong).toEqual([]);
		// Nothing but the set-up send was accepted.
		expect(sandbox.messages().map((message) => message.action)).toEqual(['send']);
	});
});

async function inBatches<T, R>(list: T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	for (let start = 0; start < list.length; start += size) {
		results.push(...(await Promise.all(list.slice(start, start + size).map(each))));
	}
	return results;
}
