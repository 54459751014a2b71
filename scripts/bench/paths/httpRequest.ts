/**
 * Path 2, what users do today: n8n's own HTTP Request node (n8n-nodes-base from the cached n8n
 * install) in the same engine, posting the card built by an expression to message/send with a
 * token fetched once by a gettoken call before the run, as tutorials show.
 */
import { createEngineHarness } from '../../../test/harness';
import type { EngineHarness } from '../../../test/harness';
import { HTTP_REQUEST_TYPE, httpRequestBatching, loadHttpRequestNode } from '../httpRequestNode';
import { countNodeHttpRequests, inFlightCounter } from '../inFlight';
import type { PathJob, PathOutcome } from '../job';
import { startStopwatch } from '../stopwatch';
import { CORP_ID, CORP_SECRET, SEND_BODY_EXPRESSION } from '../payload';
import { engineOutcome, jobItems } from './engineItems';

/** The tutorial's first node: GET gettoken with corpid and corpsecret as query parameters. */
async function getToken(harness: EngineHarness, typeVersion: number, sandboxUrl: string): Promise<string> {
	const run = await harness.runNode({
		type: HTTP_REQUEST_TYPE,
		typeVersion,
		name: 'Get token',
		parameters: {
			method: 'GET',
			url: `${sandboxUrl}/cgi-bin/gettoken`,
			sendQuery: true,
			queryParameters: {
				parameters: [
					{ name: 'corpid', value: CORP_ID },
					{ name: 'corpsecret', value: CORP_SECRET },
				],
			},
			options: {},
		},
	});
	const token = run.items[0]?.json.access_token;
	if (run.error || typeof token !== 'string') {
		throw new Error(
			`gettoken through the HTTP Request node failed: ${run.error?.message ?? JSON.stringify(run.items[0]?.json)}`,
		);
	}
	return token;
}

export async function runHttpRequest(job: PathJob): Promise<PathOutcome> {
	if (!job.n8nDir) throw new Error('the HTTP Request path needs the cached n8n install (n8nDir)');
	const loaded = loadHttpRequestNode(job.n8nDir);
	const harness = createEngineHarness({ nodeTypes: { [HTTP_REQUEST_TYPE]: loaded.nodeType } });
	const token = await getToken(harness, loaded.typeVersion, job.sandboxUrl);
	const items = jobItems(job);
	const batching = httpRequestBatching(job.concurrency, job.httpBatchIntervalMs);
	const inFlight = inFlightCounter();
	countNodeHttpRequests(inFlight);

	const stopwatch = startStopwatch();
	const run = await harness.runNode({
		type: HTTP_REQUEST_TYPE,
		typeVersion: loaded.typeVersion,
		name: 'Send card',
		parameters: {
			method: 'POST',
			url: `${job.sandboxUrl}/cgi-bin/message/send?access_token=${token}`,
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: SEND_BODY_EXPRESSION,
			options: { batching: { batch: batching } },
		},
		items,
		continueOnFail: true,
	});
	const measured = { wallMs: stopwatch.wallMs(), cpuMs: stopwatch.cpuMs(), maxInFlight: inFlight.max };
	return engineOutcome(run, items.length, measured, [
		`HTTP Request v${loaded.typeVersion} (n8n-nodes-base ${loaded.packageVersion}), Batching: ${batching.batchSize} items per batch, ${batching.batchInterval} ms interval`,
	]);
}
