/**
 * An `ICredentialsHelper` that behaves like n8n's CLI `CredentialsHelper` (n8n 2.41.1,
 * packages/cli/src/credentials-helper.ts) over the in-memory store: same preAuthentication
 * conditions and persistence, same defaults handling (undeclared keys are dropped), same
 * generic/function authenticate. Left out: credential overwrites, external secrets, dynamic
 * (per-user) credentials, policy checks: none of them exist in a test.
 */
import { getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	getCredentialOwnRequestAllowedDomains,
	ICredentials,
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
} from 'n8n-workflow';

import type { CredentialTypeRegistry } from './credentialTypes';
import type { CredentialsStore } from './credentialsStore';
import { mockNodeTypes } from './mockNodeTypes';

/** The node the CLI uses to resolve expressions in credential data outside a workflow. */
const credentialExpressionNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

/** A read-only view of a stored row, as `getCredentials` returns it. */
class StoredCredentials extends ICredentials {
	constructor(
		private readonly store: CredentialsStore,
		row: { id: string; name: string; type: string },
	) {
		super({ id: row.id, name: row.name }, row.type);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return this.store.data(this.id!);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.store.data(this.id!)) };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.store.write(this.id!, this.type, data, 'updateCredentials');
	}

	async updateData(toUpdate: ICredentialDataDecryptedObject, toDelete: string[] = []): Promise<void> {
		const data = { ...this.store.data(this.id!), ...toUpdate };
		for (const key of toDelete) delete data[key];
		this.store.write(this.id!, this.type, data, 'updateCredentials');
	}
}

/** What a preAuthentication call did, for assertions. */
export interface PreAuthenticationCall {
	typeName: string;
	nodeName: string;
	credentialsExpired: boolean;
	isTestingCredentials: boolean;
	/** Whether the credential's hook actually ran (else the stored token was kept). */
	ran: boolean;
	/** Whether the result was written to the store. */
	persisted: boolean;
}

/**
 * Requests from a preAuthentication hook honour the credential's own domain allowlist
 * (same rule as the CLI's `restrictToCredentialDomains`).
 */
function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions): Promise<unknown> => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	};
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	readonly preAuthenticationCalls: PreAuthenticationCall[] = [];

	constructor(
		readonly credentialTypes: CredentialTypeRegistry,
		readonly store: CredentialsStore,
		private readonly nodeTypes: INodeTypes,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		const type = this.credentialTypes.getByName(credentialType);
		if (!type.restrictToSupportedNodes) return true;
		return this.credentialTypes.getSupportedNodes(credentialType, this.nodeTypes).includes(nodeType);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions & Record<string, unknown>;
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (!authenticate) return requestOptions;

		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);

		if (!workflow || !node) {
			throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
		}
		requestOptions.headers ??= {};
		if (authenticate.type !== 'generic') return requestOptions;

		const additionalKeys = { $credentials: credentials } as IWorkflowDataProxyAdditionalKeys;
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
				const keyResolved = this.resolveValue(key, additionalKeys, workflow, node);
				const valueResolved = this.resolveValue(value, additionalKeys, workflow, node);
				const target = (requestOptions[outerKey] ??= {}) as Record<string, string>;
				target[keyResolved] = valueResolved;
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) return undefined;

		// The credential tester runs a mock noOp node whose only parameter is `temp`.
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		const call: PreAuthenticationCall = {
			typeName,
			nodeName: node?.name,
			credentialsExpired,
			isTestingCredentials,
			ran: false,
			persisted: false,
		};
		this.preAuthenticationCalls.push(call);

		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		// n8n's source also forces a refresh while testing a credential, but a real n8n 2.41.1
		// does not (its Test button reuses a stored token: measured by the e2e tests, test/e2e),
		// so neither does the harness; `isTestingCredentials` is only recorded.
		if (credentials[expirableProperty.name] !== '' && !credentialsExpired) {
			return undefined;
		}

		call.ran = true;
		const output = await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		);
		// Without the expirable key nothing is merged or stored (n8n's rule, too).
		if (output[expirableProperty.name] === undefined) return undefined;
		if (!node.credentials) return undefined;

		const nodeCredentials = node.credentials[credentialType.name];
		// Persist onto the raw stored row, but never overwrite a field the user stored as an
		// expression with this run's resolved value (the expirable field always wins).
		const storedData = await (await this.getCredentials(nodeCredentials, credentialType.name)).getData();
		const dataToPersist: ICredentialDataDecryptedObject = { ...storedData };
		for (const [key, value] of Object.entries(output)) {
			if (key === expirableProperty.name || !isExpression(storedData[key])) {
				dataToPersist[key] = value as ICredentialDataDecryptedObject[string];
			}
		}
		await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
		call.persisted = true;
		return Object.assign(credentials, output) as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		);
		return (output as ICredentialDataDecryptedObject) ?? undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const row = this.store.find(nodeCredentials, type);
		return new StoredCredentials(this.store, row);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const row = this.store.find(nodeCredentials, type);
		if (raw === true) return row.data;
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			row.data,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/**
	 * Fills defaults for declared properties and drops every undeclared key (n8n builds the
	 * result from the property list), then resolves expressions in the data.
	 */
	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const credentialsProperties = this.getCredentialsProperties(type);
		let decryptedData = NodeHelpers.getNodeParameters(
			credentialsProperties,
			{ ...decryptedDataOriginal } as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		// Kept although undeclared, exactly these three (as in the CLI).
		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}
		for (const key of ['allowedHttpRequestDomains', 'allowedDomains']) {
			if (decryptedData[key] === undefined && decryptedDataOriginal[key] !== undefined) {
				decryptedData[key] = decryptedDataOriginal[key];
			}
		}

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (error) {
				(error as Error).message += ' [Error resolving credentials]';
				throw error;
			}
			return decryptedData;
		}

		const workflow = new Workflow({
			nodes: [{ ...credentialExpressionNode }],
			connections: {},
			active: false,
			nodeTypes: mockNodeTypes(),
		});
		await workflow.expression.acquireIsolate();
		try {
			return workflow.expression.getComplexParameterValue(
				credentialExpressionNode,
				decryptedData as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decryptedData,
			) as ICredentialDataDecryptedObject;
		} finally {
			await workflow.expression.releaseIsolate();
		}
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const row = this.store.find(nodeCredentials, type);
		this.store.write(row.id, type, data, 'updateCredentials');
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const row = this.store.find(nodeCredentials, type);
		this.store.write(
			row.id,
			type,
			{ ...row.data, oauthTokenData: data.oauthTokenData },
			'updateCredentialsOauthTokenData',
		);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.credentialTypes.getByName(type);
		if (credentialType.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialType.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
				];
			}
			return credentialType.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		// Properties declared on the credential itself win over inherited ones.
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const value = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		return value ? value.toString() : '';
	}
}
