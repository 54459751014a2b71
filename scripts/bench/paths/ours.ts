/** Path 1: the WeCom Template Card node in n8n's engine (n8n-core WorkflowExecute). */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { WeComApi } from '../../../credentials/WeComApi.credentials';
import { WeComTemplateCard } from '../../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { createEngineHarness } from '../../../test/harness';
import { countNodeHttpRequests, inFlightCounter } from '../inFlight';
import type { PathJob, PathOutcome } from '../job';
import { startStopwatch } from '../stopwatch';
import { AGENT_ID, CARD_ACTION_URL, CORP_ID, CORP_SECRET } from '../payload';
import { engineOutcome, jobItems } from './engineItems';

const NODE_TYPE = 'n8n-nodes-wecom-card.weComTemplateCard';

/** One timed run of our node over `items` with these parameters (option concurrency = C added). */
export async function runOurNode(
	job: PathJob,
	parameters: INodeParameters,
	items: INodeExecutionData[],
): Promise<PathOutcome> {
	const harness = createEngineHarness({
		nodeTypes: { [NODE_TYPE]: new WeComTemplateCard() },
		credentialTypes: { weComApi: new WeComApi() },
	});
	const data = { corpId: CORP_ID, corpSecret: CORP_SECRET, agentId: AGENT_ID, baseUrl: job.sandboxUrl };
	harness.credentials.add({ id: 'bench', name: 'WeCom sandbox', type: 'weComApi', data });
	const inFlight = inFlightCounter();
	countNodeHttpRequests(inFlight);

	const stopwatch = startStopwatch();
	const run = await harness.runNode({
		type: NODE_TYPE,
		name: 'Send card',
		credentials: { weComApi: { id: 'bench', name: 'WeCom sandbox' } },
		parameters: { ...parameters, options: { concurrency: job.concurrency } },
		items,
		continueOnFail: true,
	});
	const measured = { wallMs: stopwatch.wallMs(), cpuMs: stopwatch.cpuMs(), maxInFlight: inFlight.max };
	const calls = run.items.reduce((total, { json }) => total + (Number(json.calls) || 0), 0);
	return engineOutcome(run, items.length, measured, [
		`node option concurrency = ${job.concurrency}; message/send calls reported by the node: ${calls}`,
	]);
}

export async function runOurs(job: PathJob): Promise<PathOutcome> {
	const parameters = {
		resource: 'message',
		operation: 'sendTemplateCard',
		toUser: '={{ $json.touser }}',
		cardInput: 'form',
		cardType: 'text_notice',
		title: '={{ $json.title }}',
		cardActionType: 1,
		cardActionUrl: CARD_ACTION_URL,
	};
	return await runOurNode(job, parameters, jobItems(job));
}
