import {
	callSandbox,
	DEMO_AGENT_ID,
	DEMO_CORP_ID,
	DEMO_SECRET,
	sampleTextNotice,
	sandboxControl,
	startSandbox,
} from '../../sandbox';
import type { FaultSpec, Sandbox } from '../../sandbox';

const SEND = '/cgi-bin/message/send';
const DOMAIN_IP = '/cgi-bin/get_api_domain_ip';

describe('sandbox: injected faults', () => {
	let sandbox: Sandbox;
	let token: string;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());
	beforeEach(async () => {
		sandbox.reset();
		token = await freshToken();
	});

	async function freshToken(): Promise<string> {
		const { json } = await callSandbox(sandbox.url, '/cgi-bin/gettoken', {
			query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
		});
		return json.access_token as string;
	}
	const send = () =>
		callSandbox(sandbox.url, SEND, {
			query: { access_token: token },
			body: {
				touser: 'alice',
				msgtype: 'template_card',
				agentid: DEMO_AGENT_ID,
				template_card: sampleTextNotice(),
			},
		});
	const domainIp = () => callSandbox(sandbox.url, DOMAIN_IP, { query: { access_token: token } });
	const errcodes = async (count: number, call: () => Promise<{ json: Record<string, unknown> }>) => {
		const codes: unknown[] = [];
		for (let i = 0; i < count; i++) codes.push((await call()).json.errcode);
		return codes;
	};

	it('answers errcode -1 (system busy) with a WeCom-shaped errmsg', async () => {
		sandbox.faults.add({ path: SEND, kind: 'errcode', errcode: -1, times: 1 });
		const { json } = await send();
		expect(json.errcode).toBe(-1);
		expect(json.errmsg).toContain('devtool/query?e=-1');
		expect(sandbox.messages()).toHaveLength(0);
		expect((await send()).json.errcode).toBe(0);
	});

	it('answers a burst of 45009, then recovers', async () => {
		sandbox.faults.add({ path: SEND, kind: 'errcode', errcode: 45009, times: 3 });
		expect(await errcodes(5, send)).toEqual([45009, 45009, 45009, 0, 0]);
		expect(sandbox.faults.list()).toEqual([]);
		expect(sandbox.stats().faultsFired).toBe(3);
	});

	it('answers 45033 on every 2nd call', async () => {
		sandbox.faults.add({ path: SEND, kind: 'errcode', errcode: 45033, every: 2 });
		expect(await errcodes(4, send)).toEqual([0, 45033, 0, 45033]);
	});

	it('answers an HTML 5xx page like a gateway', async () => {
		sandbox.faults.add({ kind: 'http5xx', status: 502, times: 1 });
		const { status, json, text } = await send();
		expect(status).toBe(502);
		expect(json).toBeUndefined();
		expect(text).toContain('502');
		expect(sandbox.messages()).toHaveLength(0);
	});

	it('answers slowly, then normally', async () => {
		sandbox.faults.add({ path: SEND, kind: 'slow', delayMs: 300, times: 1 });
		const started = Date.now();
		expect((await send()).json.errcode).toBe(0);
		expect(Date.now() - started).toBeGreaterThanOrEqual(250);
	});

	it('drops the connection after accepting: the caller sees a socket error, the message is delivered', async () => {
		sandbox.faults.add({ path: SEND, kind: 'dropAfterAccept', times: 1 });
		await expect(send()).rejects.toThrow();
		const messages = sandbox.messages();
		expect(messages).toHaveLength(1);
		expect(typeof messages[0].msgid).toBe('string');
		expect((await send()).json.errcode).toBe(0);
	});

	it('drops the connection before accepting: nothing is delivered', async () => {
		sandbox.faults.add({ path: SEND, kind: 'dropBeforeAccept', times: 1 });
		await expect(send()).rejects.toThrow();
		expect(sandbox.messages()).toHaveLength(0);
		expect(sandbox.stats().calls[SEND]).toBe(1);
	});

	it('invalidates every token on every Nth call', async () => {
		sandbox.faults.add({ path: DOMAIN_IP, kind: 'invalidateTokens', every: 3 });
		expect(await errcodes(3, domainIp)).toEqual([0, 0, 40014]);
		token = await freshToken();
		expect(await errcodes(3, domainIp)).toEqual([0, 0, 40014]);
	});

	it('repeats probability faults exactly after reset (seeded PRNG)', async () => {
		const spec: FaultSpec = { path: DOMAIN_IP, kind: 'errcode', errcode: -1, probability: 0.5 };
		sandbox.faults.add(spec);
		const first = await errcodes(20, domainIp);
		expect(first).toContain(-1);
		expect(first).toContain(0);
		sandbox.reset();
		token = await freshToken();
		sandbox.faults.add(spec);
		expect(await errcodes(20, domainIp)).toEqual(first);
	});

	it('rejects an invalid fault spec', () => {
		expect(() => sandbox.faults.add({ kind: 'explode' } as unknown as FaultSpec)).toThrow(/kind/);
		expect(() => sandbox.faults.add({ kind: 'errcode', probability: 2 })).toThrow(/probability/);
	});

	it('is driven over HTTP by POST /sandbox/faults', async () => {
		const control = sandboxControl(sandbox.url);
		const added = await control.addFaults([{ path: SEND, kind: 'errcode', errcode: 45009, times: 1 }]);
		expect(added).toMatchObject({ ok: true, ids: [expect.any(String)] });
		expect(await control.faults()).toHaveLength(1);
		expect((await send()).json.errcode).toBe(45009);
		expect(await control.addFaults({ kind: 'nope' } as unknown as FaultSpec)).toMatchObject({
			ok: false,
		});
		await control.addFaults({ kind: 'errcode' });
		await control.clearFaults();
		expect(await control.faults()).toEqual([]);
		expect((await send()).json.errcode).toBe(0);
	});
});

describe('sandbox: per-API rate limit', () => {
	it('answers 45009 once a corp exceeds the per-API budget, per API', async () => {
		const sandbox = await startSandbox({ rateLimits: { perApiPerMinute: 3 } });
		try {
			const gettoken = () =>
				callSandbox(sandbox.url, '/cgi-bin/gettoken', {
					query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
				});
			const answers = [];
			for (let i = 0; i < 4; i++) answers.push((await gettoken()).json);
			expect(answers.map((a) => a.errcode)).toEqual([0, 0, 0, 45009]);
			const token = answers[0].access_token as string;
			const other = await callSandbox(sandbox.url, DOMAIN_IP, { query: { access_token: token } });
			expect(other.json.errcode).toBe(0);
		} finally {
			await sandbox.close();
		}
	});
});
