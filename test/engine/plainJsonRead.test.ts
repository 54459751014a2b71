/**
 * The `={{ $json.a.b }}` fast path (nodes/WeCom/TemplateCard/helpers/plainJsonRead.ts) returns
 * exactly what n8n's evaluator returns: a probe node in n8n's real engine reads every expression of
 * a corpus for every item of a corpus both ways (our reader, then n8n's getNodeParameter) and the
 * two answers, values or errors, must be the same, with the items given directly and as pinned data.
 * The corpus holds the cases where a shortcut could differ: missing keys, null, objects, arrays and
 * their holes, numbers at their edges, inherited and prototype keys, getters, Dates, strings that
 * look like expressions. That the fast path is taken at all is counted, so this cannot pass by
 * always asking n8n. With WECOM_EXPRESSION_ENGINE=vm (on Node 24: test/e2e/plainJsonReadVm.e2e.ts)
 * n8n answers from its isolate, as n8n 2.x does by default.
 */
import type {
	FieldType,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ResourceMapperField,
	ResourceMapperValue,
} from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import { nodeParameter } from '../../nodes/WeCom/TemplateCard/helpers/parameters';
import { createEngineHarness } from '../harness';
import { startVmExpressionEngine } from '../harness/expressionEngine';

const ENGINE = process.env.WECOM_EXPRESSION_ENGINE === 'vm' ? 'vm' : 'legacy';

const EXPRESSIONS = [
	'={{ $json.s }}',
	'={{$json.s}}',
	'={{   $json.s   }}',
	'={{ $json.n }}',
	'={{ $json.b }}',
	'={{ $json.f }}',
	'={{ $json.zero }}',
	'={{ $json.negativeZero }}',
	'={{ $json.notANumber }}',
	'={{ $json.infinite }}',
	'={{ $json.huge }}',
	'={{ $json.fraction }}',
	'={{ $json.empty }}',
	'={{ $json.expressionLike }}',
	'={{ $json.unicode }}',
	'={{ $json.nothing }}',
	'={{ $json.missing }}',
	'={{ $json.object }}',
	'={{ $json.a.b.c }}',
	'={{ $json["a b"] }}',
	"={{ $json['a b'] }}",
	'={{ $json.list[0] }}',
	'={{ $json.list[1].name }}',
	'={{ $json.list[9] }}',
	'={{ $json.list.length }}',
	'={{ $json.s.length }}',
	'={{ $json.constructor }}',
	'={{ $json.__proto__ }}',
	'={{ $json.toString }}',
	'={{ $json.constructorId }}',
	'={{ $json["a.constructor"] }}',
	'={{ $json.prototype }}',
	'={{ $json.when }}',
	'={{ $json.computed }}',
	// Hostile texts: legacy octal indexes, braces and line breaks inside a quoted key, odd whitespace.
	'={{ $json.long[010] }}',
	'={{ $json.long[08] }}',
	'={{ $json["a}}b"] }}',
	'={{ $json["{{"] }}',
	'={{ $json["a\nb"] }}',
	'={{ $json["a\u2028b"] }}',
	'={{\n$json.s\n}}',
	'={{\u00a0$json.s\u00a0}}',
	'={{\ufeff$json.s }}',
	'={{ $json.caller }}',
	"={{ $json['a\"b'] }}",
	// Not plain reads: n8n answers these whatever the fast path does.
	'={{ $json.s }} ',
	'=Deploy {{ $json.s }}',
	'={{ $json.s }}{{ $json.n }}',
	'={{ $json.s.toUpperCase() }}',
];

/**
 * Key/value rows as the form stores them: n8n resolves each expression of a collection on its own,
 * so every expression of the corpus is read inside one too (named by its expression), beside fixed
 * text, and rows that mix a plain read with an expression that is not one.
 */
const COLLECTIONS: Record<string, { rows: Array<Record<string, string>> }> = {
	...Object.fromEntries(
		EXPRESSIONS.map((expression) => [
			`in rows: ${expression}`,
			{
				rows: [
					{ key: 'fixed', value: expression },
					{ key: '{{ $json.s }}', value: 'fixed' },
				],
			},
		]),
	),
	'in rows: two reads': { rows: [{ key: '={{ $json.s }}', value: '={{ $json.n }}' }] },
	'in rows: a read beside a template': { rows: [{ key: '={{ $json.s }}', value: '=Deploy {{ $json.s }}' }] },
};

/**
 * Resource mappers read by their value, as Submit Approval reads 'formFields.value': after resolving
 * it, n8n converts each column to the type of the mapper's schema (a number from text, a Luxon
 * DateTime from a date) and refuses what does not fit (an option not listed), so its answer is not
 * the tree with the reads in place. One mapper reads the item; the other is fixed, read once per
 * execution and kept for the next items: a DateTime kept must stay one.
 */
const column = (id: string, type: FieldType, options?: ResourceMapperField['options']): ResourceMapperField => ({
	id,
	displayName: id,
	type,
	options,
	required: false,
	defaultMatch: false,
	display: true,
});
const RESOURCE_MAPPERS: Record<string, ResourceMapperValue> = {
	mapperReads: {
		mappingMode: 'defineBelow',
		value: { amount: '={{ $json.n }}', day: '={{ $json.when }}', choice: '={{ $json.s }}', text: '={{ $json.s }}' },
		matchingColumns: [],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
		schema: [
			column('amount', 'number'),
			column('day', 'dateTime'),
			column('choice', 'options', [{ name: 'Plain', value: 'plain' }]),
			column('text', 'string'),
		],
	},
	mapperFixed: {
		mappingMode: 'defineBelow',
		value: { amount: '12.5', day: '2026-12-05' },
		matchingColumns: [],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
		schema: [column('amount', 'number'), column('day', 'dateTime')],
	},
};

function withGetter(): Record<string, unknown> {
	const json: Record<string, unknown> = { s: 'plain' };
	Object.defineProperty(json, 'computed', { enumerable: true, get: () => 'from a getter' });
	return json;
}

/** Items as a webhook, a Code node or a database would hand them over. */
function corpus(): INodeExecutionData[] {
	const inherited = Object.create({ b: { c: 'inherited' } }) as Record<string, unknown>;
	const holed: unknown[] = [];
	holed[1] = 'after a hole';
	return [
		{
			json: {
				s: 'plain',
				n: 42,
				b: true,
				f: false,
				zero: 0,
				negativeZero: -0,
				notANumber: Number.NaN,
				infinite: Number.POSITIVE_INFINITY,
				huge: 1e21,
				fraction: 0.1 + 0.2,
				empty: '',
				expressionLike: '={{ 1 + 1 }}',
				unicode: '部署完成 ✅',
				nothing: null,
				object: { k: 1 },
				a: { b: { c: 'deep' } },
				'a b': 'spaced',
				list: ['x', { name: 'first' }, 3],
				when: '2026-12-05T10:00:00.000Z',
				constructorId: 'looks safe',
				'a.constructor': 'in a key',
				prototype: 'a name n8n refuses',
			},
		},
		{ json: { s: 'other', n: -7.5, b: false, a: { b: null }, list: [], 'a b': 7 } },
		{ json: { s: 123, n: '42', a: 'not an object', list: 'not an array', object: [1, 2] } },
		{ json: {} },
		{ json: { s: ['array', 'value'], a: inherited, list: holed, when: new Date(0) } },
		{ json: withGetter() },
		{ json: JSON.parse('{"__proto__": "own proto key", "constructor": "own constructor", "toString": "own"}') },
		{ json: { s: { nested: 'object' }, a: { b: { c: 0 } }, list: [false, { name: 12 }] } },
		{
			json: {
				long: Array.from({ length: 12 }, (_, index) => `at ${index}`),
				'a}}b': 'braces',
				'{{': 'open',
				'a\nb': 'newline',
				'a\u2028b': 'line separator',
				caller: 'caller',
				'a"b': 'quote',
			},
		},
	];
}

type Outcome = { value: unknown } | { error: string };

interface Reading {
	expression: string;
	itemIndex: number;
	ours: Outcome;
	n8n: Outcome;
	/** How many times our reader asked n8n for this value. */
	askedN8n: number;
}

function outcomeOf(read: () => unknown): Outcome {
	try {
		return { value: read() };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

const readings: Reading[] = [];

class PlainJsonProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Plain JSON Probe',
		name: 'plainJsonProbe',
		group: ['transform'],
		version: 1,
		description: 'Reads each parameter with our reader and with n8n',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			...EXPRESSIONS.map((_, index) => ({
				displayName: `Parameter ${index}`,
				name: `p${index}`,
				type: 'string' as const,
				default: '',
			})),
			...Object.keys(COLLECTIONS).map((name) => ({
				displayName: name,
				name,
				type: 'fixedCollection' as const,
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						displayName: 'Rows',
						name: 'rows',
						values: [
							{ displayName: 'Key', name: 'key', type: 'string' as const, default: '' },
							{ displayName: 'Value', name: 'value', type: 'string' as const, default: '' },
						],
					},
				],
			})),
			...Object.keys(RESOURCE_MAPPERS).map((name) => ({
				displayName: name,
				name,
				type: 'resourceMapper' as const,
				default: { mappingMode: 'defineBelow', value: null },
				typeOptions: { resourceMapper: { resourceMapperMethod: 'none', mode: 'add' as const } },
			})),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		let asked = 0;
		const counted = {
			getNodeParameter: ((...args: Parameters<IExecuteFunctions['getNodeParameter']>) => {
				asked++;
				return this.getNodeParameter(...args);
			}) as IExecuteFunctions['getNodeParameter'],
			getInputData: this.getInputData.bind(this),
		};
		const named = [
			...EXPRESSIONS.map((expression, index) => [`p${index}`, expression] as const),
			...Object.keys(COLLECTIONS).map((name) => [name, name] as const),
			...Object.keys(RESOURCE_MAPPERS).map((name) => [`${name}.value`, `${name}.value`] as const),
		];
		named.forEach(([name, expression]) => {
			for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
				asked = 0;
				const ours = outcomeOf(() => nodeParameter(counted, name, itemIndex));
				const askedN8n = asked;
				const n8n = outcomeOf(() => this.getNodeParameter(name, itemIndex));
				readings.push({ expression, itemIndex, ours, n8n, askedN8n });
			}
		});
		return [items];
	}
}

const PROBE = 'n8n-nodes-wecom-card-test.plainJsonProbe';
const SOURCE = 'n8n-nodes-wecom-card-test.passThrough';

class PassThrough implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pass Through',
		name: 'passThrough',
		group: ['transform'],
		version: 1,
		description: 'Hands its input on',
		defaults: { name: 'Source' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

const parameters = {
	...Object.fromEntries(EXPRESSIONS.map((expression, index) => [`p${index}`, expression])),
	...COLLECTIONS,
	...RESOURCE_MAPPERS,
};

describe(`the plain $json read returns what n8n's ${ENGINE} expression engine returns`, () => {
	const harness = createEngineHarness({ nodeTypes: { [PROBE]: new PlainJsonProbe(), [SOURCE]: new PassThrough() } });

	beforeAll(async () => {
		if (ENGINE === 'vm') await startVmExpressionEngine();
		// What n8n's evaluator reads to pick the engine (a private static of n8n-workflow's Expression).
		expect((Expression as unknown as { expressionEngine: string }).expressionEngine).toBe(ENGINE);
	});

	beforeEach(() => {
		readings.length = 0;
	});

	function expectSameAnswers(): void {
		const parameterCount = EXPRESSIONS.length + Object.keys(COLLECTIONS).length + Object.keys(RESOURCE_MAPPERS).length;
		expect(readings).toHaveLength(parameterCount * corpus().length);
		for (const reading of readings) {
			expect({ expression: reading.expression, item: reading.itemIndex, answer: reading.ours }).toStrictEqual({
				expression: reading.expression,
				item: reading.itemIndex,
				answer: reading.n8n,
			});
		}
	}

	/**
	 * Items our reader answered without asking n8n beyond its one raw read of the parameter (the
	 * first item's read of each parameter; later items ask nothing).
	 */
	function answeredDirectly(expression: string): number[] {
		return readings
			.filter((reading) => reading.expression === expression && reading.askedN8n === (reading.itemIndex === 0 ? 1 : 0))
			.map((reading) => reading.itemIndex);
	}

	it('for items handed over by the node before it', async () => {
		const run = await harness.runWorkflow({
			nodes: [
				{ type: SOURCE, name: 'Source' },
				{ type: PROBE, name: 'Probe', parameters },
			],
			connections: { Source: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
			items: corpus(),
		});
		expect(run.status).toBe('success');
		expectSameAnswers();

		// Strings, numbers and booleans found through own keys: the fast path, not n8n.
		expect(answeredDirectly('={{ $json.s }}')).toEqual([0, 1, 2, 5]);
		expect(answeredDirectly('={{ $json.n }}')).toEqual([0, 1, 2]);
		expect(answeredDirectly('={{ $json.a.b.c }}')).toEqual([0, 7]);
		expect(answeredDirectly('={{ $json.list[1].name }}')).toEqual([0, 7]);
		expect(answeredDirectly('={{ $json["a b"] }}')).toEqual([0, 1]);
		// The rest was asked of n8n.
		for (const expression of ['={{ $json.nothing }}', '={{ $json.object }}', '={{ $json.computed }}']) {
			expect(answeredDirectly(expression)).toEqual([]);
		}
		expect(answeredDirectly('=Deploy {{ $json.s }}')).toEqual([]);
		// In key/value rows: directly when every expression there is a plain read n8n would answer.
		expect(answeredDirectly('in rows: ={{ $json.s }}')).toEqual([0, 1, 2, 5]);
		expect(answeredDirectly('in rows: ={{ $json.a.b.c }}')).toEqual([0, 7]);
		expect(answeredDirectly('in rows: two reads')).toEqual([0, 1, 2]);
		expect(answeredDirectly('in rows: ={{ $json.object }}')).toEqual([]);
		expect(answeredDirectly('in rows: a read beside a template')).toEqual([]);
		expect(answeredDirectly('mapperReads.value')).toEqual([]);
	});

	it('for pinned data', async () => {
		const run = await harness.runWorkflow({
			nodes: [
				{ type: SOURCE, name: 'Source' },
				{ type: PROBE, name: 'Probe', parameters },
			],
			connections: { Source: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
			// Pinned data is stored as JSON: what survives JSON.stringify is what a pinned item holds.
			pinData: { Source: corpus().map(({ json }) => ({ json: JSON.parse(JSON.stringify(json)) as typeof json })) },
			items: [{ json: { s: 'not pinned' } }],
		});
		expect(run.status).toBe('success');
		expectSameAnswers();
		expect(answeredDirectly('={{ $json.s }}')).toEqual([0, 1, 2, 5]);
	});
});
