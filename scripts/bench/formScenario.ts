/**
 * What a form costs: our node with N of its 20 form fields as item expressions, N = 0, 5, 20,
 * runs interleaved. The cost of one expression is the extra client CPU (and wall time) over
 * N = 0, divided by N and by the items.
 */
import { measure } from './measure';
import type { Measurement } from './measure';
import { describe, job } from './scenarios';
import type { BenchContext } from './scenarios';
import { median } from './stats';

export const FORM_EXPRESSION_COUNTS = [0, 5, 20] as const;

export interface FormRow {
	expressions: number;
	items: number;
	medianWallMs: number;
	medianCpuMs: number;
	failedItems: number;
	/** Extra client CPU per expression per item over N = 0; undefined for N = 0. */
	cpuMsPerExpressionItem?: number;
	wallMsPerExpressionItem?: number;
}

export interface FormResult {
	rows: FormRow[];
	runs: Record<number, Measurement[]>;
}

export async function formExpressions(context: BenchContext): Promise<FormResult> {
	const items = context.config.formItems;
	const runs: Record<number, Measurement[]> = Object.fromEntries(FORM_EXPRESSION_COUNTS.map((n) => [n, []]));
	for (let round = 1; round <= context.config.runs; round++) {
		for (const expressions of FORM_EXPRESSION_COUNTS) {
			const run = await measure(context.sandbox, context.runner, {
				...job(context, 'form', items),
				formExpressions: expressions,
			});
			runs[expressions].push(run);
			context.progress(`round ${round}/${context.config.runs} form, ${expressions} expressions: ${describe(run)}`);
		}
	}
	const medians = (expressions: number) => ({
		wallMs: median(runs[expressions].map((run) => run.wallMs)),
		cpuMs: median(runs[expressions].map((run) => run.cpuMs)),
	});
	const base = medians(0);
	const rows = FORM_EXPRESSION_COUNTS.map((expressions): FormRow => {
		const { wallMs, cpuMs } = medians(expressions);
		const perExpressionItem = (ms: number, baseMs: number) =>
			expressions ? (ms - baseMs) / expressions / items : undefined;
		return {
			expressions,
			items,
			medianWallMs: wallMs,
			medianCpuMs: cpuMs,
			failedItems: Math.max(...runs[expressions].map((run) => run.failedItems)),
			cpuMsPerExpressionItem: perExpressionItem(cpuMs, base.cpuMs),
			wallMsPerExpressionItem: perExpressionItem(wallMs, base.wallMs),
		};
	});
	return { rows, runs };
}
