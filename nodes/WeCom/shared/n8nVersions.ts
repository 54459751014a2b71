import type { IExecuteFunctions, IWebhookFunctions, IWorkflowExecutionCustomData } from 'n8n-workflow';

/**
 * Where the package's nodes must differ between the n8n versions it is tested on (1.123.x and
 * 2.41.x; the test harness's differences are in scripts/n8n/versions.ts).
 *
 * The execution's custom data: n8n 2.x gives node contexts a `customData` property; n8n 1.x has
 * none (reading `.set` of it failed the Send and Wait node), but serves the same store, saved
 * with the execution, as `$execution.customData` to expressions, in executions and in the resume
 * webhook alike.
 */
export function executionCustomData(ctx: IExecuteFunctions | IWebhookFunctions): IWorkflowExecutionCustomData {
	if ('customData' in ctx && ctx.customData) return ctx.customData;
	return ctx.evaluateExpression('{{ $execution.customData }}', 0) as unknown as IWorkflowExecutionCustomData;
}
