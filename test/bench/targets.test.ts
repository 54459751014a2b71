/**
 * The targets `npm run bench` prints (scripts/bench/report/targets.ts), as issue 11 states them:
 * loopback on the real runtime ≤ 2x the floor (aim 1.5x) and faster than HTTP Request; networked
 * ≥ 2.5x HTTP Request's items/s with connections ≤ C + 2; own peak RSS ≤ 1.5x and live heap
 * ≤ 1.2x the no-op node at 10,000 items; fault suite 0 lost / 0 duplicated; 1 gettoken per
 * token lifetime. Plus fan-out: ⌈N/1000⌉ calls for one card to N recipients.
 */
import {
	fanoutTarget,
	faultSuiteTarget,
	loopbackTargets,
	memoryTargets,
	networkedTargets,
	tokenChurnTarget,
} from '../../scripts/bench/report/targets';
import { countsText, verdict } from '../../scripts/bench/report/format';

describe('bench targets', () => {
	it('loopback, real runtime: met at 2x the floor and faster than HTTP Request, not met above', () => {
		const [floor, httpRequest] = loopbackTargets({ ours: 2000, floor: 1000, httpRequest: 2001 });
		expect(floor).toMatchObject({ actual: '2.00x', target: '≤ 2x (aim 1.5x)', met: true });
		expect(httpRequest).toMatchObject({ actual: '1.00x', met: true });

		const [slow, slower] = loopbackTargets({ ours: 2100, floor: 1000, httpRequest: 2100 });
		expect(slow.met).toBe(false);
		expect(slower.met).toBe(false);
	});

	it('loopback without the real runtime: not measured, no verdict', () => {
		for (const target of loopbackTargets(undefined)) {
			expect(target.met).toBeUndefined();
			expect(target.actual).toMatch(/not measured/);
			expect(verdict(target.met)).toBe('not measured');
		}
	});

	it('networked: ≥ 2.5x HTTP Request items/s and ≤ C + 2 connections', () => {
		const figures = { rttMs: 30, concurrency: 5, oursItemsPerSecond: 150, httpRequestItemsPerSecond: 60 };
		const [speed, connections] = networkedTargets({ ...figures, oursMaxConnections: 7 });
		expect(speed).toMatchObject({ actual: '2.50x', target: '≥ 2.5x', met: true });
		expect(connections).toMatchObject({ actual: '7', target: '≤ C + 2 = 7', met: true });

		const [slow, tooMany] = networkedTargets({ ...figures, oursItemsPerSecond: 149, oursMaxConnections: 8 });
		expect(slow.met).toBe(false);
		expect(tooMany.met).toBe(false);
	});

	it('memory: peak RSS ≤ 1.5x and live heap ≤ 1.2x, saying when the run was not 10,000 items', () => {
		const fetchNode = { fetchNodePeakRss: 1.4, fetchNodeLiveHeap: 1.1 };
		const [rss, heap] = memoryTargets({ peakRss: 1.5, liveHeap: 1.21, ...fetchNode }, 10_000);
		expect(rss).toMatchObject({ actual: '1.50x (bare fetch in a node: 1.40x)', met: true });
		expect(rss.name).not.toMatch(/stated for/);
		expect(heap).toMatchObject({ actual: '1.21x (bare fetch in a node: 1.10x)', met: false });
		expect(memoryTargets({ peakRss: 1, liveHeap: 1, ...fetchNode }, 200)[0].name).toMatch(
			/at 200 items; stated for 10000/,
		);
	});

	it('shows a third decimal where two would read as the bound itself', () => {
		const fetchNode = { fetchNodePeakRss: 1.4, fetchNodeLiveHeap: 1.2 };
		const [, above] = memoryTargets({ peakRss: 1.5, liveHeap: 1.2026, ...fetchNode }, 10_000);
		expect(above).toMatchObject({ actual: '1.203x (bare fetch in a node: 1.20x)', met: false });
		const [, below] = memoryTargets({ peakRss: 1.5, liveHeap: 1.1981, ...fetchNode }, 10_000);
		expect(below).toMatchObject({ actual: '1.198x (bare fetch in a node: 1.20x)', met: true });
		const [exact] = memoryTargets({ peakRss: 1.5, liveHeap: 1, ...fetchNode }, 10_000);
		expect(exact.actual).toMatch(/^1\.50x/);
		const networked = { rttMs: 30, concurrency: 5, oursMaxConnections: 6 };
		const [speedup] = networkedTargets({ ...networked, oursItemsPerSecond: 124.9, httpRequestItemsPerSecond: 50 });
		expect(speedup).toMatchObject({ actual: '2.498x', met: false });
	});

	it('fault suite: met only with 0 lost and 0 duplicated; not measured when it did not run', () => {
		const clean = { sent: 10, delivered: 9, duplicated: 0, lost: 0, failedWithError: 1, unclearError: 0 };
		expect(faultSuiteTarget(clean).met).toBe(true);
		expect(faultSuiteTarget({ ...clean, lost: 1 }).met).toBe(false);
		expect(faultSuiteTarget({ ...clean, duplicated: 1 }).met).toBe(false);
		expect(faultSuiteTarget(undefined, 'child crashed')).toMatchObject({
			met: undefined,
			actual: 'not measured (child crashed)',
		});
	});

	it('token churn: 1 gettoken in the timed run and at most one per lifetime under churn', () => {
		expect(tokenChurnTarget(1, 21, 20).met).toBe(true);
		expect(tokenChurnTarget(2, 21, 20).met).toBe(false);
		expect(tokenChurnTarget(1, 22, 20).met).toBe(false);
	});

	it('fan-out: ⌈N/1000⌉ message/send calls', () => {
		expect(fanoutTarget(5000, 5)).toMatchObject({ target: '⌈N/1000⌉ = 5', met: true });
		expect(fanoutTarget(5001, 5).met).toBe(false);
	});
});

describe('countsText', () => {
	it('lists counts largest first, ties by name', () => {
		expect(countsText({ '/cgi-bin/gettoken': 1, '/cgi-bin/message/send': 1200, '/cgi-bin/': 1 })).toBe(
			'/cgi-bin/message/send 1,200, /cgi-bin/ 1, /cgi-bin/gettoken 1',
		);
		expect(countsText({})).toBe('none');
	});
});
