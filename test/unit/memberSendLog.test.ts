/**
 * The per-member send log on a manual clock. The limits are WeCom's: at most 30 app messages a
 * minute and 1,000 an hour from one app to one member, the rest dropped without an error
 * (每应用对同一个成员不可超过30次/分钟，1000次/小时，超过部分会被丢弃不下发,
 * https://developer.work.weixin.qq.com/document/path/90236).
 */
import { MemberSendLog, MemberSlotTooFarError } from '../../nodes/WeCom/TemplateCard/transport/memberPacing';
import type { MemberPacing } from '../../nodes/WeCom/TemplateCard/transport/memberPacing';
import type { WeComApp } from '../../nodes/WeCom/TemplateCard/transport/context';

const PER_MINUTE = 30;
const PER_HOUR = 1000;
const MINUTE_MS = 60_000;

const APP: WeComApp = { corpId: 'wwcorpa', agentId: 1000002 };
const NO_PACING: MemberPacing = { pace: false, maxWaitMs: 0 };
const pacing = (maxWaitMs: number): MemberPacing => ({ pace: true, maxWaitMs });

function manualClock() {
	let now = 1_700_000_000_000;
	const slept: number[] = [];
	return {
		now: () => now,
		advance: (ms: number) => {
			now += ms;
		},
		slept,
		sleep: async (ms: number) => {
			slept.push(ms);
			now += ms;
		},
	};
}

async function sendTimes(log: MemberSendLog, count: number, members: string[], app = APP, mode = NO_PACING) {
	const warnings: string[][] = [];
	for (let n = 0; n < count; n++) {
		const send = await log.reserve(app, members, mode);
		send.settled(true);
		warnings.push(send.warnings);
	}
	return warnings;
}

describe('member send log', () => {
	it('warns from the 31st message to a member within a minute', async () => {
		const log = new MemberSendLog(manualClock());
		const warnings = await sendTimes(log, 40, ['alice']);

		expect(warnings.slice(0, PER_MINUTE).flat()).toEqual([]);
		expect(warnings[PER_MINUTE]).toEqual([
			'alice: 31st message from this app this minute; WeCom drops messages above 30 per minute per member without an error',
		]);
		expect(warnings[32][0]).toMatch(/^alice: 33rd message/);
		expect(warnings.slice(PER_MINUTE).every((list) => list.length === 1)).toBe(true);
	});

	it('counts per app and per member, userids case-insensitively', async () => {
		const log = new MemberSendLog(manualClock());
		await sendTimes(log, PER_MINUTE, ['alice']);

		expect((await sendTimes(log, 1, ['bob']))[0]).toEqual([]);
		expect((await sendTimes(log, 1, ['alice'], { ...APP, agentId: 1000003 }))[0]).toEqual([]);
		expect((await sendTimes(log, 1, ['alice'], { ...APP, corpId: 'wwcorpb' }))[0]).toEqual([]);
		expect((await sendTimes(log, 1, ['ALICE', 'bob']))[0]).toEqual([
			expect.stringMatching(/^ALICE: 31st message from this app this minute/),
		]);
	});

	it('forgets a minute later, and warns on the 1,001st message within an hour', async () => {
		const clock = manualClock();
		const log = new MemberSendLog(clock);
		const all: string[][] = [];
		// 25 a minute: never over the minute limit; 1,000 take 40 minutes.
		for (let minute = 0; minute < 41; minute++) {
			all.push(...(await sendTimes(log, 25, ['alice'])));
			clock.advance(MINUTE_MS);
		}

		expect(all.slice(0, PER_HOUR).flat()).toEqual([]);
		expect(all[PER_HOUR]).toEqual([
			'alice: 1,001st message from this app this hour; WeCom drops messages above 1,000 per hour per member without an error',
		]);
	});

	it('does not count a send WeCom refused or that never left', async () => {
		const log = new MemberSendLog(manualClock());
		await sendTimes(log, PER_MINUTE, ['alice']);
		(await log.reserve(APP, ['alice'], NO_PACING)).settled(false);

		expect((await log.reserve(APP, ['alice'], NO_PACING)).warnings).toEqual([
			expect.stringMatching(/^alice: 31st message/),
		]);
	});

	describe('pacing', () => {
		it('holds the 31st message until the first is a minute old, and never warns', async () => {
			const clock = manualClock();
			const log = new MemberSendLog(clock);
			await sendTimes(log, PER_MINUTE, ['alice'], APP, pacing(MINUTE_MS));
			clock.advance(10_000);

			const send = await log.reserve(APP, ['alice'], pacing(MINUTE_MS));

			expect(send.waitedMs).toBe(50_000);
			expect(clock.slept).toEqual([50_000]);
			expect(send.warnings).toEqual([]);
		});

		it('waits for the member whose slot is furthest away when a card goes to several', async () => {
			const clock = manualClock();
			const log = new MemberSendLog(clock);
			await sendTimes(log, PER_MINUTE, ['alice']);
			clock.advance(20_000);
			await sendTimes(log, PER_MINUTE, ['bob']);

			const send = await log.reserve(APP, ['alice', 'bob', 'carol'], pacing(MINUTE_MS));

			expect(send.waitedMs).toBe(MINUTE_MS);
		});

		it('refuses without waiting or counting when the slot is further away than Max Wait', async () => {
			const clock = manualClock();
			const log = new MemberSendLog(clock);
			await sendTimes(log, PER_MINUTE, ['alice']);

			await expect(log.reserve(APP, ['bob', 'alice'], pacing(59_000))).rejects.toThrow(MemberSlotTooFarError);
			expect(clock.slept).toEqual([]);
			expect((await log.reserve(APP, ['bob'], NO_PACING)).warnings).toEqual([]);
		});

		it('at a concurrency above 30, counts the minute from when the earlier sends reached WeCom, not when they were reserved', async () => {
			let now = 1_700_000_000_000;
			const start = now;
			const timers: Array<{ at: number; wake: () => void }> = [];
			const log = new MemberSendLog({
				now: () => now,
				sleep: async (ms) => await new Promise<void>((wake) => timers.push({ at: now + ms, wake })),
			});
			const runTimers = async () => {
				for (let timer = timers.shift(); timer; timer = timers.shift()) {
					now = Math.max(now, timer.at);
					timer.wake();
					await new Promise((resolve) => setImmediate(resolve));
				}
			};
			// 31 items at once: 30 go now, the 31st is reserved before any of them has reached WeCom.
			const first30 = await Promise.all(
				Array.from({ length: PER_MINUTE }, async () => await log.reserve(APP, ['alice'], pacing(2 * MINUTE_MS))),
			);
			let sentAt: number | undefined;
			const thirtyFirst = log.reserve(APP, ['alice'], pacing(2 * MINUTE_MS)).then((send) => {
				sentAt = now;
				return send;
			});
			// The 30 requests reach WeCom and answer 800 ms later.
			now += 800;
			for (const send of first30) send.settled(true);
			await runTimers();
			await thirtyFirst;

			expect(sentAt).toBeGreaterThanOrEqual(start + 800 + MINUTE_MS);
		});

		it("counts a member's only send from when it reached WeCom, after it finished and was kept as a time", async () => {
			const clock = manualClock();
			const log = new MemberSendLog(clock);
			// A card to several members: each keeps the one finished send as its time.
			const first = await log.reserve(APP, ['alice', 'bob'], NO_PACING);
			clock.advance(5_000);
			first.settled(true);
			await sendTimes(log, PER_MINUTE - 1, ['alice', 'bob']);

			const send = await log.reserve(APP, ['bob', 'alice'], pacing(MINUTE_MS));

			expect(send.waitedMs).toBe(MINUTE_MS);
			expect(send.warnings).toEqual([]);
		});

		it('counts both sends when the first finishes while a second one to the member is still on its way', async () => {
			const clock = manualClock();
			const log = new MemberSendLog(clock);
			const first = await log.reserve(APP, ['alice'], NO_PACING);
			const second = await log.reserve(APP, ['alice'], NO_PACING);
			first.settled(true);
			clock.advance(1_000);
			second.settled(true);
			await sendTimes(log, PER_MINUTE - 2, ['alice']);

			expect((await log.reserve(APP, ['alice'], NO_PACING)).warnings).toEqual([
				expect.stringMatching(/^alice: 31st message/),
			]);
		});

		it('still counts a single send kept as a time through the sweeps of the next hour', async () => {
			const clock = manualClock();
			const log = new MemberSendLog(clock);
			await sendTimes(log, 1, ['alice']);
			// 20 minutes in which only bob gets cards: the log sweeps each minute, alice stays one send.
			for (let minute = 0; minute < 20; minute++) {
				clock.advance(MINUTE_MS);
				await sendTimes(log, 1, ['bob']);
			}
			// 1,000 more within the hour, 25 a minute: the last is the 1,001st with the first one.
			const warnings: string[][] = [];
			for (let minute = 0; minute < 40; minute++) {
				warnings.push(...(await sendTimes(log, 25, ['alice'])));
				clock.advance(MINUTE_MS);
			}

			expect(warnings.slice(0, PER_HOUR - 1).flat()).toEqual([]);
			expect(warnings[PER_HOUR - 1]).toEqual([
				expect.stringMatching(/^alice: 1,001st message from this app this hour/),
			]);
		});

		it("keeps this minute's sends counted when a send that was on its way for over an hour finishes", async () => {
			const clock = manualClock();
			const log = new MemberSendLog(clock);
			// Unanswered an hour later (a Request Timeout of hours, or the machine asleep): the sweep forgets it.
			const slow = await log.reserve(APP, ['alice'], NO_PACING);
			clock.advance(30 * MINUTE_MS);
			// bob's card keeps the app in the log through the sweep.
			await sendTimes(log, 1, ['bob']);
			clock.advance(31 * MINUTE_MS);
			await sendTimes(log, PER_MINUTE, ['alice']);
			slow.settled(true);

			expect((await log.reserve(APP, ['alice'], NO_PACING)).warnings).toEqual([
				expect.stringMatching(/^alice: \d+(st|nd|rd|th) message from this app this minute/),
			]);
		});

		it('hands out slots in the order they are asked for, to items running at the same time', async () => {
			const clock = manualClock();
			const log = new MemberSendLog({ now: clock.now, sleep: async () => {} });
			await sendTimes(log, PER_MINUTE, ['alice']);

			const waits = await Promise.all(
				[1, 2, 3].map(async () => (await log.reserve(APP, ['alice'], pacing(MINUTE_MS))).waitedMs),
			);

			expect(waits).toEqual([MINUTE_MS, MINUTE_MS, MINUTE_MS]);
			expect((await log.reserve(APP, ['alice'], NO_PACING)).warnings).toEqual([
				expect.stringMatching(/^alice: 34th message from this app this minute/),
			]);
		});
	});
});
