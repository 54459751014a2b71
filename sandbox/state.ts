import { ROBOT_MESSAGES_PER_MINUTE } from '../nodes/WeCom/shared/limits';
import { ApprovalStore } from './approvals/store';
import { DEMO_CORP, DEMO_ROBOT_KEY } from './demo';
import { FaultRegistry } from './faults';
import { MediaStore } from './media/store';
import { MemberLimiter } from './memberLimit';
import { MinuteLimiter } from './rateLimit';
import { TokenStore } from './tokens';
import type { DeliveredMessage, SandboxApp, SandboxCorp, SandboxOptions, SandboxStats, UserCard } from './types';
import { ConnectionCounter } from './network/connectionCounter';

/** A corp with its visible range indexed for lookups (userids compare lower-cased, as WeCom reports them). */
export interface CorpIndex {
	corp: SandboxCorp;
	users: Set<string>;
	departments: Set<number>;
	tags: Set<number>;
}

export interface AppContext {
	corp: CorpIndex;
	app: SandboxApp;
}

/** What an update changed for one user (or for everyone). */
interface CardOverride {
	template_card?: unknown;
	replaceName?: string;
	updatedAt: number;
}

/** A delivered app message and the per-user state of its card. */
export interface SentMessage {
	entry: DeliveredMessage;
	everyone?: CardOverride;
	perUser: Map<string, CardOverride>;
}

export interface ResponseCodeRecord {
	msgid: string;
	corpId: string;
	agentId: number;
	issuedAt: number;
	used: boolean;
}

/** What a suppressed duplicate is answered with. */
export interface DuplicateRecord {
	entryId: number;
	expiresAt: number;
	answer: Record<string, unknown>;
}

const emptyStats = (): SandboxStats => ({
	gettoken: 0,
	calls: {},
	errcodes: {},
	duplicateSuppressed: 0,
	faultsFired: 0,
	tokensIssued: 0,
	memberDrops: 0,
});

const clone = <T>(value: T): T => structuredClone(value);

/** Everything the sandbox remembers; routes read and change it, the Sandbox API exposes it. */
export class SandboxState {
	readonly corps = new Map<string, CorpIndex>();
	readonly robots: Set<string>;
	readonly tokens: TokenStore;
	readonly faults: FaultRegistry;
	readonly apiLimiter: MinuteLimiter;
	readonly robotLimiter: MinuteLimiter;
	readonly trustedIps: ReadonlySet<string> | null;
	readonly memberLimiter: MemberLimiter;
	/** Connections and TLS handshakes clients opened (counted by the server, see server.ts). */
	readonly connections = new ConnectionCounter();
	/** Secrets reset at runtime, by 'corpId|agentId' (the corp definitions are shared constants). */
	private readonly rotatedSecrets = new Map<string, string>();

	private readonly clock: () => number;
	private clockOffset = 0;
	private log: DeliveredMessage[] = [];
	private counters = emptyStats();
	readonly sent = new Map<string, SentMessage>();
	readonly responseCodes = new Map<string, ResponseCodeRecord>();
	/** 'corpId|agentId|task_id' of every accepted card with a task_id (unique per app). */
	readonly taskIds = new Set<string>();
	readonly duplicates = new Map<string, DuplicateRecord>();
	readonly media = new MediaStore();
	/** Approval templates and applications (sandbox/approvals). */
	readonly approvals = new ApprovalStore();

	constructor(options: SandboxOptions) {
		for (const corp of options.corps ?? [DEMO_CORP]) {
			this.corps.set(corp.corpId, {
				corp,
				users: new Set(corp.users.map((u) => u.toLowerCase())),
				departments: new Set(corp.departments),
				tags: new Set(corp.tags),
			});
		}
		this.robots = new Set(options.robots ?? [DEMO_ROBOT_KEY]);
		this.tokens = new TokenStore(options.tokenTtlSeconds ?? 7200);
		this.faults = new FaultRegistry(options.seed ?? 1);
		this.apiLimiter = new MinuteLimiter(options.rateLimits?.perApiPerMinute ?? 10000);
		this.robotLimiter = new MinuteLimiter(options.rateLimits?.robotPerMinute ?? ROBOT_MESSAGES_PER_MINUTE);
		this.trustedIps = options.trustedIps ? new Set(options.trustedIps) : null;
		this.clock = options.clock ?? Date.now;
		this.memberLimiter = new MemberLimiter(options.memberLimits);
	}

	now(): number {
		return this.clock() + this.clockOffset;
	}

	advanceClock(ms: number): void {
		this.clockOffset += ms;
	}

	findApp(corpId: string, agentId: number): AppContext | undefined {
		const corp = this.corps.get(corpId);
		const app = corp?.corp.apps.find((a) => a.agentId === agentId);
		return corp && app ? { corp, app } : undefined;
	}

	/** The app's current secret: the configured one, or the one it was rotated to. */
	secretOf(corpId: string, app: SandboxApp): string {
		return this.rotatedSecrets.get(`${corpId}|${app.agentId}`) ?? app.secret;
	}

	rotateSecret(corpId: string, agentId: number, newSecret: string): void {
		const context = this.findApp(corpId, agentId);
		if (!context) throw new Error(`no app ${agentId} in corp ${corpId}`);
		if (typeof newSecret !== 'string' || newSecret === '') throw new Error('the new secret must be a non-empty string');
		// gettoken tells a corp's apps apart by their secret.
		const taken = context.corp.corp.apps.some(
			(app) => app.agentId !== agentId && this.secretOf(corpId, app) === newSecret,
		);
		if (taken) throw new Error(`another app of corp ${corpId} has that secret`);
		this.rotatedSecrets.set(`${corpId}|${agentId}`, newSecret);
		this.tokens.startOver({ corpId, agentId });
	}

	countCall(path: string): void {
		this.counters.calls[path] = (this.counters.calls[path] ?? 0) + 1;
		if (path === '/cgi-bin/gettoken') this.counters.gettoken++;
	}

	countAnswer(errcode: number): void {
		const key = String(errcode);
		this.counters.errcodes[key] = (this.counters.errcodes[key] ?? 0) + 1;
	}

	countDuplicate(): void {
		this.counters.duplicateSuppressed++;
	}

	record(entry: Omit<DeliveredMessage, 'id'>): DeliveredMessage {
		const recorded: DeliveredMessage = { id: this.log.length + 1, ...entry };
		this.log.push(recorded);
		return recorded;
	}

	/** The live log entry (not a copy): routes mark recalls on it. */
	entry(id: number): DeliveredMessage | undefined {
		return this.log[id - 1];
	}

	stats(): SandboxStats {
		return clone({
			...this.counters,
			faultsFired: this.faults.firedCount,
			tokensIssued: this.tokens.mintedCount,
			memberDrops: this.memberLimiter.dropCount,
		});
	}

	messages(): DeliveredMessage[] {
		return clone(this.log);
	}

	/**
	 * Cards a user sees: app sends addressed to them by userid or @all (department and tag
	 * membership is not modelled), minus those the per-member limit dropped, with updates and
	 * recalls applied.
	 */
	cardsFor(userid: string): UserCard[] {
		const user = userid.toLowerCase();
		const cards: UserCard[] = [];
		for (const { entry, everyone, perUser } of this.sent.values()) {
			if (!entry.touser.some((u) => u === '@all' || u.toLowerCase() === user)) continue;
			if (entry.droppedFor?.includes(user)) continue;
			const override = perUser.get(user) ?? everyone;
			cards.push(
				clone({
					msgid: entry.msgid ?? '',
					corpId: entry.corpId ?? '',
					agentid: entry.agentid ?? 0,
					msgtype: entry.msgtype,
					template_card: override?.template_card ?? entry.template_card,
					text: entry.text,
					replaceName: override?.replaceName,
					updatedAt: override?.updatedAt,
					recalled: entry.recalled,
				}),
			);
		}
		return cards;
	}

	/**
	 * Forgets messages, stats, faults, tokens, rate windows, member drops, connection counts, uploads and approval applications; config (rotated
	 * secrets included) and token history stay.
	 */
	reset(): void {
		this.log = [];
		this.counters = emptyStats();
		this.sent.clear();
		this.responseCodes.clear();
		this.taskIds.clear();
		this.duplicates.clear();
		this.faults.restart();
		this.tokens.clear();
		this.apiLimiter.clear();
		this.robotLimiter.clear();
		this.memberLimiter.clear();
		this.connections.reset();
		this.media.clear();
		this.approvals.reset();
	}
}
