/**
 * The timed comparison again on the runtime users run: the children on the Node 24 that `npm
 * start` installs in its cache, with n8n 2.41's default expression engine ('vm', isolated-vm)
 * started as n8n starts it. The in-process run (this Node, n8n-workflow's legacy engine) stays
 * next to it: its figures are the ones earlier READMEs compare with.
 */
import type { PathName } from './job';
import type { Measurement } from './measure';
import { ratiosOf, summarisePath } from './report/summary';
import type { PathSummary, Ratios } from './report/summary';
import { timedComparison, TIMED_PATHS } from './scenarios';
import type { BenchContext } from './scenarios';
import type { ChildRunner } from './runChild';

export interface RuntimeSection {
	label: string;
	summaries: PathSummary[];
	ratios: Ratios;
	runs: Record<PathName, Measurement[]>;
}

export async function realRuntimeComparison(
	context: BenchContext,
	runner: ChildRunner,
	nodeVersion: string,
): Promise<RuntimeSection> {
	const label = `Node ${nodeVersion}, n8n's vm expression engine`;
	const runs = await timedComparison({
		...context,
		runner,
		expressionEngine: 'vm',
		progress: (line) => context.progress(`${label}: ${line}`),
	});
	const summaries = Object.fromEntries(TIMED_PATHS.map((path) => [path, summarisePath(path, runs[path])])) as Record<
		PathName,
		PathSummary
	>;
	const ratios = ratiosOf(summaries);
	return {
		label,
		summaries: TIMED_PATHS.map((path) => summaries[path]),
		ratios,
		runs,
	};
}
