/** Wall time and this process's CPU time of the timed part of a path. */
import { performance } from 'node:perf_hooks';

export interface Stopwatch {
	/** Milliseconds since start. */
	wallMs(): number;
	/** CPU milliseconds (user + system) this process used since start. */
	cpuMs(): number;
}

export function startStopwatch(): Stopwatch {
	const wallStart = performance.now();
	const cpuStart = process.cpuUsage();
	return {
		wallMs: () => performance.now() - wallStart,
		cpuMs: () => {
			const used = process.cpuUsage(cpuStart);
			return (used.user + used.system) / 1000;
		},
	};
}
