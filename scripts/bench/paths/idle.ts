/** A child that runs nothing: its memory figures are what a measurement reads with no work done. */
import type { PathOutcome } from '../job';

export async function runIdle(): Promise<PathOutcome> {
	return { wallMs: 0, cpuMs: 0, outputItems: 0, failedItems: 0, maxInFlight: 0, notes: ['nothing run'] };
}
