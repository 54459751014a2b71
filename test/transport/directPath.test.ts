/**
 * When the kept-alive path and n8n's client do not reach WeCom alike (a forward proxy with the
 * fixed IP WeCom trusts, a firewall, a credential's base URL fetch cannot take), every card must
 * still be delivered exactly once, and a request that may have reached WeCom is never sent again
 * on the other path. 60020 is WeCom refusing the caller's IP before it handles the request
 * (https://developer.work.weixin.qq.com/document/path/90313), so after it any path may carry it.
 */
import { registerSecret } from '../harness';
import { emptyItems, restoreProxyAfterEach, textNoticeParameters, viaN8nClient } from '../harness/cards';
import { startDroppingFirewall, type DroppingFirewall } from './droppingFirewall';
import { startTransportFixture, type TransportFixture } from './fixture';

const SEND = '/cgi-bin/message/send';
const IP_NOT_TRUSTED = { errcode: 60020, errmsg: 'not allow to access from your ip' };

const cards = textNoticeParameters('alice');

describe('the direct path and n8n client disagree', () => {
	let fixture: TransportFixture | undefined;
	let firewall: DroppingFirewall | undefined;
	restoreProxyAfterEach();

	afterEach(async () => {
		await fixture?.close();
		await firewall?.close();
		fixture = undefined;
		firewall = undefined;
	});

	it("reaches WeCom through n8n's proxy when a firewall drops the direct path, no card reported as maybe sent", async () => {
		firewall = await startDroppingFirewall();
		fixture = await startTransportFixture({ sandbox: { memberLimits: false }, credential: { baseUrl: firewall.url } });
		// n8n's client goes through the forward proxy (here the recording proxy, in front of the sandbox).
		process.env.HTTP_PROXY = fixture.proxy.url;
		const parameters = { ...cards, options: { requestTimeoutMs: 1500 } };

		// The first card gets the token through n8n's client; the later ones have it in hand.
		const first = await fixture.run(parameters, emptyItems(1));
		const later = await fixture.run(parameters, emptyItems(5));

		for (const run of [first, later]) {
			expect(run.error).toBeUndefined();
			expect(run.items.filter((item) => item.json.error)).toEqual([]);
		}
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(6);
		expect(fixture.proxy.calls(SEND).every(viaN8nClient)).toBe(true);
	}, 30_000);

	it("tries the kept-alive path again when n8n's client is the one WeCom refuses (60020)", async () => {
		let refused: 'direct' | 'n8nClient' = 'direct';
		fixture = await startTransportFixture({
			sandbox: { memberLimits: false },
			intercept: (call) =>
				call.path === SEND && (viaN8nClient(call) ? refused === 'n8nClient' : refused === 'direct')
					? IP_NOT_TRUSTED
					: undefined,
		});
		const before = await fixture.run(cards, emptyItems(5));
		expect(before.items.filter((item) => item.json.error)).toEqual([]);

		// The admin moves the trusted IP from the proxy's to n8n's own.
		refused = 'n8nClient';
		const after = await fixture.run(cards, emptyItems(5));

		expect(after.error).toBeUndefined();
		expect(after.items.filter((item) => item.json.error)).toEqual([]);
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(10);
	});

	it('tries the kept-alive path again a while after it moved an app to n8n’s client', async () => {
		let refuseDirect = true;
		fixture = await startTransportFixture({
			sandbox: { memberLimits: false },
			intercept: (call) => (call.path === SEND && !viaN8nClient(call) && refuseDirect ? IP_NOT_TRUSTED : undefined),
		});
		await fixture.run(cards, emptyItems(3));
		refuseDirect = false;
		const remembered = fixture.proxy.calls(SEND).length;
		await fixture.run(cards, emptyItems(3));
		// Still within the memory: n8n's client carries them without asking the direct path first.
		expect(fixture.proxy.calls(SEND).slice(remembered).every(viaN8nClient)).toBe(true);

		const anHourLater = Date.now() + 60 * 60 * 1000;
		jest.spyOn(Date, 'now').mockImplementation(() => anHourLater);
		const sentBefore = fixture.proxy.calls(SEND).length;
		const run = await fixture.run(cards, emptyItems(3));

		expect(run.items.filter((item) => item.json.error)).toEqual([]);
		expect(fixture.proxy.calls(SEND).slice(sentBefore).some(viaN8nClient)).toBe(false);
	});

	it('sends through a base URL with a user and password, which fetch refuses, and never shows the password', async () => {
		const password = 'proxy-password-0123456789';
		registerSecret(password);
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });
		const withUser = new URL(fixture.proxy.url);
		withUser.username = 'wecom';
		withUser.password = password;
		fixture.updateCredential({ baseUrl: withUser.href });

		const runs = [await fixture.run(cards, emptyItems(1)), await fixture.run(cards, emptyItems(3))];

		for (const run of runs) {
			expect(JSON.stringify(run.items)).not.toContain(password);
			expect(run.items.filter((item) => item.json.error)).toEqual([]);
		}
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(4);
	});

	it('does not send again on the other path when a kept-alive connection drops after WeCom took the card', async () => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });
		await fixture.run(cards, emptyItems(1));
		fixture.sandbox.faults.add({ kind: 'dropAfterAccept', path: SEND, times: 1 });
		const sentBefore = fixture.proxy.calls(SEND).length;

		const run = await fixture.run({ ...cards, options: { retrySafely: false, maxAttempts: 1 } }, emptyItems(1));

		expect(run.error?.message ?? String(run.items[0]?.json.error)).toMatch(/request to WeCom failed/i);
		// Delivered once, by the only request that went out.
		expect(fixture.proxy.calls(SEND).slice(sentBefore)).toHaveLength(1);
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(2);
	});
});
