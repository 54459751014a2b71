import type { MemberDrop, SandboxOptions } from './types';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * WeCom: 每应用对同一个成员不可超过30次/分，1000次/小时，超过部分会被丢弃不下发 (per app per
 * member at most 30 messages a minute and 1000 an hour; the excess is dropped, and the send is
 * still answered errcode 0).
 * https://developer.work.weixin.qq.com/document/path/90236
 * https://developer.work.weixin.qq.com/document/path/90312
 */
export const MEMBER_MESSAGES_PER_MINUTE = 30;
export const MEMBER_MESSAGES_PER_HOUR = 1000;

interface Limits {
	perMinute: number;
	perHour: number;
}

function readLimits(option: SandboxOptions['memberLimits']): Limits | undefined {
	if (option === false) return undefined;
	const limits = {
		perMinute: option?.perMinute ?? MEMBER_MESSAGES_PER_MINUTE,
		perHour: option?.perHour ?? MEMBER_MESSAGES_PER_HOUR,
	};
	for (const [name, value] of Object.entries(limits)) {
		if (!Number.isInteger(value) || value < 1)
			throw new Error(`memberLimits.${name} must be a positive integer, got ${String(value)}`);
	}
	return limits;
}

/**
 * Counts messages delivered per app per member in sliding windows of a minute and an hour
 * (WeCom does not say how its windows are aligned). A dropped message is not counted: only
 * what reached the member uses up the budget.
 */
export class MemberLimiter {
	private readonly limits: Limits | undefined;
	/** 'corpId|agentId|userid' → delivery times within the last hour, oldest first. */
	private readonly delivered = new Map<string, number[]>();
	private drops: MemberDrop[] = [];

	constructor(option: SandboxOptions['memberLimits']) {
		this.limits = readLimits(option);
	}

	/**
	 * Delivers one message to one member, or records a drop. Returns false when dropped.
	 * userid must be lower-cased.
	 */
	deliver(drop: Omit<MemberDrop, 'limit'>): boolean {
		if (!this.limits) return true;
		const key = `${drop.corpId}|${drop.agentId}|${drop.userid}`;
		const times = this.delivered.get(key) ?? [];
		while (times.length > 0 && times[0] <= drop.at - HOUR_MS) times.shift();
		let lastMinute = 0;
		for (let i = times.length - 1; i >= 0 && times[i] > drop.at - MINUTE_MS; i--) lastMinute++;
		const full: MemberDrop['limit'] | undefined =
			lastMinute >= this.limits.perMinute
				? 'perMinute'
				: times.length >= this.limits.perHour
					? 'perHour'
					: undefined;
		if (full === undefined) times.push(drop.at);
		this.delivered.set(key, times);
		if (full !== undefined) this.drops.push({ ...drop, limit: full });
		return full === undefined;
	}

	list(): MemberDrop[] {
		return this.drops.map((drop) => ({ ...drop }));
	}

	get dropCount(): number {
		return this.drops.length;
	}

	clear(): void {
		this.delivered.clear();
		this.drops = [];
	}
}
