/**
 * A parameter without expressions is read from n8n once per execution and handed to every item;
 * each item gets its own copy, so code that changes what it read cannot change another item's.
 */
import { nodeParameter, type ParameterReader } from '../../nodes/WeCom/TemplateCard/helpers/parameters';

function readerOf(parameters: Record<string, unknown>): ParameterReader & { reads: number } {
	const reader = {
		reads: 0,
		getNodeParameter: ((name: string) => {
			reader.reads++;
			return JSON.parse(JSON.stringify(parameters[name])) as unknown;
		}) as ParameterReader['getNodeParameter'],
	};
	return reader;
}

describe('nodeParameter copies', () => {
	const options = { maxAttempts: 3, headers: { values: [{ name: 'a', value: 'b' }] }, list: [1, [2, { x: null }]] };

	it('gives every item an equal copy of a fixed parameter, read from n8n once', () => {
		const reader = readerOf({ options });
		const first = nodeParameter(reader, 'options', 0) as typeof options;
		const second = nodeParameter(reader, 'options', 1) as typeof options;
		const third = nodeParameter(reader, 'options', 2) as typeof options;
		expect([first, second, third]).toEqual([options, options, options]);
		// Once with raw expressions, once for the value: later items come from the execution's cache.
		expect(reader.reads).toBe(2);
	});

	it('keeps what one item changes, however deep, away from the next', () => {
		const reader = readerOf({ options });
		const first = nodeParameter(reader, 'options', 0) as typeof options;
		first.maxAttempts = 9;
		first.headers.values[0].value = 'changed';
		(first.list[1] as unknown[]).push('added');
		const second = nodeParameter(reader, 'options', 1) as typeof options;
		second.headers.values.pop();
		expect(nodeParameter(reader, 'options', 2)).toEqual(options);
	});
});
