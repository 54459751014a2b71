/** Path 3, the floor: a raw undici Pool with keep-alive posting the same JSON, C at a time. */
import { Pool } from 'undici';

import { inFlightCounter } from '../inFlight';
import type { PathJob, PathOutcome } from '../job';
import { startStopwatch } from '../stopwatch';
import { CORP_ID, CORP_SECRET, sendBody } from '../payload';
import type { CardItem } from '../payload';
import { jobItems } from './engineItems';

async function getToken(pool: Pool): Promise<string> {
	const query = new URLSearchParams({ corpid: CORP_ID, corpsecret: CORP_SECRET });
	const { body } = await pool.request({ method: 'GET', path: `/cgi-bin/gettoken?${query}` });
	const answer = (await body.json()) as { errcode: number; access_token?: string };
	if (answer.errcode !== 0 || !answer.access_token) throw new Error(`gettoken failed: errcode ${answer.errcode}`);
	return answer.access_token;
}

export async function runFloor(job: PathJob): Promise<PathOutcome> {
	const pool = new Pool(job.sandboxUrl, { connections: job.concurrency, pipelining: 1 });
	const items = jobItems(job).map((item) => item.json as CardItem);
	const token = await getToken(pool);
	const path = `/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`;
	const inFlight = inFlightCounter();
	let failed = 0;
	let failureSample: string | undefined;

	const stopwatch = startStopwatch();
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next++];
			inFlight.start();
			const { body } = await pool.request({
				method: 'POST',
				path,
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(sendBody(item)),
			});
			const answer = (await body.json()) as { errcode: number };
			inFlight.finish();
			if (answer.errcode !== 0) {
				failed++;
				failureSample ??= JSON.stringify(answer);
			}
		}
	};
	await Promise.all(Array.from({ length: job.concurrency }, worker));
	const wallMs = stopwatch.wallMs();
	const cpuMs = stopwatch.cpuMs();
	await pool.close();

	return {
		wallMs,
		cpuMs,
		outputItems: items.length,
		failedItems: failed,
		failureSample,
		maxInFlight: inFlight.max,
		notes: [`undici Pool, ${job.concurrency} keep-alive connections; token fetched once before the timed run`],
	};
}
