/**
 * Runs `task(0..count-1)` with at most `limit` in flight. After the first failure no new
 * task starts; the ones in flight finish (their messages may already be on the way), then
 * the failure is rethrown.
 */
export async function forEachConcurrently(
	count: number,
	limit: number,
	task: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (!failure && next < count) {
			const index = next++;
			try {
				await task(index);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
	if (failure) throw failure.error;
}

/** Lets at most `limit` tasks run at a time, over every caller that shares it; the rest wait in order. */
export class ConcurrencyGate {
	private running = 0;
	private readonly waiting: Array<{ start: () => void; cancel: (reason: unknown) => void }> = [];

	constructor(private readonly limit: number) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.running < this.limit) this.running++;
		// A finishing task hands its place straight to the next one in line.
		else await new Promise<void>((start, cancel) => this.waiting.push({ start, cancel }));
		try {
			return await task();
		} finally {
			const next = this.waiting.shift();
			if (next) next.start();
			else this.running--;
		}
	}

	/** Every task still waiting for its turn fails with `reason` without running. */
	cancelWaiting(reason: unknown): void {
		for (const waiter of this.waiting.splice(0)) waiter.cancel(reason);
	}
}
