import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MEMBER_MESSAGES_PER_HOUR, MEMBER_MESSAGES_PER_MINUTE } from '../../shared/limits';
import type { WeComApp } from './context';
import {
	keepSlotsWithin,
	nextFreeAt,
	realClock,
	settleSlot,
	slotsWithin,
	type Clock,
	waitForEarlierSlots,
	type Slot,
	type Window,
} from './slidingWindow';

/** Options › Pace Per Member and Max Wait for Rate Limit, as the send path uses them. */
export interface MemberPacing {
	pace: boolean;
	maxWaitMs: number;
}

interface MemberLimit extends Window {
	period: 'minute' | 'hour';
}

interface MemberSendLogOptions extends Clock {
	perMinute?: number;
	perHour?: number;
}

/** A send counted against its members; `settled` once the request has finished. */
interface MemberSend {
	waitedMs: number;
	/** One per member this send takes over a limit (only when not pacing). */
	warnings: string[];
	/** `reachedWeCom` false (WeCom refused it, or it never left): it is not counted after all. */
	settled(reachedWeCom: boolean): void;
}

/** With pacing on, a member's next free slot is further away than the caller may wait. */
export class MemberSlotTooFarError extends Error {
	constructor(
		readonly member: string,
		readonly limit: MemberLimit,
		readonly waitMs: number,
		readonly maxWaitMs: number,
	) {
		super(`${member}: the next free slot is ${waitMs} ms away, more than the ${maxWaitMs} ms allowed`);
		this.name = 'MemberSlotTooFarError';
	}
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * A member's sends in the last hour: the time of the one send that has finished, or the slots.
 * Most members get one card an hour; a list and a slot per member held about twice the memory.
 */
type MemberSends = number | Slot[];

/**
 * The messages this process sent per app and member in the last hour, to warn before WeCom
 * silently drops one and, when asked, to wait until the member may receive another (slots as in
 * ./slidingWindow.ts). Other processes (queue-mode workers) and other tools sending from the
 * same app are not seen.
 */
export class MemberSendLog {
	private readonly limits: MemberLimit[];
	private readonly now: () => number;
	private readonly sleep: (ms: number) => Promise<void>;
	/**
	 * `corpId|agentId` → userid (lower-cased, as WeCom compares userids) → sends, oldest first. A
	 * member's list is made with its first send in it, and goes back to a time once that send is
	 * the only one and has finished: one an hour per member of every app adds up.
	 */
	private readonly sends = new Map<string, Map<string, MemberSends>>();
	private sweptAt = 0;

	constructor({
		perMinute = MEMBER_MESSAGES_PER_MINUTE,
		perHour = MEMBER_MESSAGES_PER_HOUR,
		now = realClock.now,
		sleep = realClock.sleep,
	}: MemberSendLogOptions = {}) {
		this.limits = [
			{ limit: perMinute, windowMs: MINUTE_MS, period: 'minute' },
			{ limit: perHour, windowMs: HOUR_MS, period: 'hour' },
		];
		this.now = now;
		this.sleep = sleep;
	}

	/**
	 * Counts a send to `members` from `app`. Pacing: first waits until every member is within
	 * both limits, or throws MemberSlotTooFarError without waiting. Otherwise the send goes now
	 * and comes back with a warning per member it takes over a limit.
	 */
	async reserve(app: WeComApp, members: string[], pacing: MemberPacing): Promise<MemberSend> {
		const now = this.now();
		this.forgetOldSends(now);
		const appSends = this.appSendsOf(app);
		const logs = members.map((member) => {
			const id = member.toLowerCase();
			return { member, id, sends: slotsOf(appSends, id) };
		});
		let at = now;
		if (pacing.pace) {
			for (const { member, sends } of logs) {
				for (const limit of this.limits) {
					const free = nextFreeAt(sends, limit, now);
					const waitMs = free - now;
					if (waitMs > pacing.maxWaitMs) throw new MemberSlotTooFarError(member, limit, waitMs, pacing.maxWaitMs);
					at = Math.max(at, free);
				}
			}
		}
		const send: Slot = { at };
		for (const log of logs) {
			// Read again: a member named twice (alice, ALICE) got a list from the first name.
			if (appSends.has(log.id)) (log.sends = slotsOf(appSends, log.id)).push(send);
			else appSends.set(log.id, (log.sends = [send]));
		}
		const warnings = logs.flatMap(({ member, sends }) => this.warningFor(member, sends, at));
		if (at > now) {
			await this.sleep(at - now);
			const lists = logs.map(({ sends }) => sends);
			await waitForEarlierSlots(send, lists, this.limits, { now: this.now, sleep: this.sleep });
		}
		return {
			waitedMs: send.at - now,
			warnings,
			settled: (reachedWeCom) => {
				if (!reachedWeCom) {
					for (const { sends } of logs) {
						const index = sends.indexOf(send);
						if (index >= 0) sends.splice(index, 1);
					}
					return;
				}
				settleSlot(send, this.now());
				for (const { id, sends } of logs) {
					if (sends.length === 1 && sends[0] === send && appSends.get(id) === sends) appSends.set(id, send.at);
				}
			},
		};
	}

	private appSendsOf(app: WeComApp): Map<string, MemberSends> {
		const key = `${app.corpId}|${app.agentId}`;
		let appSends = this.sends.get(key);
		if (!appSends) {
			appSends = new Map();
			this.sends.set(key, appSends);
		}
		return appSends;
	}

	/** The first limit this send goes over, in the words the item's output shows. */
	private warningFor(member: string, sends: Slot[], at: number): string[] {
		for (const { limit, windowMs, period } of this.limits) {
			const count = slotsWithin(sends, windowMs, at);
			if (count > limit) {
				return [
					`${member}: ${ordinal(count)} message from this app this ${period}; WeCom drops messages above ${limit.toLocaleString('en-US')} per ${period} per member without an error`,
				];
			}
		}
		return [];
	}

	/** Keeps memory bounded: a sweep a minute drops sends older than the longest window. */
	private forgetOldSends(now: number): void {
		if (now - this.sweptAt < MINUTE_MS) return;
		this.sweptAt = now;
		for (const [key, appSends] of this.sends) {
			for (const [id, sends] of appSends) {
				const kept = typeof sends === 'number' ? sends > now - HOUR_MS : keepSlotsWithin(sends, HOUR_MS, now);
				if (!kept) appSends.delete(id);
			}
			if (appSends.size === 0) this.sends.delete(key);
		}
	}
}

/** A member's sends as slots (the list in the log, or a new one the caller adds to the log). */
function slotsOf(appSends: Map<string, MemberSends>, id: string): Slot[] {
	const sends = appSends.get(id);
	if (sends === undefined) return [];
	if (typeof sends !== 'number') return sends;
	const slots = [{ at: sends }];
	appSends.set(id, slots);
	return slots;
}

/** 31st, 32nd, 1,001st. */
function ordinal(n: number): string {
	const suffixes = ['th', 'st', 'nd', 'rd'];
	const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (suffixes[n % 10] ?? 'th');
	return `${n.toLocaleString('en-US')}${suffix}`;
}

export function memberSlotTooFarError(
	node: INode,
	error: MemberSlotTooFarError,
	itemIndex: number,
): NodeOperationError {
	const seconds = (ms: number) => Math.ceil(ms / 1000);
	const { limit, period } = error.limit;
	return new NodeOperationError(
		node,
		`Not sent: ${error.member} has had ${limit.toLocaleString('en-US')} messages from this app in the last ${period}, and the next free slot is ${seconds(error.waitMs)} s away, longer than Max Wait for Rate Limit (${seconds(error.maxWaitMs)} s)`,
		{
			description: `WeCom delivers at most ${limit.toLocaleString('en-US')} messages per ${period} from one app to one member and drops the rest without an error. Raise "Max Wait for Rate Limit (Seconds)", send this member fewer cards, or turn off "Pace Per Member" to send anyway.`,
			itemIndex,
		},
	);
}

/** One per n8n process: every execution that sends from the same app shares it. */
export const memberSendLog = new MemberSendLog();
