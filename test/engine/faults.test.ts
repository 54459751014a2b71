/**
 * The fault suite: many sends through the engine while the sandbox misbehaves the ways WeCom
 * and networks do. Every item is accounted for from the sandbox's own records: delivered
 * exactly once, or failed with a clear error in its output. Goal: 0 duplicated, 0 lost.
 * `npm run test:faults` runs it bigger (FAULT_SUITE_ITEMS).
 */
import type { FaultSpec, Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { registerSecret } from '../harness';
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

function addFaults(sandbox: Sandbox) {
	for (const fault of FAULTS) sandbox.faults.add(fault);
}

async function waitFor(condition: () => boolean) {
	while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

it(`accounts for every one of ${ITEMS} sends under faults and a sandbox restart`, async () => {
	const fixture = await startEngineFixture({ seed: 7 });
	addFaults(fixture.sandbox);
	const port = Number(new URL(fixture.sandbox.url).port);
	const sandboxes: Sandbox[] = [fixture.sandbox];

	// Restart the sandbox once a third of the cards went out: connections are refused for a
	// moment, and the new instance knows none of the old tokens.
	const restart = (async () => {
		await waitFor(() => fixture.sandbox.stats().calls[SEND] >= ITEMS / 3);
		for (const token of fixture.sandbox.issuedTokens()) registerSecret(token);
		const records = fixture.sandbox.messages();
		await fixture.sandbox.close();
		await new Promise((resolve) => setTimeout(resolve, 50));
		const restarted = await startSandbox({ port, seed: 8 });
		addFaults(restarted);
		sandboxes.push(restarted);
		return { records, restarted };
	})();

	const run = await fixture.runCardNode(
		{
			...textNoticeParameters('alice', '={{ "Card " + $json.index }}'),
			options: { maxAttempts: 6, retryBaseDelayMs: 5, rateLimitPauseSeconds: 0.05, requestTimeoutMs: 2000 },
		},
		emptyItems(ITEMS),
		true,
	);
	const { records, restarted } = await restart;
	const deliveries = [...records, ...restarted.messages()].filter(
		(message) => message.action === 'send' && message.duplicateOf === undefined,
	);

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
	const stats = [fixture.sandbox.stats(), restarted.stats()];
	console.log(
		`fault suite: ${JSON.stringify(outcome)}; faults fired ${stats[0].faultsFired + stats[1].faultsFired}, ` +
			`duplicates suppressed by WeCom's check ${stats[0].duplicateSuppressed + stats[1].duplicateSuppressed}, ` +
			`gettoken ${stats[0].gettoken + stats[1].gettoken}`,
	);

	expect(run.items).toHaveLength(ITEMS);
	expect(outcome.duplicated).toBe(0);
	expect(outcome.lost).toBe(0);
	expect(outcome.unclearError).toBe(0);
	expect(outcome.delivered + outcome.failedWithError).toBe(ITEMS);
	expect(stats[0].faultsFired + stats[1].faultsFired).toBeGreaterThan(ITEMS / 10);

	for (const sandbox of sandboxes.slice(1)) {
		for (const token of sandbox.issuedTokens()) registerSecret(token);
		await sandbox.close();
	}
});
