/**
 * The fault suite, shared by its test (test/engine/faults.test.ts) and `npm run bench`: many
 * sends through the engine while the sandbox misbehaves the ways WeCom and networks do, with an
 * outage of WeCom's front end once a third of the cards went out. Every item is accounted for
 * from the sandbox's own records: delivered exactly once, or failed with a clear error in its
 * output. Goal: 0 duplicated, 0 lost.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type {
	ConnectionCounts,
	DeliveredMessage,
	FaultSpec,
	Sandbox,
	SandboxOptions,
	SandboxStats,
} from '../../sandbox';
import type { NodeRun } from './engineHarness';

const SEND = '/cgi-bin/message/send';

/** All cards go to one member within seconds: the suite counts sends, not WeCom's per-member limit. */
export const FAULT_SUITE_SANDBOX: SandboxOptions = { seed: 7, memberLimits: false };

export const FAULT_SUITE_FAULTS: FaultSpec[] = [
	{ kind: 'invalidateTokens', path: SEND, every: 100 },
	{ kind: 'errcode', errcode: -1, path: SEND, probability: 0.1 },
	{ kind: 'errcode', errcode: 45009, path: SEND, every: 41 },
	{ kind: 'errcode', errcode: 45009, path: SEND, every: 43 },
	{ kind: 'http5xx', status: 502, path: SEND, probability: 0.03 },
	{ kind: 'slow', delayMs: 40, path: SEND, probability: 0.05 },
	{ kind: 'dropAfterAccept', path: SEND, probability: 0.03 },
];

/** Item i sends a text_notice titled 'Card i' to alice, with retries tuned for the injected faults. */
export const FAULT_SUITE_CARD: INodeParameters = {
	resource: 'message',
	operation: 'sendTemplateCard',
	toUser: 'alice',
	cardInput: 'form',
	cardType: 'text_notice',
	title: '={{ "Card " + $json.index }}',
	cardActionType: 1,
	cardActionUrl: 'https://example.com/deploys/42',
	options: { maxAttempts: 6, retryBaseDelayMs: 5, rateLimitPauseSeconds: 0.05, requestTimeoutMs: 5000 },
};

export interface FaultSuiteFixture {
	sandbox: Sandbox;
	runCardNode(parameters: INodeParameters, items?: INodeExecutionData[], continueOnFail?: boolean): Promise<NodeRun>;
}

export interface FaultSuiteOutcome {
	sent: number;
	delivered: number;
	duplicated: number;
	lost: number;
	failedWithError: number;
	/** Failed items whose error names neither WeCom nor the request. */
	unclearError: number;
}

export interface FaultSuiteResult {
	outcome: FaultSuiteOutcome;
	outputItems: number;
	stats: SandboxStats;
	connections: ConnectionCounts;
}

async function waitFor(condition: () => boolean): Promise<void> {
	while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Item i is 'Card i': how often the sandbox delivered it against what the node's output says. */
export function accountFor(runItems: INodeExecutionData[], messages: DeliveredMessage[]): FaultSuiteOutcome {
	const deliveredTimes = new Map<string, number>();
	for (const message of messages) {
		if (message.action !== 'send' || message.duplicateOf !== undefined) continue;
		const title = String((message.template_card as { main_title: { title: string } }).main_title.title);
		deliveredTimes.set(title, (deliveredTimes.get(title) ?? 0) + 1);
	}
	const outcome = { sent: runItems.length, delivered: 0, duplicated: 0, lost: 0, failedWithError: 0, unclearError: 0 };
	runItems.forEach((item, index) => {
		const times = deliveredTimes.get(`Card ${index}`) ?? 0;
		if (times > 1) outcome.duplicated++;
		if (item.json.error) {
			outcome.failedWithError++;
			if (!String(item.json.error).match(/WeCom|request/)) outcome.unclearError++;
		} else if (times === 0) outcome.lost++;
		else outcome.delivered++;
	});
	return outcome;
}

/** Runs the suite over `items` cards on a fixture whose sandbox was started with FAULT_SUITE_SANDBOX. */
export async function runFaultSuite(fixture: FaultSuiteFixture, items: number): Promise<FaultSuiteResult> {
	const { sandbox } = fixture;
	for (const fault of FAULT_SUITE_FAULTS) sandbox.faults.add(fault);

	// Once a third of the cards went out, WeCom's front end restarts: connections in flight are
	// dropped (some after the message was accepted) and new ones are refused for a moment.
	const outage = (async () => {
		await waitFor(() => (sandbox.stats().calls[SEND] ?? 0) >= items / 3);
		await sandbox.outage(100);
	})();

	const inputs = Array.from({ length: items }, (_, index) => ({ json: { index } }));
	const run = await fixture.runCardNode(FAULT_SUITE_CARD, inputs, true);
	await outage;
	return {
		outcome: accountFor(run.items, sandbox.messages()),
		outputItems: run.items.length,
		stats: sandbox.stats(),
		connections: sandbox.connections(),
	};
}
