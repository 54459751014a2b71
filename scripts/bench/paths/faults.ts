/**
 * The fault suite (test/harness/faultSuite.ts) in a child: our node in the engine against a
 * sandbox of its own, in this process, since the suite reads the sandbox while the node runs.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WeComApi } from '../../../credentials/WeComApi.credentials';
import { WeComTemplateCard } from '../../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_SECRET, startSandbox } from '../../../sandbox';
import { createEngineHarness } from '../../../test/harness';
import { FAULT_SUITE_SANDBOX, runFaultSuite } from '../../../test/harness/faultSuite';
import type { PathJob, PathOutcome } from '../job';
import { startStopwatch } from '../stopwatch';

const NODE_TYPE = 'n8n-nodes-wecom-card.weComTemplateCard';

export async function runFaults(job: PathJob): Promise<PathOutcome> {
	const sandbox = await startSandbox(FAULT_SUITE_SANDBOX);
	const harness = createEngineHarness({
		nodeTypes: { [NODE_TYPE]: new WeComTemplateCard() },
		credentialTypes: { weComApi: new WeComApi() },
	});
	const data = { corpId: DEMO_CORP_ID, corpSecret: DEMO_SECRET, agentId: DEMO_AGENT_ID, baseUrl: sandbox.url };
	harness.credentials.add({ id: 'faults', name: 'WeCom sandbox', type: 'weComApi', data });
	const fixture = {
		sandbox,
		runCardNode: async (parameters: INodeParameters, items?: INodeExecutionData[], continueOnFail?: boolean) =>
			await harness.runNode({
				type: NODE_TYPE,
				name: 'Send card',
				credentials: { weComApi: { id: 'faults', name: 'WeCom sandbox' } },
				parameters,
				items,
				continueOnFail,
			}),
	};
	try {
		const stopwatch = startStopwatch();
		const result = await runFaultSuite(fixture, job.items);
		const { outcome } = result;
		return {
			wallMs: stopwatch.wallMs(),
			cpuMs: stopwatch.cpuMs(),
			outputItems: result.outputItems,
			failedItems: outcome.failedWithError,
			maxInFlight: Number.NaN,
			faultSuite: result,
			notes: [],
		};
	} finally {
		await sandbox.close();
	}
}
