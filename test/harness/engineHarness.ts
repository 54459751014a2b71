/**
 * Runs nodes through n8n-core's real `WorkflowExecute`, with the CLI-like credentials helper,
 * the in-memory credentials store and dedup, and leak recording of everything returned.
 */
import { WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IConnections,
	INode,
	INodeExecutionData,
	IRun,
	ITaskData,
	IPinData,
	IWorkflowBase,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import type { CredentialTestResult } from './credentialTester';
import { runCredentialTest } from './credentialTester';
import { CredentialTypeRegistry } from './credentialTypes';
import { HarnessCredentialsHelper } from './credentialsHelper';
import type { CredentialRow } from './credentialsStore';
import { CredentialsStore } from './credentialsStore';
import { sharedDeduplicator } from './dedup';
import type { InMemoryDeduplicator } from './inMemoryDeduplicator';
import { recordForLeakScan } from './leakScan';
import type { CapturedLog } from './logCapture';
import { capturedLogs } from './logCapture';
import { installDiLoggerCapture } from './n8nInternals';
import type { HarnessNode } from './nodeBuilder';
import { buildNode } from './nodeBuilder';
import type { HarnessNodeTypes, NodeTypeMap } from './nodeTypes';
import { createNodeTypes } from './nodeTypes';

export interface EngineHarnessOptions {
	/** Node instances by full type name, e.g. `'n8n-nodes-wecom-card.weComTemplateCard'`. */
	nodeTypes: NodeTypeMap;
	/** Credential type instances by name (must equal each type's `name`). */
	credentialTypes?: Record<string, ICredentialType>;
	/** Rows to put in the credentials store right away. */
	credentials?: CredentialRow[];
}

interface RunCommon {
	/**
	 * Dedup history is kept per workflow id (and node id for the node scope). Default: the
	 * harness's own `workflowId`, so runs of one harness share history and a new harness
	 * starts clean.
	 */
	workflowId?: string;
	mode?: WorkflowExecuteMode;
	settings?: IWorkflowSettings;
}

export interface RunNodeOptions extends HarnessNode, RunCommon {
	/** Input items of the node (default: one empty item). */
	items?: INodeExecutionData[];
}

export interface RunWorkflowOptions extends RunCommon {
	nodes: HarnessNode[];
	connections: IConnections;
	/** The node that gets `items` as input (default: the first node). */
	startNode?: string;
	items?: INodeExecutionData[];
	/** Pinned output by node name, as the editor pins it (used in manual runs). */
	pinData?: IPinData;
}

export interface WorkflowRun {
	raw: IRun;
	/** The nodes as they ran (ids, versions and parameter defaults filled in). */
	nodes: INode[];
	status: IRun['status'];
	/** Node names in execution order. */
	nodeExecutionOrder: string[];
	/** Every output of the node's last run (index = output index). */
	outputsOf(nodeName: string): INodeExecutionData[][];
	/** One output of the node's last run (default: main output 0). */
	itemsOf(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error a node failed with: the real thrown object when its `execute` threw. */
	errorOf(nodeName: string): Error | undefined;
	/** The execution's error (the first failing node's), as `errorOf` returns it. */
	error?: Error;
}

export interface NodeRun extends WorkflowRun {
	node: INode;
	/** Main output 0 of the node. */
	items: INodeExecutionData[];
	/** All outputs of the node. */
	outputs: INodeExecutionData[][];
}

export interface EngineHarness {
	/** Default workflow id of this harness's runs (unique per harness). */
	workflowId: string;
	credentials: CredentialsStore;
	credentialsHelper: HarnessCredentialsHelper;
	credentialTypes: CredentialTypeRegistry;
	nodeTypes: HarnessNodeTypes;
	/** Shared by every harness in the test file (n8n's service is a process-wide singleton). */
	dedup: InMemoryDeduplicator;
	/** Log lines captured since this harness was created. */
	readonly logs: CapturedLog[];
	runNode(options: RunNodeOptions): Promise<NodeRun>;
	runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun>;
	/**
	 * The credential Test button. Without `id`, the data is saved as a temporary row first (n8n
	 * saves before testing, and a token fetched by the test is written to that row).
	 */
	testCredential(
		type: string,
		data: ICredentialDataDecryptedObject,
		stored?: { id: string; name?: string },
	): Promise<CredentialTestResult>;
}

let executionCounter = 0;
let harnessCounter = 0;

export function createEngineHarness(options: EngineHarnessOptions): EngineHarness {
	installDiLoggerCapture();
	const dedup = sharedDeduplicator();
	const nodeTypes = createNodeTypes(options.nodeTypes);
	const credentialTypes = new CredentialTypeRegistry(options.credentialTypes ?? {});
	const credentials = new CredentialsStore();
	for (const row of options.credentials ?? []) credentials.add(row);
	const credentialsHelper = new HarnessCredentialsHelper(credentialTypes, credentials, nodeTypes);
	const logsFrom = capturedLogs.length;
	const defaultWorkflowId = `harness-workflow-${++harnessCounter}`;

	// Real error objects thrown by node `execute`, by execution id and node name.
	const thrownErrors = new Map<string, unknown>();
	nodeTypes.onExecuteError(({ executionId, nodeName, error }) => {
		thrownErrors.set(`${executionId}|${nodeName}`, error);
	});

	async function runWorkflow(run: RunWorkflowOptions): Promise<WorkflowRun> {
		const nodes = run.nodes.map((node, index) => buildNode(node, index, nodeTypes));
		const startName = run.startNode ?? nodes[0]?.name;
		const executionId = `harness-execution-${++executionCounter}`;
		const mode = run.mode ?? 'manual';
		const workflow = new Workflow({
			id: run.workflowId ?? defaultWorkflowId,
			name: 'Harness workflow',
			nodes,
			connections: run.connections,
			active: false,
			nodeTypes,
			settings: run.settings,
			pinData: run.pinData,
		});
		const startNode = workflow.getNode(startName ?? '');
		if (!startNode) throw new Error(`runWorkflow: start node "${startName}" is not in the workflow`);

		const workflowData = {
			id: workflow.id,
			name: workflow.name,
			nodes,
			connections: run.connections,
			active: false,
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as IWorkflowBase;
		const execution = createAdditionalData({ credentialsHelper, executionId, mode, workflowData });
		const runExecutionData = createRunExecutionData({
			resultData: { runData: {}, pinData: run.pinData },
			executionData: {
				nodeExecutionStack: [{ node: startNode, data: { main: [run.items ?? [{ json: {} }]] }, source: null }],
			},
		});
		const raw = await new WorkflowExecute(execution.additionalData, mode, runExecutionData).processRunExecutionData(
			workflow,
		);
		await execution.afterRun;
		const result = describeRun(raw, nodes, execution.nodeExecutionOrder, (nodeName) =>
			thrownErrors.get(`${executionId}|${nodeName}`),
		);
		recordRun(result);
		return result;
	}

	return {
		workflowId: defaultWorkflowId,
		credentials,
		credentialsHelper,
		credentialTypes,
		nodeTypes,
		dedup,
		get logs() {
			return capturedLogs.slice(logsFrom);
		},
		runWorkflow,
		async runNode(run) {
			const { items, workflowId, mode, settings, ...node } = run;
			const name = node.name ?? 'Node';
			const result = await runWorkflow({
				nodes: [{ ...node, name }],
				connections: {},
				items,
				workflowId,
				mode,
				settings,
			});
			const outputs = result.outputsOf(name);
			return { ...result, node: result.nodes[0], items: outputs[0] ?? [], outputs };
		},
		async testCredential(type, data, stored) {
			if (stored) {
				return await runCredentialTest(credentialsHelper, {
					id: stored.id,
					name: stored.name ?? (credentials.has(stored.id) ? credentials.get(stored.id).name : stored.id),
					type,
					data,
				});
			}
			const id = `credential-test-${++executionCounter}`;
			credentials.add({ id, name: 'Credential under test', type, data });
			try {
				return await runCredentialTest(credentialsHelper, { id, name: 'Credential under test', type, data });
			} finally {
				credentials.remove(id);
			}
		},
	};
}

function lastTask(raw: IRun, nodeName: string): ITaskData | undefined {
	const tasks = raw.data.resultData.runData[nodeName];
	return tasks?.[tasks.length - 1];
}

function describeRun(
	raw: IRun,
	nodes: INode[],
	nodeExecutionOrder: string[],
	thrownBy: (nodeName: string) => unknown,
): WorkflowRun {
	const outputsOf = (nodeName: string) => (lastTask(raw, nodeName)?.data?.main ?? []).map((items) => items ?? []);
	const errorOf = (nodeName: string): Error | undefined => {
		const taskError = lastTask(raw, nodeName)?.error;
		if (!taskError) return undefined;
		const thrown = thrownBy(nodeName);
		return (thrown instanceof Error ? thrown : taskError) as Error;
	};
	const failedNode = raw.data.resultData.error ? raw.data.resultData.lastNodeExecuted : undefined;
	return {
		raw,
		nodes,
		status: raw.status,
		nodeExecutionOrder,
		outputsOf,
		itemsOf: (nodeName, outputIndex = 0) => outputsOf(nodeName)[outputIndex] ?? [],
		errorOf,
		error: (failedNode ? errorOf(failedNode) : undefined) ?? (raw.data.resultData.error as Error | undefined),
	};
}

/** Everything a test can see goes to the leak log: outputs and errors of every node run. */
function recordRun(run: WorkflowRun): void {
	for (const [nodeName, tasks] of Object.entries(run.raw.data.resultData.runData)) {
		tasks.forEach((task, runIndex) => {
			const label = `${nodeName}#${runIndex}`;
			if (task.data) recordForLeakScan('output', label, task.data);
			if (task.error) recordForLeakScan('error', label, task.error);
		});
		const error = run.errorOf(nodeName);
		if (error) recordForLeakScan('error', `${nodeName} (thrown)`, error);
	}
	if (run.raw.data.resultData.error) recordForLeakScan('error', 'execution', run.raw.data.resultData.error);
}
