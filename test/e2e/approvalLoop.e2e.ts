/**
 * Round trips through a real n8n 2.41.1 (scripts/n8n/stack.ts), over HTTP as WeCom and a phone would:
 * 1. examples/approval-loop.workflow.json: the start webhook sends a button card, the recipient
 *    clicks Approve in the sandbox, the sandbox POSTs the encrypted event to the WeCom Trigger's
 *    production webhook, and the Update Template Card node greys the card out as "Approved".
 * 2. Send and wait: the card's Approve button opens n8n's signed resume URL, the waiting execution
 *    resumes with `approved: true` and goes on.
 */
import type { DeliveredMessage } from '../../sandbox';
import { startStack } from '../../scripts/n8n/stack';
import type { Stack } from '../../scripts/n8n/stack';
import { loadExample } from './exampleExpectations';
import { selectedVersion } from '../../scripts/n8n/versions';

/** WECOM_N8N_VERSION, else the default (scripts/n8n/versions.ts). */
const N8N_UNDER_TEST = selectedVersion();

const timings: Array<[string, number]> = [];
let stack: Stack;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const since = Date.now();
	try {
		return await work();
	} finally {
		timings.push([label, (Date.now() - since) / 1000]);
	}
}

/** Polls `probe` until it returns something, or fails after `timeoutMs`. */
async function until<T>(
	what: string,
	probe: () => Promise<T | undefined> | T | undefined,
	timeoutMs = 15_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** POSTs JSON to a webhook; retried while n8n still registers a freshly published webhook (404). */
async function postWebhook(url: string, body: unknown): Promise<{ status: number; text: string }> {
	return await until(`${url} to answer`, async () => {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		return response.status === 404 ? undefined : { status: response.status, text };
	});
}

const cardOf = (message: DeliveredMessage) =>
	message.template_card as {
		card_type: string;
		main_title?: { title?: string };
		button_list?: Array<{ text: string; key?: string; url?: string }>;
	};

/** The first card sent to `userid` with this title, once the sandbox has it. */
const sentCard = (userid: string, title: string) =>
	until(`a card "${title}" for ${userid}`, () =>
		stack.sandbox
			.messages()
			.find(
				(message) =>
					message.action === 'send' && message.touser.includes(userid) && cardOf(message)?.main_title?.title === title,
			),
	);

const greyedAs = (userid: string, msgid: string, label: string) =>
	until(`${userid}'s card ${msgid} to show "${label}"`, () =>
		stack.sandbox.cardsFor(userid).find((card) => card.msgid === msgid && card.replaceName === label),
	);

type RunOf = Array<{
	data: {
		main: Array<Array<{ json: Record<string, Record<string, unknown>> }>>;
	};
}>;

/** n8n stores run data with `flatted`: one array, every object and string referenced by its index. */
function unflatten(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const revived = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		const value = table[index];
		if (typeof value !== 'object' || value === null) return value;
		if (revived.has(index)) return revived.get(index);
		const out: Record<string, unknown> = Array.isArray(value) ? ([] as unknown as Record<string, unknown>) : {};
		revived.set(index, out);
		for (const [key, item] of Object.entries(value)) out[key] = typeof item === 'string' ? revive(Number(item)) : item;
		return out;
	};
	return revive(0);
}

beforeAll(async () => {
	stack = await timed('set-up (stack)', () => startStack({ n8nPort: 0, sandboxPort: 0 }));
});

afterAll(async () => {
	await stack?.close();
	const lines = timings.map(([label, seconds]) => `${seconds.toFixed(1).padStart(7)} s  ${label}`);
	process.stdout.write(`\napproval-loop e2e timings\n${lines.join('\n')}\n`);
});

describe(`n8n ${N8N_UNDER_TEST.version}: WeCom callbacks and send-and-wait over HTTP`, () => {
	it('examples/approval-loop.workflow.json: Approve clicked in WeCom greys the card out as "Approved"', async () => {
		const workflow = loadExample('approval-loop.workflow.json');
		expect(stack.workflows.find((imported) => imported.file === 'approval-loop.workflow.json')).toEqual(
			expect.objectContaining({ published: true }),
		);
		const start = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
		const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-wecom-card.weComTrigger');
		// The WeCom Trigger's webhooks have the path 'webhook' under the node's webhookId.
		const callbackUrl = `${stack.server.url}/webhook/${trigger?.webhookId}/webhook`;
		stack.sandbox.setCallbackConfig({ url: callbackUrl });

		const user = 'carol';
		const title = 'Purchase request';
		const answer = await timed('POST the approval-loop start webhook', () =>
			postWebhook(`${stack.server.url}/webhook/${start?.parameters.path}`, {
				approver: user,
				amount: '¥ 42.00',
				reason: 'Cables',
			}),
		);
		expect(answer.status).toBe(200);
		const sent = await timed('  button card delivered', () => sentCard(user, title));
		expect(cardOf(sent).card_type).toBe('button_interaction');
		const msgid = String(sent.msgid);
		expect(JSON.parse(answer.text)).toEqual(expect.objectContaining({ msgid }));

		const click = await timed('click Approve (encrypted POST to the WeCom Trigger)', () =>
			stack.sandbox.click({ userid: user, msgid, eventKey: 'approve' }),
		);
		expect(click.delivery.url).toBe(callbackUrl);
		expect(click.delivery.delivered).toBe(true);
		expect(click.delivery.attempts.map((attempt) => attempt.status)).toEqual([200]);

		const card = await timed('  card greyed out by Update Template Card', () => greyedAs(user, msgid, 'Approved'));
		expect(card.recalled).toBe(false);
		const updates = stack.sandbox.messages().filter((message) => message.action === 'update');
		expect(updates).toHaveLength(1);
		expect(stack.sandbox.callbackDeliveries().map((delivery) => delivery.delivered)).toEqual([true]);
	});

	it('send and wait: opening the Approve button URL resumes the execution with approved: true', async () => {
		// examples/send-and-wait.workflow.json, imported and published by the stack.
		const title = 'Ship 2.4?';
		const answer = await timed('POST the send-and-wait start webhook', () =>
			postWebhook(`${stack.server.url}/webhook/wecom/send-and-wait`, { title }),
		);
		expect(answer.status).toBe(200);
		const sent = await timed('  send-and-wait card delivered', () => sentCard('alice', title));
		const approve = cardOf(sent).button_list?.find((button) => button.text === 'Approve')?.url;
		expect(approve).toEqual(expect.stringContaining(`${stack.server.url}/webhook-waiting/`));

		// The card arrives while n8n still saves the execution as waiting. Tapped within those
		// milliseconds, n8n answers 409 "is running already" or, in 1.123.81, which writes the status
		// before the run data, HTTP 500. A person taps seconds later: wait until n8n has stored it.
		const filter = encodeURIComponent(JSON.stringify({ workflowId: 'wecomSendAndWait1' }));
		let seen = 'no execution';
		await timed('  execution stored as waiting', () =>
			until('the execution to be stored as waiting', async () => {
				const list = await stack.rest.data<{ results: Array<{ id: string; status: string }> }>(
					'GET',
					`/rest/executions?filter=${filter}`,
				);
				const failed = list.results.find((execution) => execution.status === 'error');
				if (failed) {
					const stored = await stack.rest.data<{ data: string }>('GET', `/rest/executions/${failed.id}`);
					const { resultData } = unflatten(stored.data) as { resultData: { error?: unknown } };
					throw new Error(`execution ${failed.id} failed: ${JSON.stringify(resultData.error).slice(0, 1500)}`);
				}
				const waiting = list.results.find((execution) => execution.status === 'waiting');
				seen = JSON.stringify(list.results);
				if (!waiting) return undefined;
				const stored = await stack.rest.data<{ data: string }>('GET', `/rest/executions/${waiting.id}`);
				const { resultData } = unflatten(stored.data) as {
					resultData: { lastNodeExecuted?: string; runData: Record<string, unknown> };
				};
				seen += ` lastNodeExecuted=${resultData.lastNodeExecuted} runData=${Object.keys(resultData.runData)}`;
				return resultData.lastNodeExecuted === 'Ask' ? waiting : undefined;
			}).catch((error: Error) => {
				throw new Error(`${error.message}; last seen: ${seen}`);
			}),
		);
		const page = await timed('GET the Approve URL (as the WeCom browser)', async () => {
			const response = await fetch(String(approve), {
				headers: { 'user-agent': 'Mozilla/5.0 wxwork/4.1' },
			});
			return {
				status: response.status,
				type: response.headers.get('content-type'),
				html: await response.text(),
			};
		});
		expect([page.status, page.status === 200 ? '' : page.html.slice(0, 300)]).toEqual([200, '']);
		expect(page.type).toMatch(/text\/html/);
		expect(page.html).toMatch(/<html/i);

		await timed('  card greyed out as "Approved"', () => greyedAs('alice', String(sent.msgid), 'Approved'));
		const finished = await timed('  execution finished', () =>
			until('the execution to finish', async () => {
				const list = await stack.rest.data<{
					results: Array<{ id: string; status: string }>;
				}>('GET', `/rest/executions?filter=${filter}`);
				return list.results.find(
					(execution) => execution.status !== 'waiting' && execution.status !== 'running' && execution.status !== 'new',
				);
			}),
		);
		expect(finished.status).toBe('success');
		const execution = await stack.rest.data<{ data: string }>('GET', `/rest/executions/${finished.id}`);
		const { runData } = (
			unflatten(execution.data) as {
				resultData: { runData: Record<string, RunOf> };
			}
		).resultData;
		expect(runData.Ask[0].data.main[0][0].json.data).toEqual(
			expect.objectContaining({ approved: true, value: 'approve' }),
		);
		expect(runData.After[0].data.main[0]).toHaveLength(1);
	});
});
