/**
 * `INodeTypes` over node classes passed in by full type name
 * (`'n8n-nodes-wecom-card.weComTemplateCard'`), as n8n registers community nodes.
 *
 * `execute` is wrapped to remember the error object a node throws: WorkflowExecute stores
 * only a spread copy (`{ ...error, message, stack }`) in the run data, which loses the class
 * and non-enumerable fields such as `cause`, and tests want the real NodeApiError.
 */
import type { IDataObject, IExecuteFunctions, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { isNodeClassInstance, NodeHelpers, UnexpectedError } from 'n8n-workflow';

export type NodeTypeMap = Record<string, INodeType | IVersionedNodeType>;

export type ThrownErrorListener = (thrown: { nodeName: string; executionId: string; error: unknown }) => void;

export interface HarnessNodeTypes extends INodeTypes {
	/** Called with the real error object whenever a node's `execute` throws. */
	onExecuteError(listener: ThrownErrorListener): void;
	/** The latest version a type declares (used when a test node gives no typeVersion). */
	defaultVersion(typeName: string): number;
}

export function createNodeTypes(types: NodeTypeMap): HarnessNodeTypes {
	const listeners: ThrownErrorListener[] = [];
	const wrapped = new WeakMap<INodeType, INodeType>();

	const wrapExecute = (nodeType: INodeType): INodeType => {
		const execute = nodeType.execute;
		if (!execute) return nodeType;
		let proxy = wrapped.get(nodeType);
		if (!proxy) {
			// Classic nodes run as `execute.call(context, response)`; class-style nodes (tagged
			// with NODE_CLASS_TAG) as `execute(context, response)`. Keep whichever `this` we get.
			const executeAndRememberError = async function (this: unknown, ...args: unknown[]) {
				const context = (isNodeClassInstance(nodeType) ? args[0] : this) as IExecuteFunctions;
				try {
					return await (execute as (...params: unknown[]) => Promise<unknown>).apply(this, args);
				} catch (error) {
					const thrown = { nodeName: context.getNode().name, executionId: context.getExecutionId(), error };
					for (const listener of listeners) listener(thrown);
					throw error;
				}
			};
			proxy = new Proxy(nodeType, {
				get: (target, property, receiver) =>
					property === 'execute' ? executeAndRememberError : Reflect.get(target, property, receiver),
			});
			wrapped.set(nodeType, proxy);
		}
		return proxy;
	};

	const lookup = (name: string): INodeType | IVersionedNodeType => {
		const type = types[name];
		if (!type) throw new UnexpectedError(`Unrecognized node type: ${name}`, { tags: { nodeType: name } });
		return type;
	};

	return {
		getByName: (name) => lookup(name),
		getByNameAndVersion: (name, version) => wrapExecute(NodeHelpers.getVersionedNodeType(lookup(name), version)),
		getKnownTypes: (): IDataObject =>
			Object.fromEntries(Object.keys(types).map((name) => [name, { className: name, sourcePath: '' }])),
		onExecuteError: (listener) => {
			listeners.push(listener);
		},
		defaultVersion: (name) => {
			const type = lookup(name);
			if ('nodeVersions' in type) return type.currentVersion;
			const { version } = type.description;
			return Array.isArray(version) ? Math.max(...version) : version;
		},
	};
}
