/**
 * What the global fetch itself costs inside n8n: a node that posts each item's card with a bare
 * `fetch`, C at a time, over fetch's kept-alive pool (waiting for answered connections to go back
 * to the pool as ours does, so the pool stays at C + 1 connections), and outputs WeCom's answer.
 * No parameters read, no card check, no retry: its memory and time against the no-op node and the
 * floor are the part of ours that any node sending with fetch pays (the only kept-alive client
 * n8n lets a community node use).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, sleep } from 'n8n-workflow';

import { createEngineHarness } from '../../../test/harness';
import { countNodeHttpRequests, inFlightCounter } from '../inFlight';
import type { PathJob, PathOutcome } from '../job';
import { CORP_ID, CORP_SECRET, sendBody } from '../payload';
import type { CardItem } from '../payload';
import { startStopwatch } from '../stopwatch';
import { engineOutcome, jobItems } from './engineItems';

const NODE_TYPE = 'bench.bareFetch';

async function getToken(baseUrl: string): Promise<string> {
	const query = new URLSearchParams({ corpid: CORP_ID, corpsecret: CORP_SECRET });
	const answer = (await (await fetch(`${baseUrl}/cgi-bin/gettoken?${query}`)).json()) as {
		errcode: number;
		access_token?: string;
	};
	if (answer.errcode !== 0 || !answer.access_token) throw new Error(`gettoken failed: errcode ${answer.errcode}`);
	return answer.access_token;
}

function bareFetchNode(job: PathJob): INodeType {
	return {
		description: {
			displayName: 'Bench Bare Fetch',
			name: 'bareFetch',
			group: ['output'],
			version: 1,
			description: 'Posts each item as a card with the global fetch',
			defaults: { name: 'Bare Fetch' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		} satisfies INodeTypeDescription,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			const token = await getToken(job.sandboxUrl);
			const url = `${job.sandboxUrl}/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`;
			const results: INodeExecutionData[] = new Array(items.length);
			// As ours does (transport/keptAlive.ts): fetch's pool takes an answered connection back a
			// turn of the event loop later, so a request waits while more than one answer is that
			// recent (n8n's sleep(0) marks the turn): at most C + 1 connections.
			const settling: Array<Promise<void>> = [];
			let next = 0;
			const worker = async () => {
				while (next < items.length) {
					const index = next++;
					while (settling.length > 1) await settling[0];
					const answer = await fetch(url, {
						method: 'POST',
						headers: { accept: 'application/json', 'content-type': 'application/json' },
						body: JSON.stringify(sendBody(items[index].json as CardItem)),
						// Not 'manual': fetch copies every request unless redirects are errors.
						redirect: 'error',
						signal: new AbortController().signal,
					});
					const json = JSON.parse(await answer.text()) as INodeExecutionData['json'];
					const settled: Promise<void> = sleep(0).then(() => void settling.splice(settling.indexOf(settled), 1));
					settling.push(settled);
					results[index] = { json, pairedItem: { item: index } };
				}
			};
			await Promise.all(Array.from({ length: job.concurrency }, worker));
			return [results];
		},
	};
}

export async function runFetchNode(job: PathJob): Promise<PathOutcome> {
	const harness = createEngineHarness({ nodeTypes: { [NODE_TYPE]: bareFetchNode(job) } });
	const items = jobItems(job);
	const inFlight = inFlightCounter();
	countNodeHttpRequests(inFlight);

	const stopwatch = startStopwatch();
	const run = await harness.runNode({ type: NODE_TYPE, name: 'Bare Fetch', parameters: {}, items });
	const measured = { wallMs: stopwatch.wallMs(), cpuMs: stopwatch.cpuMs(), maxInFlight: inFlight.max };
	return engineOutcome(run, items.length, measured, [
		`global fetch, ${job.concurrency} at a time; token fetched once inside the run`,
	]);
}
