/**
 * Turns the short node descriptions tests write into full `INode`s.
 */
import type { INode, INodeCredentials, INodeParameters } from 'n8n-workflow';

import type { HarnessNodeTypes } from './nodeTypes';

export interface HarnessNode {
	/** Full type name, e.g. `'n8n-nodes-wecom-card.weComTemplateCard'`. */
	type: string;
	/** Default: 'Node' for the first node, 'Node 2', 'Node 3', ... after it. */
	name?: string;
	/** Default: derived from the name, so repeated runs share node-scoped dedup history. */
	id?: string;
	/** Default: the latest version the type declares. */
	typeVersion?: number;
	parameters?: INodeParameters;
	/** E.g. `{ weComApi: { id: '1', name: 'WeCom' } }`. */
	credentials?: INodeCredentials;
	/** The node setting "On Error: Continue" (`onError: 'continueRegularOutput'`). */
	continueOnFail?: boolean;
	onError?: INode['onError'];
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	alwaysOutputData?: boolean;
	executeOnce?: boolean;
	disabled?: boolean;
}

export function defaultNodeName(index: number): string {
	return index === 0 ? 'Node' : `Node ${index + 1}`;
}

export function buildNode(spec: HarnessNode, index: number, nodeTypes: HarnessNodeTypes): INode {
	const { continueOnFail, parameters, credentials, ...settings } = spec;
	const name = spec.name ?? defaultNodeName(index);
	const node: INode = {
		...settings,
		id: spec.id ?? `node-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: spec.type,
		typeVersion: spec.typeVersion ?? nodeTypes.defaultVersion(spec.type),
		position: [index * 200, 0],
		// Workflow fills parameter defaults in place: never touch the caller's object.
		parameters: structuredClone(parameters ?? {}),
	};
	if (credentials) node.credentials = structuredClone(credentials);
	if (continueOnFail && !spec.onError) node.onError = 'continueRegularOutput';
	return node;
}
