/**
 * `IWorkflowExecuteAdditionalData` for one execution. URLs must be valid: `$execution.resumeUrl`
 * and friends are built with `new URL(...)` and throw "Invalid URL" on anything else.
 */
import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import type {
	ICredentialsHelper,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

export const HARNESS_BASE_URL = 'http://127.0.0.1:5678/';

export interface ExecutionAdditionalData {
	additionalData: IWorkflowExecuteAdditionalData;
	hooks: ExecutionLifecycleHooks;
	/** Resolves with the run passed to the `workflowExecuteAfter` hook. */
	afterRun: Promise<IRun>;
	/** Node names in the order `nodeExecuteAfter` reported them. */
	nodeExecutionOrder: string[];
}

function notAvailable(what: string): never {
	throw new UnexpectedError(`${what} is not available in the test harness`);
}

export function createAdditionalData(options: {
	credentialsHelper: ICredentialsHelper;
	executionId: string;
	mode: WorkflowExecuteMode;
	workflowData: IWorkflowBase;
	userId?: string;
}): ExecutionAdditionalData {
	const { credentialsHelper, executionId, mode, workflowData } = options;
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	let resolveAfterRun: (run: IRun) => void = () => {};
	const afterRun = new Promise<IRun>((resolve) => {
		resolveAfterRun = resolve;
	});
	const nodeExecutionOrder: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		nodeExecutionOrder.push(nodeName);
	});
	hooks.addHandler('workflowExecuteAfter', (run) => resolveAfterRun(run));

	const base = HARNESS_BASE_URL;
	const additionalData: IWorkflowExecuteAdditionalData = {
		credentialsHelper,
		hooks,
		executionId,
		workflowId: workflowData.id,
		userId: options.userId ?? 'harness-user',
		projectId: 'harness-project',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${base}rest`,
		instanceBaseUrl: base,
		formBaseUrl: `${base}form`,
		formWaitingBaseUrl: `${base}form-waiting`,
		formTestBaseUrl: `${base}form-test`,
		webhookBaseUrl: `${base}webhook`,
		webhookWaitingBaseUrl: `${base}webhook-waiting`,
		webhookTestBaseUrl: `${base}webhook-test`,
		mcpBaseUrl: `${base}mcp`,
		mcpTestBaseUrl: `${base}mcp-test`,
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: async () => notAvailable('Executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => notAvailable('The task runner'),
	};
	return { additionalData, hooks, afterRun, nodeExecutionOrder };
}
