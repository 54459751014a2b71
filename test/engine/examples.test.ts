/**
 * Every example workflow in examples/: importable as it is (ids, connections, credential
 * reference), no parameter issues in the editor, and its card node, run through the engine with
 * the example's own parameters, delivers exactly the expected card to the sandbox. The e2e test
 * (test/e2e) checks the same expectations inside a real n8n.
 */
import { NodeHelpers, type INodeExecutionData } from 'n8n-workflow';

import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import {
	APP_SEND,
	asSent,
	cardNodeOf,
	EXAMPLE_CREDENTIAL,
	exampleFiles,
	EXAMPLES,
	loadExample,
	NOT_COVERED_HERE,
} from '../e2e/exampleExpectations';
import type { ExpectedSend } from '../e2e/exampleExpectations';
import { startEngineFixture } from './fixtures';
import type { EngineFixture } from './fixtures';

const TRIGGER_TYPES = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.webhook'];

describe('example workflows', () => {
	it('has an expectation for every example file', () => {
		const covered = EXAMPLES.map((example) => example.file).sort();
		expect(exampleFiles().filter((file) => !NOT_COVERED_HERE.includes(file))).toEqual(covered);
	});

	describe.each(EXAMPLES.map((example) => [example.file, example] as const))('%s', (_file, example) => {
		const workflow = loadExample(example.file);
		const cardNode = cardNodeOf(workflow);
		let fixture: EngineFixture;

		beforeEach(async () => {
			fixture = await startEngineFixture();
			fixture.harness.credentials.add({ ...EXAMPLE_CREDENTIAL, type: 'weComApi', data: fixture.credentialData() });
		});

		afterEach(async () => {
			await fixture.close();
		});

		/** Runs the example's card node on `items`, as its trigger would hand them over. */
		async function sendsExactly(items: INodeExecutionData[], expected: ExpectedSend) {
			const run = await fixture.harness.runNode({
				type: cardNode.type,
				name: cardNode.name,
				typeVersion: cardNode.typeVersion,
				parameters: cardNode.parameters,
				credentials: cardNode.credentials,
				items,
			});
			expect(run.error).toBeUndefined();
			expect(run.items).toHaveLength(1);
			expect(run.items[0].json.msgid).toEqual(expect.any(String));
			const sent = fixture.sandbox.messages().map(asSent);
			expect(sent).toEqual([{ ...APP_SEND, ...expected }]);
		}

		it('is importable: fixed id, a trigger, connections to existing nodes, the shared credential', () => {
			expect(workflow.id).toBe(example.workflowId);
			const names = new Set(workflow.nodes.map((node) => node.name));
			expect(names.size).toBe(workflow.nodes.length);
			expect(workflow.nodes.some((node) => TRIGGER_TYPES.includes(node.type))).toBe(true);
			for (const [source, outputs] of Object.entries(workflow.connections)) {
				expect(names.has(source)).toBe(true);
				for (const target of (outputs.main ?? []).flat()) expect(names.has(target?.node ?? '')).toBe(true);
			}
			expect(cardNode.credentials).toEqual({ weComApi: EXAMPLE_CREDENTIAL });
			const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
			expect(webhook?.parameters.path).toBe(example.webhook?.path);
		});

		it('shows no parameter issues in the editor', () => {
			const { properties } = new WeComTemplateCard().description;
			expect(NodeHelpers.getNodeParametersIssues(properties, cardNode, null)).toBeNull();
		});

		it('sends the expected card from the Manual Trigger', async () => {
			await sendsExactly([{ json: {} }], example.manual);
		});

		if (example.webhook) {
			const { body, sends } = example.webhook;
			it('sends the expected card from its webhook body', async () => {
				await sendsExactly([{ json: { headers: {}, params: {}, query: {}, body } }], sends);
			});
		}
	});
});
