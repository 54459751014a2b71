/** compact: what a form leaves empty never reaches WeCom; everything else is kept as it was. */
import { compact } from '../../nodes/WeCom/TemplateCard/helpers/compact';

describe('compact', () => {
	it('drops empty strings, undefined, null, empty objects and lists, however deep', () => {
		expect(
			compact({ a: '', b: undefined, c: null, d: {}, e: [], f: { g: [{ h: '' }], i: 'x' }, j: [0, '', false, [[]]] }),
		).toEqual({ f: { i: 'x' }, j: [0, false] });
		expect(compact({ a: { b: '' } })).toBeUndefined();
	});

	it('keeps an own "__proto__" key as data and the result a plain object', () => {
		const input = JSON.parse('{"__proto__": {"polluted": true}, "title": "t"}') as Record<string, unknown>;
		const kept = compact(input)!;
		expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
		expect(Object.keys(kept)).toEqual(['__proto__', 'title']);
		expect((kept as { polluted?: boolean }).polluted).toBeUndefined();
		expect(JSON.stringify(kept)).toBe('{"__proto__":{"polluted":true},"title":"t"}');
	});
});
