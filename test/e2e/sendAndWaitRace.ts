/**
 * Helpers of sendAndWait.e2e.ts: a published workflow whose webhook starts a send-and-wait card,
 * two taps fired at once at its resume links, and the finished execution read back over n8n's
 * REST API (as the editor shows it).
 */
import type { DeliveredMessage, Sandbox } from '../../sandbox';
import type { N8nRest } from '../../scripts/n8n/rest';

export interface RaceTarget {
	/** n8n's base URL (main process). */
	url: string;
	rest: N8nRest;
	sandbox: Sandbox;
}

export interface Page {
	status: number;
	body: string;
}

export interface WaitingCard {
	executionId: string;
	msgid: string;
	links: Record<string, string>;
}

export const RACE_USERS = ['alice', 'bob'];
export const UPDATE_PATH = '/cgi-bin/message/update_template_card';

export const racePath = (index: number) => `wecom/race-${index}`;

/** Webhook (POST racePath(index)) → send and wait (Approve / Decline to alice and bob) → No Op. */
export function raceWorkflow(
	credential: { id: string; name: string },
	index: number,
	options: Record<string, unknown> = {},
) {
	const id = (n: number) => `7ace0000-0000-4000-8${index}00-${String(n).padStart(12, '0')}`;
	const path = racePath(index);
	return {
		name: `WeCom send-and-wait race (${path})`,
		nodes: [
			{
				id: id(1),
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: id(100),
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			{
				id: id(2),
				name: 'Ask',
				type: 'n8n-nodes-wecom-card.weComTemplateCard',
				typeVersion: 1,
				position: [260, 0],
				credentials: { weComApi: credential },
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					toUser: RACE_USERS.join('|'),
					title: '={{ $json.body.title }}',
					message: 'Two members tap at once',
					options,
				},
			},
			{ id: id(3), name: 'After', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [520, 0], parameters: {} },
		],
		connections: {
			Start: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] },
			Ask: { main: [[{ node: 'After', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

export async function until<T>(
	what: string,
	probe: () => Promise<T | undefined> | T | undefined,
	timeoutMs = 30_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

const titleOf = (message: DeliveredMessage) =>
	(message.template_card as { main_title?: { title?: string } } | undefined)?.main_title?.title;

/** Starts one execution (retried while a freshly published webhook still answers 404) and waits for its card. */
export async function startWaitingCard(target: RaceTarget, path: string, title: string): Promise<WaitingCard> {
	await until(`POST /webhook/${path}`, async () => {
		const response = await fetch(`${target.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ title }),
		});
		await response.text();
		if (response.status === 404) return undefined;
		if (response.status !== 200) throw new Error(`POST /webhook/${path}: HTTP ${response.status}`);
		return true;
	});
	const sent = await until(`the card "${title}"`, () =>
		target.sandbox.messages().find((message) => message.action === 'send' && titleOf(message) === title),
	);
	const buttons = (sent.template_card as { button_list: Array<{ text: string; url: string }> }).button_list;
	const links = Object.fromEntries(buttons.map((button) => [button.text, button.url]));
	const executionId = new URL(buttons[0].url).pathname.split('/')[2];
	// The card leaves before n8n saved the execution as waiting; a tap in between gets n8n's 409.
	await until(`execution ${executionId} to wait`, async () => {
		const { status } = await target.rest.data<{ status: string }>('GET', `/rest/executions/${executionId}`);
		return status === 'waiting' ? true : undefined;
	});
	return { executionId, msgid: String(sent.msgid), links };
}

/** A member's phone: WeCom's in-app browser. */
const WECOM_BROWSER =
	'Mozilla/5.0 (Linux; Android 13; SM-S9180 Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 wxwork/4.1.22 MicroMessenger/7.0.1 NetType/WIFI Language/zh ColorScheme/Light';

/**
 * Opens every link at once (each request is on the wire before any answer is read), the i-th
 * at origins[i] when given (another n8n process serving the same resume URL).
 */
export async function tapAtOnce(links: string[], origins: string[] = []): Promise<Page[]> {
	const at = (link: string, index: number) => {
		const url = new URL(link);
		return origins[index] ? `${origins[index]}${url.pathname}${url.search}` : link;
	};
	const requests = links.map((link, index) => fetch(at(link, index), { headers: { 'user-agent': WECOM_BROWSER } }));
	return await Promise.all(
		requests.map(async (request) => {
			const response = await request;
			return { status: response.status, body: await response.text() };
		}),
	);
}

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

type TaskData = Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>;

export interface FinishedExecution {
	status: string;
	/** Every run of every node: name → output items of each run. */
	outputs: Record<string, Array<Array<Record<string, unknown>>>>;
}

/** Waits until the execution left waiting/running, then reads its run data. */
export async function finishedExecution(
	rest: N8nRest,
	executionId: string,
	timeoutMs = 60_000,
): Promise<FinishedExecution> {
	const execution = await until(
		`execution ${executionId} to finish`,
		async () => {
			const found = await rest.data<{ status: string; data: string }>('GET', `/rest/executions/${executionId}`);
			return ['new', 'running', 'waiting'].includes(found.status) ? undefined : found;
		},
		timeoutMs,
	);
	const runData = (unflatten(execution.data) as { resultData: { runData: Record<string, TaskData> } }).resultData
		.runData;
	const outputs = Object.fromEntries(
		Object.entries(runData).map(([node, tasks]) => [
			node,
			tasks.map((task) => (task.data?.main[0] ?? []).map((item) => item.json)),
		]),
	);
	return { status: execution.status, outputs };
}
