/** Input items of the engine paths, and how their outputs are judged. */
import type { INodeExecutionData } from 'n8n-workflow';

import type { PathJob, PathOutcome } from '../job';
import { benchUser, cardItem, cardItems } from '../payload';

/** One card per item; for the fan-out scenario a single item whose touser lists every recipient. */
export function jobItems(job: PathJob): INodeExecutionData[] {
	if (job.recipientsPerItem === 1) return cardItems(job.items, job.runTag);
	const recipients = Array.from({ length: job.recipientsPerItem }, (_, index) => benchUser(index)).join('|');
	return Array.from({ length: job.items }, (_, index) => ({
		json: { ...cardItem(index, job.runTag), touser: recipients },
	}));
}

export interface Failures {
	count: number;
	sample?: string;
}

/** Items that report an error (continue-on-fail) or a WeCom errcode other than 0. */
export function countFailures(outputs: INodeExecutionData[], expected: number, runError?: Error): Failures {
	let count = Math.max(0, expected - outputs.length);
	let sample = runError?.message;
	for (const { json } of outputs) {
		const errcode = json.errcode;
		const failed = json.error !== undefined || (errcode !== undefined && errcode !== 0);
		if (!failed) continue;
		count++;
		sample ??= JSON.stringify(json).slice(0, 200);
	}
	return { count, sample };
}

/** A timed engine run as a path's outcome: its times, failures and the most requests in flight. */
export function engineOutcome(
	run: { items: INodeExecutionData[]; error?: Error },
	expected: number,
	measured: { wallMs: number; cpuMs: number; maxInFlight: number },
	notes: string[],
): PathOutcome {
	const failures = countFailures(run.items, expected, run.error);
	return {
		...measured,
		outputItems: run.items.length,
		failedItems: failures.count,
		failureSample: failures.sample,
		notes,
	};
}
