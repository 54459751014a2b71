/**
 * Runs the node's listSearch methods as n8n's editor does: through n8n-core's LoadOptionsContext for
 * one node of a one-node workflow, with the harness's credentials helper (so the token is fetched,
 * stored and refreshed as in a real n8n). Results and errors go to the leak scan.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeListSearchResult, IWorkflowBase } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { recordForLeakScan } from '../harness';
import { createAdditionalData } from '../harness/additionalData';
import { CARD_NODE_TYPE, CREDENTIAL_ID } from './fixtures';
import type { EngineFixture } from './fixtures';

const nodeType = new WeComTemplateCard();
let calls = 0;

/** The listSearch method `method` with the editor's search text and page token. */
export async function listSearch(
	fixture: EngineFixture,
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = nodeType.methods.listSearch[method as keyof typeof nodeType.methods.listSearch];
	if (!search) throw new Error(`no listSearch method ${method}`);
	const node: INode = {
		id: 'node-list-search',
		name: 'Node',
		type: CARD_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'message', operation: 'sendTemplateCard' },
		credentials: { weComApi: { id: CREDENTIAL_ID, name: 'WeCom sandbox' } },
	};
	const workflowData = {
		id: 'list-search-workflow',
		name: 'List search',
		nodes: [node],
		connections: {},
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({ ...workflowData, nodeTypes: fixture.harness.nodeTypes });
	const { additionalData } = createAdditionalData({
		credentialsHelper: fixture.harness.credentialsHelper,
		executionId: `list-search-${++calls}`,
		mode: 'manual',
		workflowData,
	});
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.picked');
	try {
		const result = await search.call(context, filter, paginationToken);
		recordForLeakScan('output', `listSearch ${method}`, result);
		return result;
	} catch (error) {
		recordForLeakScan('error', `listSearch ${method}`, error);
		throw error;
	}
}
