/**
 * The per-execution parameter cache is keyed by name and fallback. Fallbacks whose text is the
 * same but whose type or value differ (1, '1', true, 'true', null, NaN, [], {}) are different
 * reads: a missing parameter answers with its fallback, so each must get its own.
 */
import { nodeParameter, type ParameterReader } from '../../nodes/WeCom/TemplateCard/helpers/parameters';

/** A parameter that is not set: n8n answers with the fallback. */
function unsetReader(): ParameterReader {
	return {
		getNodeParameter: ((_name: string, _itemIndex: number, fallback?: unknown) =>
			fallback) as ParameterReader['getNodeParameter'],
	};
}

describe('parameter read keys', () => {
	const fallbacks: unknown[] = [1, '1', true, 'true', null, 'null', NaN, 'NaN', [], {}, '[]', '{}', 0, '0', false, ''];

	it('answers every fallback with itself, whatever was read before in the execution', () => {
		const reader = unsetReader();
		for (const round of [0, 1]) {
			for (const fallback of fallbacks) {
				expect({ round, fallback, read: nodeParameter(reader, 'unset', round, fallback) }).toEqual({
					round,
					fallback,
					read: fallback,
				});
			}
		}
	});
});
