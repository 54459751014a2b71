/**
 * The throwaway node types the CLI uses outside real workflows: a propertyless 'mock' node
 * (to resolve expressions in credential data) plus whatever a caller adds (the credential
 * tester's temporary node).
 */
import type { IDataObject, INodeProperties, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

export function mockNodeTypes(extra: Record<string, INodeType> = {}): INodeTypes {
	const types: Record<string, INodeType> = {
		mock: { description: { properties: [] as INodeProperties[] } } as unknown as INodeType,
		...extra,
	};
	return {
		getKnownTypes: (): IDataObject => ({}),
		getByName: (name: string): INodeType | IVersionedNodeType => types[name],
		getByNameAndVersion: (name: string, version?: number): INodeType => {
			if (!types[name]) throw new UnexpectedError('Unrecognized node type', { tags: { nodeType: name } });
			return NodeHelpers.getVersionedNodeType(types[name], version);
		},
	};
}
