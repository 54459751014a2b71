/**
 * The package in a real n8n 2.41.1, installed from its `npm pack` tarball the way n8n installs
 * community packages, wired to the WeCom sandbox (see scripts/n8n/stack.ts):
 * n8n lists our types, the credential Test passes, every example runs with `n8n execute` and
 * every published webhook sends, and the sandbox receives exactly the expected cards.
 */
import { DEMO_ROBOT_KEY, DEMO_SECRET } from '../../sandbox/demo';
import type { DeliveredMessage } from '../../sandbox';
import { executeWorkflow } from '../../scripts/n8n/cli';
import { EXAMPLE_CREDENTIAL } from '../../scripts/n8n/examples';
import { startStack } from '../../scripts/n8n/stack';
import type { Stack } from '../../scripts/n8n/stack';
import { APP_SEND, asSent, cardNodeOf, EXAMPLES, loadExample } from './exampleExpectations';
import type { ExpectedSend } from './exampleExpectations';
import { operationsWorkflow } from './operationsWorkflow';
import { selectedVersion } from '../../scripts/n8n/versions';

/** WECOM_N8N_VERSION, else the default (scripts/n8n/versions.ts). */
const N8N_UNDER_TEST = selectedVersion();

const timings: Array<[string, number]> = [];
const printed: string[] = [];
/** n8n's own trouble that did not fail a check (see executeWorkflow), reported with the timings. */
const warnings: string[] = [];
let stack: Stack;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const since = Date.now();
	try {
		return await work();
	} finally {
		timings.push([label, (Date.now() - since) / 1000]);
	}
}

/** Messages the sandbox accepted while `work` ran. */
async function sentDuring(work: () => Promise<void>): Promise<DeliveredMessage[]> {
	const before = stack.sandbox.messages().length;
	await work();
	return stack.sandbox.messages().slice(before);
}

function expectExactly(messages: DeliveredMessage[], expected: ExpectedSend): void {
	expect(messages.map(asSent)).toEqual([{ ...APP_SEND, ...expected }]);
}

beforeAll(async () => {
	stack = await timed('set-up (runtime, build, pack, install, sandbox, import, n8n start, owner, publish)', () =>
		startStack({ n8nPort: 0, sandboxPort: 0 }),
	);
	timings.push(...stack.timings.map(([step, seconds]): [string, number] => [`  ${step}`, seconds]));
});

afterAll(async () => {
	const rss = stack?.server.rssMb();
	if (stack) printed.push(stack.server.output());
	await stack?.close();
	const lines = timings.map(([label, seconds]) => `${seconds.toFixed(1).padStart(7)} s  ${label}`);
	if (rss)
		lines.push(`n8n RSS (main process + task runner): ${stack.rssAtReadyMb} MB when ready, ${rss} MB after the runs`);
	lines.push(...warnings.map((warning) => `warning: ${warning}`));
	process.stdout.write(`\ne2e timings\n${lines.join('\n')}\n`);
});

describe(`n8n ${N8N_UNDER_TEST.version} with n8n-nodes-wecom-card installed from its tarball`, () => {
	it('lists every node and credential type the package declares, with working icons', async () => {
		const nodes = await stack.rest.request<Array<{ name: string; iconUrl?: unknown }>>('GET', '/types/nodes.json');
		const credentials = await stack.rest.request<Array<{ name: string }>>('GET', '/types/credentials.json');
		expect(nodes.status).toBe(200);
		expect(credentials.status).toBe(200);
		expect(stack.types.nodes.length).toBeGreaterThan(0);
		expect(nodes.body.map((node) => node.name)).toEqual(expect.arrayContaining(stack.types.nodes));
		expect(credentials.body.map((credential) => credential.name)).toEqual(
			expect.arrayContaining(stack.types.credentials),
		);

		// Icons come from the tarball: a file missing from `files` would show as a broken image.
		const ours = nodes.body.filter((node) => stack.types.nodes.includes(node.name));
		const iconUrls = ours.flatMap((node) =>
			typeof node.iconUrl === 'string' ? [node.iconUrl] : Object.values((node.iconUrl ?? {}) as Record<string, string>),
		);
		expect(iconUrls.length).toBeGreaterThan(0);
		for (const iconUrl of iconUrls) {
			const response = await fetch(`${stack.server.url}/${iconUrl}`);
			expect([iconUrl, response.status]).toEqual([iconUrl, 200]);
		}
	});

	it("runs the WeCom API credential's Test against the sandbox: a wrong secret is explained, also once a token is stored", async () => {
		const bad = await stack.rest.testCredential(EXAMPLE_CREDENTIAL.id, { corpSecret: 'not-the-secret' });
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/errcode 40001/);

		const good = await timed('credential test (REST)', () => stack.rest.testCredential(EXAMPLE_CREDENTIAL.id));
		expect(good).toEqual(expect.objectContaining({ status: 'OK' }));

		// n8n 2.41.1 now has a token stored and skips preAuthentication: the Test's own gettoken
		// request must still catch a secret that was reset.
		const stats = stack.sandbox.stats();
		const reset = await stack.rest.testCredential(EXAMPLE_CREDENTIAL.id, { corpSecret: 'reset-in-the-console' });
		expect(reset.status).toBe('Error');
		expect(reset.message).toMatch(/errcode 40001/);
		expect(stack.sandbox.stats().gettoken).toBe(stats.gettoken + 1);
	});

	describe.each(EXAMPLES.map((example) => [example.file, example] as const))('examples/%s', (file, example) => {
		it('runs with `n8n execute` and sends exactly the expected card', async () => {
			const cardNode = cardNodeOf(loadExample(file));
			let result: Awaited<ReturnType<typeof executeWorkflow>> | undefined;
			const messages = await sentDuring(async () => {
				result = await timed(`n8n execute --id=${example.workflowId}`, async () =>
					executeWorkflow(stack.runtime, await stack.sideProcessEnv(), example.workflowId),
				);
			});
			printed.push(result?.output ?? '');
			if (result?.crashedOnExit) {
				warnings.push(
					`n8n execute --id=${example.workflowId} crashed with ${result.crashedOnExit} while exiting, after a successful run`,
				);
			}
			expect(result?.run.status).toBe('success');
			const output = result?.run.data.resultData.runData[cardNode.name]?.[0]?.data?.main?.[0] ?? [];
			expect(output).toHaveLength(1);
			expect(output[0].json.msgid).toEqual(expect.any(String));
			expectExactly(messages, example.manual);
		});

		if (example.webhook) {
			const { path, body, sends } = example.webhook;
			it(`is published and POST /webhook/${path} sends exactly the expected card`, async () => {
				expect(stack.workflows.find((workflow) => workflow.file === file)).toEqual(
					expect.objectContaining({ published: true }),
				);
				let answer: { status: number; json: Record<string, unknown> } | undefined;
				const messages = await sentDuring(async () => {
					answer = await timed(`POST /webhook/${path}`, async () => {
						const response = await fetch(`${stack.server.url}/webhook/${path}`, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: JSON.stringify(body),
						});
						return { status: response.status, json: (await response.json()) as Record<string, unknown> };
					});
				});
				expect(answer?.status).toBe(200);
				expect(answer?.json.msgid).toEqual(expect.any(String));
				expectExactly(messages, sends);
			});
		}
	});
});

describe('the operations not in an example (published webhook: app send, recall; group robot send)', () => {
	it('sends an app card, recalls it by its msgid, and posts a card through the group robot', async () => {
		const path = 'wecom-e2e/operations';
		const workflow = await stack.rest.data<{ id: string }>('POST', '/rest/workflows', operationsWorkflow(path));
		await stack.rest.publishWorkflow(workflow.id);
		let answer: { status: number; json: Record<string, unknown> } | undefined;
		const messages = await sentDuring(async () => {
			answer = await timed(`POST /webhook/${path} (send, recall, robot send)`, async () => {
				for (let attempt = 0; ; attempt++) {
					const response = await fetch(`${stack.server.url}/webhook/${path}`, { method: 'POST' });
					// A freshly published webhook may answer 404 for a moment.
					if (response.status !== 404 || attempt >= 40) {
						return { status: response.status, json: (await response.json()) as Record<string, unknown> };
					}
					await new Promise((resolve) => setTimeout(resolve, 250));
				}
			});
		});
		expect(answer?.status).toBe(200);
		const [sent, recalled, robot] = messages;
		expect(messages.map((message) => [message.kind, message.action])).toEqual([
			['app', 'send'],
			['app', 'recall'],
			['robot', 'send'],
		]);
		expect(recalled.msgid).toBe(sent.msgid);
		expect(stack.sandbox.cardsFor('alice').find((card) => card.msgid === sent.msgid)?.recalled).toBe(true);
		expect(robot.template_card).toEqual(
			expect.objectContaining({
				card_type: 'text_notice',
				main_title: expect.objectContaining({ title: 'Recalled a card' }),
			}),
		);
	});
});

// Last, so every n8n process has already printed what it will print.
describe('afterwards', () => {
	it('never prints the app secret, the robot key or an access token (n8n log, n8n execute output)', () => {
		const text = [stack.server.output(), ...printed].join('\n');
		const secrets = [DEMO_SECRET, DEMO_ROBOT_KEY, ...stack.sandbox.issuedTokens()];
		expect(stack.sandbox.issuedTokens().length).toBeGreaterThan(0);
		expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
	});
});
