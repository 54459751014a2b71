import type { IExecuteFunctions, IWebhookFunctions, IWorkflowExecutionCustomData } from 'n8n-workflow';

/**
 * Where the package's nodes must differ between the n8n versions it is tested on (1.123.x and
 * 2.41.x; the test harness's differences are in scripts/n8n/versions.ts).
 *
 * The execution's custom data (saved with the execution, so a resume webhook reads what the send
 * stored): n8n 2.x gives node contexts a `customData` property. n8n 1.x has none (reading `.set`
 * of it failed the Send and Wait node); it serves the same store as `$execution.customData`,
 * in an execution through the workflow data proxy.
 */
function hasCustomData(ctx: object): boolean {
	return 'customData' in ctx && Boolean((ctx as { customData?: unknown }).customData);
}

export function executionCustomData(ctx: IExecuteFunctions): IWorkflowExecutionCustomData {
	if (hasCustomData(ctx)) return ctx.customData;
	return ctx.getWorkflowDataProxy(0).$execution.customData as IWorkflowExecutionCustomData;
}

/**
 * In a webhook, n8n 1.x's contexts have no data proxy, and an expression did not return the
 * stored value; the context's `additionalKeys` (what its expressions get as `$execution`, a
 * getter of n8n-core 1.x's NodeExecutionContext; 1.x gets no more releases) holds the store.
 */
export function readExecutionCustomData(ctx: IWebhookFunctions, key: string): string | undefined {
	if (hasCustomData(ctx)) return ctx.customData.get(key);
	const keys = (ctx as unknown as { additionalKeys?: { $execution?: { customData?: IWorkflowExecutionCustomData } } })
		.additionalKeys;
	return keys?.$execution?.customData?.get(key) || undefined;
}
