/**
 * nodes/WeCom/shared/n8nVersions.ts: the execution's custom data on n8n 2.x (a context property)
 * and on n8n 1.x (no such property: `$execution.customData` through the data proxy, and in a
 * webhook through an expression). The contexts are shaped as each version's n8n-core builds them.
 */
import type { IExecuteFunctions, IWebhookFunctions, IWorkflowExecutionCustomData } from 'n8n-workflow';

import { executionCustomData, readExecutionCustomData } from '../../nodes/WeCom/shared/n8nVersions';

function store(): IWorkflowExecutionCustomData & { values: Map<string, string> } {
	const values = new Map<string, string>();
	return {
		values,
		set: (key, value) => void values.set(key, value),
		setAll: (all) => Object.entries(all).forEach(([key, value]) => values.set(key, value)),
		get: (key) => values.get(key),
		getAll: () => Object.fromEntries(values),
	};
}

describe('execution custom data across n8n versions', () => {
	it('n8n 2.x: the context property', () => {
		const data = store();
		executionCustomData({ customData: data } as unknown as IExecuteFunctions).set('wecomCard_a1', 'x');
		expect(data.values.get('wecomCard_a1')).toBe('x');
		expect(readExecutionCustomData({ customData: data } as unknown as IWebhookFunctions, 'wecomCard_a1')).toBe('x');
	});

	it('n8n 1.x: $execution.customData through the data proxy, and an expression in the webhook', () => {
		const data = store();
		const execute = { getWorkflowDataProxy: () => ({ $execution: { customData: data } }) };
		executionCustomData(execute as unknown as IExecuteFunctions).set('wecomCard_a1', '{"msgid":"m"}');
		expect(data.values.get('wecomCard_a1')).toBe('{"msgid":"m"}');

		const expressions: string[] = [];
		const webhook = {
			evaluateExpression: (expression: string) => {
				expressions.push(expression);
				return /get\('(\w+)'\)/.exec(expression)?.[1] === 'wecomCard_a1' ? data.get('wecomCard_a1') : '';
			},
		};
		expect(readExecutionCustomData(webhook as unknown as IWebhookFunctions, 'wecomCard_a1')).toBe('{"msgid":"m"}');
		expect(readExecutionCustomData(webhook as unknown as IWebhookFunctions, 'wecomCard_b2')).toBeUndefined();
		expect(expressions[0]).toBe("{{ $execution.customData.get('wecomCard_a1') }}");
		expect(() => readExecutionCustomData(webhook as unknown as IWebhookFunctions, "x') + ('")).toThrow(/letters/);
	});
});
