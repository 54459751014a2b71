/**
 * The `={{ $json.a.b }}` fast path when the node runs as an AI agent's tool (usableAsTool). n8n's
 * tool call (getInputConnectionData → createNodeAsTool) runs the node with the model's arguments as
 * its one input item, while `$json` in its parameters still reads the agent's own input item: the
 * fast path, which reads getInputData(), would answer with the model's argument instead of n8n's
 * value. A probe tool in n8n's real engine reads its parameter both ways.
 */
import type {
	AINodeConnectionType,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { nodeParameter } from '../../nodes/WeCom/TemplateCard/helpers/parameters';
import { createEngineHarness } from '../harness';

const AI_TOOL: AINodeConnectionType = 'ai_tool';
const readings: Array<{ ours: unknown; n8n: unknown }> = [];

class ProbeTool implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe Tool',
		name: 'probeTool',
		group: ['transform'],
		version: 1,
		description: 'Reads its parameter with our reader and with n8n',
		defaults: { name: 'Tool' },
		inputs: [],
		outputs: [AI_TOOL],
		properties: [
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		readings.push({ ours: nodeParameter(this, 'subject', 0), n8n: this.getNodeParameter('subject', 0) });
		return [[{ json: { done: true } }]];
	}
}

class ProbeAgent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe Agent',
		name: 'probeAgent',
		group: ['transform'],
		version: 1,
		description: 'Calls its tool once, as an agent would',
		defaults: { name: 'Agent' },
		inputs: ['main', AI_TOOL],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const [tool] = (await this.getInputConnectionData(AI_TOOL, 0)) as Array<{
			invoke(args: unknown): Promise<unknown>;
		}>;
		await tool.invoke({ title: 'from the model' });
		return [this.getInputData()];
	}
}

const TOOL = 'n8n-nodes-wecom-card-test.probeTool';
const AGENT = 'n8n-nodes-wecom-card-test.probeAgent';

describe('the plain $json read in a tool call', () => {
	const harness = createEngineHarness({ nodeTypes: { [TOOL]: new ProbeTool(), [AGENT]: new ProbeAgent() } });

	it("answers n8n's $json (the agent's item), not the model's arguments", async () => {
		const run = await harness.runWorkflow({
			nodes: [
				{ type: AGENT, name: 'Agent' },
				{
					type: TOOL,
					name: 'Tool',
					parameters: { title: "={{ $fromAI('title') }}", subject: '={{ $json.title }}' },
				},
			],
			connections: { Tool: { [AI_TOOL]: [[{ node: 'Agent', type: AI_TOOL, index: 0 }]] } },
			items: [{ json: { title: 'from the agent input' } }],
		});
		expect(run.status).toBe('success');
		expect(readings).toEqual([{ ours: 'from the agent input', n8n: 'from the agent input' }]);
	});
});
