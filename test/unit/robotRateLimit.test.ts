/**
 * The robot's sliding-window limiter on a virtual clock, and the webhook credential's parser.
 */
import { parseRobotWebhook } from '../../nodes/WeCom/shared/apiOrigin';
import { SlidingWindowLimiter, SlotTooFarError } from '../../nodes/WeCom/TemplateCard/transport/robotRateLimit';

/** A clock that only moves when someone sleeps: the limiter never waits for real. */
function virtualTime() {
	let now = 1_000_000;
	return {
		now: () => now,
		sleep: async (ms: number) => {
			now += ms;
		},
		advance: (ms: number) => {
			now += ms;
		},
	};
}

describe('SlidingWindowLimiter', () => {
	it('lets `limit` sends through at once, then hands out the slots a window later', async () => {
		const time = virtualTime();
		const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 1000, now: time.now, sleep: time.sleep });

		const waits: number[] = [];
		for (let i = 0; i < 3; i++) waits.push((await limiter.take('robot', 5000)).waitedMs);
		time.advance(100);
		waits.push((await limiter.take('robot', 5000)).waitedMs);

		expect(waits).toEqual([0, 0, 0, 900]);
	});

	it('gives items asking at the same time different slots, in the order they asked', async () => {
		const time = virtualTime();
		// Sleeping does not move the clock: all six ask at the same instant.
		const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 1000, now: time.now, sleep: async () => {} });

		const slots = await Promise.all(Array.from({ length: 6 }, async () => await limiter.take('robot', 10_000)));

		expect(slots.map((slot) => slot.waitedMs)).toEqual([0, 0, 1000, 1000, 2000, 2000]);
	});

	it('refuses without reserving when the slot is further away than allowed', async () => {
		const time = virtualTime();
		const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000, now: time.now, sleep: time.sleep });
		await limiter.take('robot', 0);

		await expect(limiter.take('robot', 500)).rejects.toThrow(SlotTooFarError);
		// The refused call took nothing: the next one waits only for the first send.
		expect((await limiter.take('robot', 5000)).waitedMs).toBe(1000);
	});

	it('counts a send from when it finished, so a slow request never lets the window run ahead', async () => {
		const time = virtualTime();
		const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000, now: time.now, sleep: time.sleep });
		const slot = await limiter.take('robot', 0);
		time.advance(300);
		slot.settled();

		expect((await limiter.take('robot', 5000)).waitedMs).toBe(1000);
	});

	it('holds everything back after a pause, and keeps robots apart', async () => {
		const time = virtualTime();
		const limiter = new SlidingWindowLimiter({ limit: 20, windowMs: 60_000, now: time.now, sleep: time.sleep });
		limiter.pause('robot-a', 60_000);

		expect((await limiter.take('robot-b', 0)).waitedMs).toBe(0);
		await expect(limiter.take('robot-a', 59_999)).rejects.toThrow(SlotTooFarError);
		expect((await limiter.take('robot-a', 60_000)).waitedMs).toBe(60_000);
	});

	it("defaults to WeCom's 20 messages a minute", async () => {
		const time = virtualTime();
		const limiter = new SlidingWindowLimiter({ now: time.now, sleep: time.sleep });
		for (let i = 0; i < 20; i++) expect((await limiter.take('robot', 0)).waitedMs).toBe(0);
		await expect(limiter.take('robot', 59_999)).rejects.toThrow(SlotTooFarError);
	});
});

describe('parseRobotWebhook', () => {
	const key = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

	it.each([
		[`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`, 'https://qyapi.weixin.qq.com'],
		[`  http://127.0.0.1:8931/cgi-bin/webhook/send?key=${key}&debug=1 `, 'http://127.0.0.1:8931'],
		[`HTTPS://Proxy.Example.com:8443/cgi-bin/webhook/send?key=${key}`, 'https://proxy.example.com:8443'],
		[key, 'https://qyapi.weixin.qq.com'],
		[`  ${key}\n`, 'https://qyapi.weixin.qq.com'],
	])('reads %j', (value, baseUrl) => {
		expect(parseRobotWebhook(value)).toEqual({ baseUrl, key });
	});

	it.each([
		['empty', ''],
		['a URL without key', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send'],
		['a URL with an empty key', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key='],
		['a broken URL', 'https://'],
		['a URL without scheme', `qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`],
		['a key with spaces', 'two words'],
	])('refuses %s without quoting it', (_case, value) => {
		const messageFor = (input: string) => {
			try {
				parseRobotWebhook(input);
			} catch (error) {
				return (error as Error).message;
			}
			return undefined;
		};
		expect(messageFor(value)).toMatch(/Webhook URL or Key .* is not valid/);
		// One fixed text, whatever the input: the value is the secret.
		expect(messageFor(value)).toBe(messageFor(''));
	});
});
