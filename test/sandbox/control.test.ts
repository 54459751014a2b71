import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
	callSandbox,
	DEMO_AGENT_ID,
	DEMO_CORP_ID,
	DEMO_SECRET,
	sampleButtonInteraction,
	sampleMultipleInteraction,
	sampleNewsNotice,
	sampleTextNotice,
	sampleTextNoticeWithMenu,
	sampleVoteInteraction,
	sandboxControl,
	startSandbox,
} from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { checkTemplateCard } from '../../nodes/WeCom/shared/card';

describe('sandbox: HTTP control API', () => {
	let sandbox: Sandbox;
	let control: ReturnType<typeof sandboxControl>;

	beforeAll(async () => {
		sandbox = await startSandbox({ clock: () => Date.UTC(2026, 0, 1) });
		control = sandboxControl(sandbox.url);
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.reset());

	async function sendOne(): Promise<string> {
		const { json: t } = await callSandbox(sandbox.url, '/cgi-bin/gettoken', {
			query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
		});
		const { json } = await callSandbox(sandbox.url, '/cgi-bin/message/send', {
			query: { access_token: t.access_token as string },
			body: {
				touser: 'alice',
				msgtype: 'template_card',
				agentid: DEMO_AGENT_ID,
				template_card: sampleButtonInteraction('c-1'),
			},
		});
		return json.msgid as string;
	}

	it('reports health with the configured corps', async () => {
		expect(await control.health()).toMatchObject({
			ok: true,
			corps: [{ corpId: DEMO_CORP_ID, agentIds: [DEMO_AGENT_ID] }],
		});
	});

	it('serves messages, stats, cards and issued tokens', async () => {
		const msgid = await sendOne();
		expect((await control.messages()).map((m) => m.msgid)).toEqual([msgid]);
		expect(await control.stats()).toMatchObject({
			gettoken: 1,
			calls: { '/cgi-bin/gettoken': 1, '/cgi-bin/message/send': 1 },
			errcodes: { '0': 2 },
			tokensIssued: 1,
		});
		expect((await control.cardsFor('alice')).map((c) => c.msgid)).toEqual([msgid]);
		expect(await control.issuedTokens()).toEqual(sandbox.issuedTokens());
	});

	it('resets, invalidates tokens and moves the clock', async () => {
		await sendOne();
		expect(await control.invalidateTokens()).toEqual({ ok: true });
		const stale = sandbox.issuedTokens().at(-1) as string;
		const probe = await callSandbox(sandbox.url, '/cgi-bin/get_api_domain_ip', {
			query: { access_token: stale },
		});
		expect(probe.json.errcode).toBe(40014);
		expect(await control.reset()).toEqual({ ok: true });
		expect(await control.messages()).toEqual([]);
		expect((await control.stats()).gettoken).toBe(0);
		const before = sandbox.now();
		expect((await control.advanceClock(5000)).now).toBe(before + 5000);
	});

	it('answers 404 for unknown routes', async () => {
		expect((await callSandbox(sandbox.url, '/sandbox/nope')).status).toBe(404);
		expect((await callSandbox(sandbox.url, '/cgi-bin/nope')).status).toBe(404);
	});
});

describe('sandbox: sample cards', () => {
	it('are valid for the shared card schema', () => {
		const sendCards = [
			sampleTextNotice(),
			sampleNewsNotice(),
			sampleTextNoticeWithMenu('t1'),
			sampleButtonInteraction('t2'),
			sampleVoteInteraction('t3'),
			sampleMultipleInteraction('t4'),
		];
		for (const card of sendCards) expect(checkTemplateCard(card, 'send')).toMatchObject({ ok: true });
		for (const card of [sampleTextNotice(), sampleNewsNotice()])
			expect(checkTemplateCard(card, 'robot')).toMatchObject({ ok: true });
	});
});

describe('sandbox: CLI', () => {
	it('starts on the given port, prints its URL and the demo ids, and stops on SIGTERM', async () => {
		const root = join(__dirname, '..', '..');
		const child = spawn(process.execPath, [join(root, 'scripts', 'run-ts.js'), 'sandbox/cli.ts', '--port', '0'], {
			cwd: root,
			env: { ...process.env, WECOM_SANDBOX_PORT: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		try {
			const banner = await new Promise<string>((resolve, reject) => {
				let out = '';
				child.stdout.on('data', (chunk: Buffer) => {
					out += chunk.toString();
					if (out.includes('Ctrl+C')) resolve(out);
				});
				child.once('exit', (code) => reject(new Error(`CLI exited early (${code})`)));
			});
			const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string;
			expect(url).toBeDefined();
			expect(banner).toContain(DEMO_CORP_ID);
			expect(banner).toContain(String(DEMO_AGENT_ID));
			expect((await sandboxControl(url).health()).ok).toBe(true);
		} finally {
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				child.kill('SIGTERM');
				await exited;
			}
		}
	});
});
