import { MEMBER_MESSAGES_PER_HOUR, MEMBER_MESSAGES_PER_MINUTE } from '../nodes/WeCom/shared/limits';
import type { MemberDrop, SandboxOptions } from './types';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * WeCom drops app messages to one member above these per app (still answering errcode 0);
 * the figures live with the node's other limits and are checked against WeCom's pages in
 * test/conformance/frequencyLimits.test.ts.
 */
export { MEMBER_MESSAGES_PER_HOUR, MEMBER_MESSAGES_PER_MINUTE };

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
			lastMinute >= this.limits.perMinute ? 'perMinute' : times.length >= this.limits.perHour ? 'perHour' : undefined;
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
