/**
 * The fault suite (test/harness/faultSuite.ts, also run by `npm run bench`): many sends through
 * the engine while the sandbox misbehaves the ways WeCom and networks do, including an outage of
 * WeCom's front end. Every item is accounted for from the sandbox's own records: delivered
 * exactly once, or failed with a clear error in its output. Goal: 0 duplicated, 0 lost.
 * `npm run test:faults` runs it bigger (FAULT_SUITE_ITEMS).
 */
import { FAULT_SUITE_SANDBOX, runFaultSuite } from '../harness/faultSuite';
import { startEngineFixture } from './fixtures';

const ITEMS = Number(process.env.FAULT_SUITE_ITEMS ?? 400);

it(`accounts for every one of ${ITEMS} sends under faults and a WeCom outage`, async () => {
	const fixture = await startEngineFixture(FAULT_SUITE_SANDBOX);

	const { outcome, outputItems, stats, connections } = await runFaultSuite(fixture, ITEMS);
	console.log(
		`fault suite: ${JSON.stringify(outcome)}; faults fired ${stats.faultsFired}, ` +
			`duplicates suppressed by WeCom's check ${stats.duplicateSuppressed}, gettoken ${stats.gettoken}, ` +
			`connections ${connections.opened}`,
	);

	expect(outputItems).toBe(ITEMS);
	expect(outcome.duplicated).toBe(0);
	expect(outcome.lost).toBe(0);
	expect(outcome.unclearError).toBe(0);
	expect(outcome.delivered + outcome.failedWithError).toBe(ITEMS);
	expect(stats.faultsFired).toBeGreaterThan(ITEMS / 10);
	await fixture.close();
});
