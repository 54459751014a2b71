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
	/** Least-squares slope of client CPU ms per item over N, every run a point: one expression's cost. */
	cpuMsPerExpressionItemFit: number;
	/** Lowest and highest client CPU ms per item of the N = 0 runs: differences below this spread are noise. */
	baselineCpuMsPerItemRange: [number, number];
	runs: Record<number, Measurement[]>;
}

/** Slope of the least-squares line through the points. */
function slope(points: Array<[number, number]>): number {
	const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
	const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
	const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
	const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
	return covariance / variance;
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
	const points = FORM_EXPRESSION_COUNTS.flatMap((expressions) =>
		runs[expressions].map((run): [number, number] => [expressions, run.cpuMs / items]),
	);
	const baseline = runs[0].map((run) => run.cpuMs / items);
	return {
		rows,
		runs,
		cpuMsPerExpressionItemFit: slope(points),
		baselineCpuMsPerItemRange: [Math.min(...baseline), Math.max(...baseline)],
	};
}
