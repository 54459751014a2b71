/**
 * The credential "Test" button, as n8n 2.41.1 runs it for credentials with a `test` request
 * (packages/cli/src/services/credentials-tester.service.ts, `testCredentials` +
 * `runRequestTest`): defaults are applied to the data, then n8n-core's real `RoutingNode`
 * sends the test request from a temporary `n8n-nodes-base.noOp` node whose only parameter is
 * `temp: ''`. That node is how the credentials helper recognises a test and forces
 * preAuthentication. Errors become the message the same way (HTTP status text, error code,
 * or the thrown message: so an error thrown by preAuthentication is shown as is), then
 * `responseSuccessBody` rules are checked against the response body.
 */
import { ErrorReporter, ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestRequest,
	IExecuteData,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWorkflowBase,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { createAdditionalData } from './additionalData';
import type { HarnessCredentialsHelper } from './credentialsHelper';
import { recordForLeakScan } from './leakScan';
import { mockNodeTypes } from './mockNodeTypes';
import { n8nContainer } from './n8nInternals';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** The parts of n8n-nodes-base's NoOp description the tester reads (it is not installed). */
const noOpDescription: INodeTypeDescription = {
	displayName: 'No Operation, do nothing',
	name: 'n8n-nodes-base.noOp',
	icon: 'fa:arrow-right',
	group: ['organization'],
	version: 1,
	description: 'No Operation',
	defaults: { name: 'No Operation, do nothing' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties: [],
};

/** Reads `a.b[0].c` like lodash `get`, which n8n uses for the rule keys. */
function getPath(data: unknown, path: string): unknown {
	const keys = path
		.replace(/\[(\w+)\]/g, '.$1')
		.split('.')
		.filter(Boolean);
	let current: unknown = data;
	for (const key of keys) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

type ErrorWithCause = Error & { cause?: { response?: { status: number; statusText?: string }; code?: string } };

function messageFromError(
	error: ErrorWithCause,
	testRequest: ICredentialTestRequest,
): CredentialTestResult | undefined {
	const response = error.cause?.response;
	if (response) {
		for (const rule of testRequest.rules ?? []) {
			if (rule.type === 'responseCode' && response.status === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (response.status < 199 || response.status > 299) {
			return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
		}
	} else if (error.cause?.code) {
		return { status: 'Error', message: error.cause.code };
	}
	return undefined;
}

async function runRequestTest(
	credentialsHelper: HarnessCredentialsHelper,
	credentialType: string,
	credentialsDecrypted: ICredentialsDecrypted,
	testRequest: ICredentialTestRequest,
): Promise<CredentialTestResult> {
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: noOpDescription.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const nodeTypeCopy: INodeType = {
		description: {
			...noOpDescription,
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	// The constructor fills `temp: ''` into node.parameters from the property default.
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: mockNodeTypes({ [noOpDescription.name]: nodeTypeCopy }),
	});

	const workflowData = { id: 'credential-test', name: 'credential test', nodes: [node], connections: {} };
	const { additionalData } = createAdditionalData({
		credentialsHelper,
		executionId: 'credential-test',
		mode: 'internal',
		workflowData: workflowData as unknown as IWorkflowBase,
	});
	// n8n serves the data under test to getDecrypted (raw reads still hit the store).
	additionalData.credentialsHelper = new Proxy(credentialsHelper, {
		get(target, property) {
			if (property === 'getDecrypted') {
				return async (...args: Parameters<HarnessCredentialsHelper['getDecrypted']>) =>
					args[5] ? await target.getDecrypted(...args) : (credentialsDecrypted.data ?? {});
			}
			const value: unknown = Reflect.get(target, property);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});

	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[] as INodeExecutionData[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, nodeTypeCopy, credentialsDecrypted);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		await workflow.expression.acquireIsolate();
		response = await routingNode.runNode();
	} catch (error) {
		n8nContainer().get(ErrorReporter).error(error);
		return (
			messageFromError(error as ErrorWithCause, testRequest) ?? {
				status: 'Error',
				message: (error as Error).message.toString(),
			}
		);
	} finally {
		await workflow.expression.releaseIsolate();
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json;
		if (getPath(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * Runs a credential test on `data` for the stored credential `id` (n8n saves a credential
 * before testing it, and a token fetched during the test is written to that row).
 */
export async function runCredentialTest(
	credentialsHelper: HarnessCredentialsHelper,
	credential: { id: string; name: string; type: string; data: ICredentialDataDecryptedObject },
): Promise<CredentialTestResult> {
	const result = await testCredentialData(credentialsHelper, credential);
	recordForLeakScan('credential-test', credential.type, result);
	return result;
}

async function testCredentialData(
	credentialsHelper: HarnessCredentialsHelper,
	credential: { id: string; name: string; type: string; data: ICredentialDataDecryptedObject },
): Promise<CredentialTestResult> {
	const testRequest = credentialsHelper.credentialTypes.getByName(credential.type).test;
	if (!testRequest) return { status: 'Error', message: 'No testing function found for this credential.' };

	const credentialsDecrypted: ICredentialsDecrypted = {
		id: credential.id,
		name: credential.name,
		type: credential.type,
		data: { ...credential.data },
	};
	try {
		const { additionalData } = createAdditionalData({
			credentialsHelper,
			executionId: 'credential-test',
			mode: 'internal',
			workflowData: { id: 'credential-test', nodes: [], connections: {} } as unknown as IWorkflowBase,
		});
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			additionalData,
			credentialsDecrypted.data!,
			credential.type,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message.toString() };
	}
	return await runRequestTest(credentialsHelper, credential.type, credentialsDecrypted, testRequest);
}
