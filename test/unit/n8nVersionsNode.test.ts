/**
 * nodes/WeCom/shared/n8nVersions.ts: the execution's custom data on n8n 2.x (a context property)
 * and on n8n 1.x (no such property: `$execution.customData` through the data proxy, and in a
 * webhook the context's additionalKeys). The contexts are shaped as each version's n8n-core builds them.
 */
import type { IExecuteFunctions, IWebhookFunctions, IWorkflowExecutionCustomData } from 'n8n-workflow';

import { executionCustomData, readExecutionCustomData } from '../../nodes/WeCom/shared/n8nVersions';

function store(): IWorkflowExecutionCustomData & { values: Map<string, string> } {
	const values = new Map<string, string>();
	return {
		values,
		set: (key, value) => void values.set(key, value),
		setAll: (all) => Object.entries(all).forEach(([key, value]) => values.set(key, value)),
		get: (key) => values.get(key) ?? '',
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

	it("n8n 1.x: $execution.customData through the data proxy, its context's additionalKeys in a webhook", () => {
		const data = store();
		const execute = { getWorkflowDataProxy: () => ({ $execution: { customData: data } }) };
		executionCustomData(execute as unknown as IExecuteFunctions).set('wecomCard_a1', '{"msgid":"m"}');
		expect(data.values.get('wecomCard_a1')).toBe('{"msgid":"m"}');

		// n8n-core 1.x's webhook context: `additionalKeys`, what its expressions get as `$execution`.
		const webhook = { additionalKeys: { $execution: { customData: data } } };
		expect(readExecutionCustomData(webhook as unknown as IWebhookFunctions, 'wecomCard_a1')).toBe('{"msgid":"m"}');
		expect(readExecutionCustomData(webhook as unknown as IWebhookFunctions, 'wecomCard_b2')).toBeUndefined();
		expect(readExecutionCustomData({} as unknown as IWebhookFunctions, 'wecomCard_a1')).toBeUndefined();
	});
});
