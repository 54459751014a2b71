/**
 * The fault suite: many sends through the engine while the sandbox misbehaves the ways WeCom
 * and networks do, including an outage of WeCom's front end. Every item is accounted for from
 * the sandbox's own records: delivered exactly once, or failed with a clear error in its
 * output. Goal: 0 duplicated, 0 lost.
 * `npm run test:faults` runs it bigger (FAULT_SUITE_ITEMS).
 */
import type { FaultSpec } from '../../sandbox';
import { emptyItems, startEngineFixture, textNoticeParameters } from './fixtures';

const ITEMS = Number(process.env.FAULT_SUITE_ITEMS ?? 400);
const SEND = '/cgi-bin/message/send';

const FAULTS: FaultSpec[] = [
	{ kind: 'invalidateTokens', path: SEND, every: 100 },
	{ kind: 'errcode', errcode: -1, path: SEND, probability: 0.1 },
	{ kind: 'errcode', errcode: 45009, path: SEND, every: 41 },
	{ kind: 'errcode', errcode: 45009, path: SEND, every: 43 },
	{ kind: 'http5xx', status: 502, path: SEND, probability: 0.03 },
	{ kind: 'slow', delayMs: 40, path: SEND, probability: 0.05 },
	{ kind: 'dropAfterAccept', path: SEND, probability: 0.03 },
];

async function waitFor(condition: () => boolean) {
	while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

it(`accounts for every one of ${ITEMS} sends under faults and a WeCom outage`, async () => {
	// All cards go to one member within seconds: this suite counts sends, not WeCom's per-member limit.
	const fixture = await startEngineFixture({ seed: 7, memberLimits: false });
	for (const fault of FAULTS) fixture.sandbox.faults.add(fault);

	// Once a third of the cards went out, WeCom's front end restarts: connections in flight are
	// dropped (some after the message was accepted) and new ones are refused for a moment.
	const outage = (async () => {
		await waitFor(() => (fixture.sandbox.stats().calls[SEND] ?? 0) >= ITEMS / 3);
		await fixture.sandbox.outage(100);
	})();

	const run = await fixture.runCardNode(
		{
			...textNoticeParameters('alice', '={{ "Card " + $json.index }}'),
			options: { maxAttempts: 6, retryBaseDelayMs: 5, rateLimitPauseSeconds: 0.05, requestTimeoutMs: 5000 },
		},
		emptyItems(ITEMS),
		true,
	);
	await outage;
	const deliveries = fixture.sandbox
		.messages()
		.filter((message) => message.action === 'send' && message.duplicateOf === undefined);

	const deliveredTimes = new Map<string, number>();
	for (const message of deliveries) {
		const title = String((message.template_card as { main_title: { title: string } }).main_title.title);
		deliveredTimes.set(title, (deliveredTimes.get(title) ?? 0) + 1);
	}
	const outcome = { sent: ITEMS, delivered: 0, duplicated: 0, lost: 0, failedWithError: 0, unclearError: 0 };
	run.items.forEach((item, index) => {
		const times = deliveredTimes.get(`Card ${index}`) ?? 0;
		if (times > 1) outcome.duplicated++;
		if (item.json.error) {
			outcome.failedWithError++;
			if (!String(item.json.error).match(/WeCom|request/)) outcome.unclearError++;
		} else if (times === 0) outcome.lost++;
		else outcome.delivered++;
	});
	const stats = fixture.sandbox.stats();
	console.log(
		`fault suite: ${JSON.stringify(outcome)}; faults fired ${stats.faultsFired}, ` +
			`duplicates suppressed by WeCom's check ${stats.duplicateSuppressed}, gettoken ${stats.gettoken}`,
	);

	expect(run.items).toHaveLength(ITEMS);
	expect(outcome.duplicated).toBe(0);
	expect(outcome.lost).toBe(0);
	expect(outcome.unclearError).toBe(0);
	expect(outcome.delivered + outcome.failedWithError).toBe(ITEMS);
	expect(stats.faultsFired).toBeGreaterThan(ITEMS / 10);
	await fixture.close();
});
