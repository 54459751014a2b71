import type { IExecuteFunctions, IWebhookFunctions, IWorkflowExecutionCustomData } from 'n8n-workflow';

/**
 * Where the package's nodes must differ between the n8n versions it is tested on (1.123.x and
 * 2.41.x; the test harness's differences are in scripts/n8n/versions.ts).
 *
 * The execution's custom data (saved with the execution, so a resume webhook reads what the send
 * stored): n8n 2.x gives node contexts a `customData` property. n8n 1.x has none (reading `.set`
 * of it failed the Send and Wait node); it serves the same store as `$execution.customData`: in
 * an execution through the workflow data proxy, in a webhook only to expressions (which return
 * values, not the store's functions).
 */
function hasCustomData(ctx: object): boolean {
	return 'customData' in ctx && Boolean((ctx as { customData?: unknown }).customData);
}

export function executionCustomData(ctx: IExecuteFunctions): IWorkflowExecutionCustomData {
	if (hasCustomData(ctx)) return ctx.customData;
	return ctx.getWorkflowDataProxy(0).$execution.customData as IWorkflowExecutionCustomData;
}

/** `key` must be letters, digits and underscores (it is written into an expression on 1.x). */
export function readExecutionCustomData(ctx: IWebhookFunctions, key: string): string | undefined {
	if (!/^\w+$/.test(key)) throw new Error(`custom data key ${key} is not letters, digits and underscores`);
	if (hasCustomData(ctx)) return ctx.customData.get(key);
	const value = ctx.evaluateExpression(`{{ $execution.customData.get('${key}') }}`, 0);
	return typeof value === 'string' && value !== '' ? value : undefined;
}
