import type { ActiveFault, FaultControl, FaultKind, FaultSpec } from './types';

const FAULT_KINDS: readonly FaultKind[] = [
	'errcode',
	'http5xx',
	'slow',
	'dropAfterAccept',
	'dropBeforeAccept',
	'invalidateTokens',
	'html200',
	'emptyBody',
	'truncatedBody',
	'redirect',
];

/** Faults that replace the normal answer; at most one of them fires per call. */
const TERMINAL_KINDS: ReadonlySet<FaultKind> = new Set([
	'errcode',
	'http5xx',
	'dropAfterAccept',
	'dropBeforeAccept',
	'html200',
	'emptyBody',
	'truncatedBody',
	'redirect',
]);

/** What the faults say about one call. */
export interface FaultDecision {
	delayMs: number;
	invalidateTokens: boolean;
	/** The answer-replacing fault that fired, if any. */
	terminal?: ActiveFault;
}

/** Small seeded PRNG (mulberry32): `probability` faults fire the same way on every run. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const isPositiveInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v > 0;

function isHttpUrl(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	try {
		const { protocol } = new URL(value);
		return protocol === 'http:' || protocol === 'https:';
	} catch {
		return false;
	}
}

function isStatusIn(status: unknown, min: number, max: number): boolean {
	return Number.isInteger(status) && (status as number) >= min && (status as number) <= max;
}

/** Returns why a fault spec is unusable, or undefined when it is fine. */
export function faultSpecProblem(spec: unknown): string | undefined {
	if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return 'a fault spec must be an object';
	const s = spec as Record<string, unknown>;
	if (!FAULT_KINDS.includes(s.kind as FaultKind)) return `kind must be one of ${FAULT_KINDS.join(', ')}`;
	if (s.path !== undefined && (typeof s.path !== 'string' || !s.path.startsWith('/'))) return 'path must start with /';
	if (s.errcode !== undefined && !Number.isInteger(s.errcode)) return 'errcode must be an integer';
	if (s.status !== undefined && s.kind === 'redirect' && !isStatusIn(s.status, 300, 399)) {
		return 'a redirect status must be 300..399';
	}
	if (s.status !== undefined && s.kind !== 'redirect' && !isStatusIn(s.status, 400, 599)) {
		return 'status must be an HTTP error status (400..599)';
	}
	if (s.delayMs !== undefined && !(typeof s.delayMs === 'number' && s.delayMs >= 0)) return 'delayMs must be >= 0';
	if (s.handled !== undefined && typeof s.handled !== 'boolean') return 'handled must be a boolean';
	if (s.kind === 'redirect' && !isHttpUrl(s.location))
		return 'a redirect needs location: an http(s) URL of the other host';
	if (s.times !== undefined && !isPositiveInt(s.times)) return 'times must be a positive integer';
	if (s.every !== undefined && !isPositiveInt(s.every)) return 'every must be a positive integer';
	if (s.probability !== undefined && !(typeof s.probability === 'number' && s.probability >= 0 && s.probability <= 1)) {
		return 'probability must be between 0 and 1';
	}
	return undefined;
}

export class FaultRegistry implements FaultControl {
	private faults: ActiveFault[] = [];
	private nextId = 1;
	private random: () => number;
	firedCount = 0;

	constructor(private readonly seed: number) {
		this.random = seededRandom(seed);
	}

	add(spec: FaultSpec): string {
		const problem = faultSpecProblem(spec);
		if (problem) throw new Error(`Invalid fault spec: ${problem}`);
		const id = `fault-${this.nextId++}`;
		this.faults.push({ ...spec, id, seen: 0, fired: 0 });
		return id;
	}

	remove(id: string): boolean {
		const before = this.faults.length;
		this.faults = this.faults.filter((f) => f.id !== id);
		return this.faults.length !== before;
	}

	clear(): void {
		this.faults = [];
	}

	/** clear() plus a fresh PRNG and counters, so a run after reset repeats exactly. */
	restart(): void {
		this.clear();
		this.firedCount = 0;
		this.random = seededRandom(this.seed);
	}

	list(): ActiveFault[] {
		return this.faults.map((f) => ({ ...f }));
	}

	/** Counts the call against every matching fault and says which ones fire. */
	decide(path: string): FaultDecision {
		const decision: FaultDecision = { delayMs: 0, invalidateTokens: false };
		for (const fault of [...this.faults]) {
			if (fault.path !== undefined && fault.path !== path) continue;
			const terminal = TERMINAL_KINDS.has(fault.kind);
			if (terminal && decision.terminal) continue; // one answer per call
			if (!this.fires(fault)) continue;
			if (fault.kind === 'slow') decision.delayMs += fault.delayMs ?? 2000;
			else if (fault.kind === 'invalidateTokens') decision.invalidateTokens = true;
			else decision.terminal = { ...fault };
		}
		return decision;
	}

	private fires(fault: ActiveFault): boolean {
		fault.seen++;
		if (fault.every !== undefined && fault.seen % fault.every !== 0) return false;
		if (fault.probability !== undefined && this.random() >= fault.probability) return false;
		fault.fired++;
		this.firedCount++;
		if (fault.times !== undefined && fault.fired >= fault.times) this.remove(fault.id);
		return true;
	}
}
