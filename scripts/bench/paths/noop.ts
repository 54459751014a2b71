/**
 * The RSS baseline: the same engine, harness and 10,000 items, through a node that passes its
 * input on unchanged (what n8n's No Operation node does). No HTTP, no WeCom code loaded.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { createEngineHarness } from '../../../test/harness';
import type { PathJob, PathOutcome } from '../job';
import { startStopwatch } from '../stopwatch';
import { jobItems } from './engineItems';

const NODE_TYPE = 'bench.noOp';

class BenchNoOp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bench No Op',
		name: 'noOp',
		group: ['transform'],
		version: 1,
		description: 'Passes its input on',
		defaults: { name: 'No Op' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export async function runNoop(job: PathJob): Promise<PathOutcome> {
	const harness = createEngineHarness({ nodeTypes: { [NODE_TYPE]: new BenchNoOp() } });
	const items = jobItems(job);
	const stopwatch = startStopwatch();
	const run = await harness.runNode({ type: NODE_TYPE, name: 'No Op', parameters: {}, items });
	const wallMs = stopwatch.wallMs();
	const cpuMs = stopwatch.cpuMs();
	return {
		wallMs,
		cpuMs,
		outputItems: run.items.length,
		failedItems: run.error ? items.length : 0,
		failureSample: run.error?.message,
		maxInFlight: 0,
		notes: ['engine + harness + items only; nothing is sent'],
	};
}
