/**
 * Public shapes of the WeCom sandbox. Tests, the engine harness and the CLI code against these
 * names; the HTTP control API under /sandbox/ returns the same shapes as JSON.
 */

import type { ConnectionCounts } from './network/connectionCounter';
import type { TlsMaterial } from './network/selfSignedCertificate';
import type {
	ApprovalAction,
	ApprovalResult,
	CallbackConfig,
	CallbackConfigInput,
	CallbackDelivery,
	CallbackDeliveryOptions,
	ClickAction,
	ClickResult,
	VerifyCallbackOptions,
	VerifyCallbackResult,
} from './callbacks/types';
import type { ContactDirectory } from './contacts/directory';
import type { ApprovalChangeResult, ApprovalDecision, ApprovalSubmission } from './approvals/control';
import type { StoredApproval } from './approvals/store';

export interface SandboxApp {
	agentId: number;
	secret: string;
	/** Cards that call back can only be sent by an app with a callback URL (else 43012). */
	callbackUrl?: string;
	/**
	 * How it reads contacts (see contacts/privacy.ts): 'since2022' (default) = a self-built app
	 * created after 2022-06-20, without mobiles and e-mails in user/get; 'before2022' = an older
	 * app; 'contactSync' = the 通讯录同步 secret (the only one user/list_id accepts).
	 */
	contactRules?: 'since2022' | 'before2022' | 'contactSync';
	/** false = not in 审批 > 可调用接口的应用: the approval API answers 301055. Default true. */
	approvalApi?: boolean;
}

export interface SandboxCorp {
	corpId: string;
	apps: SandboxApp[];
	/** The apps' visible range; anything else is reported as invalid. */
	users: string[];
	departments: number[];
	tags: number[];
	/** The address book behind the contact APIs; default: the visible members, in department 1. */
	directory?: ContactDirectory;
}

export interface SandboxOptions {
	/** 0 = ephemeral (the default). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Default: [DEMO_CORP]. */
	corps?: SandboxCorp[];
	/** Valid group-robot keys; default [DEMO_ROBOT_KEY]. */
	robots?: string[];
	/** access_token lifetime in seconds, default 7200; any positive number (e2e runs use 2-5 s). */
	tokenTtlSeconds?: number;
	/** null (default) = every caller allowed; otherwise other callers get 60020 quoting their IP. */
	trustedIps?: string[] | null;
	/** Defaults 10000 and 20, as WeCom documents. */
	rateLimits?: { perApiPerMinute?: number; robotPerMinute?: number };
	/** Time source in ms; lets tests move time (72 h, 24 h, dup-check windows, token expiry). */
	clock?: () => number;
	/** Seed of the PRNG behind `probability` faults, so runs are repeatable. Default 1. */
	seed?: number;
	/** How callbacks are delivered (ack timeout, re-sends); defaults as WeCom: 5 s, 3 re-sends. */
	callbacks?: CallbackDeliveryOptions;
	/**
	 * App messages per app to one member: above perMinute (default 30) or perHour (default 1000)
	 * they are answered errcode 0 but not delivered to that member, as WeCom does.
	 * false = no limit.
	 */
	memberLimits?: { perMinute?: number; perHour?: number } | false;
	/**
	 * HTTPS instead of HTTP: true = a self-signed certificate made at start (openssl) for the
	 * loopback names and `host`; clients trust `Sandbox.certificate`. Or a key and certificate.
	 */
	tls?: boolean | TlsMaterial;
	/**
	 * A round-trip time added between clients and the sandbox (see network/latency.ts): a kept-alive
	 * request costs 1 RTT, a fresh TLS 1.3 connection 3. Under it, outage() makes new connections
	 * close right after they open instead of being refused, and every caller's IP (trustedIps,
	 * 60020) is the relay's.
	 */
	latency?: { rttMs: number };
}

/** A message that was answered errcode 0 but not delivered to one member (per-member limit). */
export interface MemberDrop {
	corpId: string;
	agentId: number;
	/** Lower-cased, as WeCom compares userids. */
	userid: string;
	msgid: string;
	/** When it was dropped, in ms on the sandbox clock. */
	at: number;
	/** The limit that was full. */
	limit: 'perMinute' | 'perHour';
}

export type FaultKind =
	/** Answer HTTP 200 with this errcode instead of handling the call. */
	| 'errcode'
	/** Answer an HTML error page with this HTTP status (default 503), as a gateway would. */
	| 'http5xx'
	/** Wait delayMs, then handle the call normally. */
	| 'slow'
	/** Handle (and record) the call, then destroy the socket without answering: the ambiguous case. */
	| 'dropAfterAccept'
	/** Destroy the socket without handling the call. */
	| 'dropBeforeAccept'
	/** Invalidate every issued token, then handle the call (so it sees 40014). */
	| 'invalidateTokens'
	/** HTTP 200 with an HTML page (a gateway or captive portal); the call is not handled. */
	| 'html200'
	/** HTTP 200 with an empty body; `handled` says whether the call was handled first (default no). */
	| 'emptyBody'
	/**
	 * HTTP 200, application/json, the answer cut in the middle (a complete response whose body is
	 * not valid JSON). `handled` (default yes) says whether the call was handled and recorded
	 * first: then the cut answer is the real one, the maybe-delivered case.
	 */
	| 'truncatedBody'
	/** 302 to `location`'s origin with the original path and query; the call is not handled. */
	| 'redirect';

export interface FaultSpec {
	/** Exact path such as '/cgi-bin/message/send'; absent = every /cgi-bin/ path. */
	path?: string;
	kind: FaultKind;
	/** For 'errcode'; default -1. */
	errcode?: number;
	/** For 'http5xx' (default 503) and 'redirect' (300..399, default 302). */
	status?: number;
	/** For 'slow'; default 2000. */
	delayMs?: number;
	/** For 'emptyBody' (default false) and 'truncatedBody' (default true): handle the call first. */
	handled?: boolean;
	/** For 'redirect' (required): an http(s) URL whose origin the Location points at. */
	location?: string;
	/** Fire on at most this many calls, then retire. */
	times?: number;
	/** Fire on every Nth matching call (N, 2N, ...). */
	every?: number;
	/** Fire with this probability (seeded PRNG). */
	probability?: number;
}

export interface ActiveFault extends FaultSpec {
	id: string;
	/** Matching calls seen so far. */
	seen: number;
	/** Times it fired. */
	fired: number;
}

export interface FaultControl {
	/** Adds a fault; returns its id. Throws on an invalid spec. */
	add(spec: FaultSpec): string;
	remove(id: string): boolean;
	clear(): void;
	list(): ActiveFault[];
}

export interface SandboxStats {
	/** gettoken calls, rejected ones included. */
	gettoken: number;
	/** Calls per /cgi-bin/ path, rejected ones included. */
	calls: Record<string, number>;
	/** Answers per errcode ('0' = success), injected errcodes included; drops and 5xx pages are not answers. */
	errcodes: Record<string, number>;
	/** Identical sends answered with the original msgid instead of being delivered again. */
	duplicateSuppressed: number;
	/** How often an injected fault fired. */
	faultsFired: number;
	/** access_tokens minted (a repeat gettoken within validity returns the same one). */
	tokensIssued: number;
	/** Messages not delivered to a member because of the per-member limit (one per member). */
	memberDrops: number;
}

export type MessageAction = 'send' | 'update' | 'recall';

/** One accepted call (send, robot send, update, recall), in acceptance order. */
export interface DeliveredMessage {
	/** 1, 2, 3, ... in acceptance order. */
	id: number;
	kind: 'app' | 'robot';
	action: MessageAction;
	/** 'template_card', 'text', 'markdown'...; for updates 'template_card' or 'button'; for recalls 'recall'. */
	msgtype: string;
	corpId?: string;
	agentid?: number;
	robotKey?: string;
	/** Recipients as arrays; touser is ['@all'] for @all. Parties and tags as given (strings). */
	touser: string[];
	toparty: string[];
	totag: string[];
	template_card?: unknown;
	text?: { content: string };
	markdown?: { content: string };
	/** The message id (send: the new one; update/recall: the one acted on). */
	msgid?: string;
	response_code?: string;
	task_id?: string;
	acceptedAt: number;
	/**
	 * Set when enable_duplicate_check suppressed this send: the id of the original entry. Such an
	 * entry was answered (errcode 0, original msgid) but NOT delivered again.
	 */
	duplicateOf?: number;
	/** Sends only: enable_id_trans was 1 ($userName=ID$ placeholders get translated in the client). */
	enableIdTrans?: boolean;
	/** Sends only: members (lower-cased) it was not delivered to because of the per-member limit. */
	droppedFor?: string[];
	/** Sends only: recalled later. */
	recalled: boolean;
	recalledAt?: number;
	/** Updates only. */
	update?: {
		mode: 'button' | 'template_card';
		replace_name?: string;
		atall: boolean;
		/** Users whose card was replaced (lower-cased). */
		users: string[];
		partyids: number[];
		tagids: number[];
		invaliduser: string[];
	};
}

/** What one user currently sees of one card (after updates and recalls). */
export interface UserCard {
	msgid: string;
	corpId: string;
	agentid: number;
	msgtype: string;
	/** The current card (the sent one, or the replacement). */
	template_card?: unknown;
	text?: { content: string };
	/** Set after a button-mode update: the grey button's label. */
	replaceName?: string;
	updatedAt?: number;
	recalled: boolean;
}

export interface Sandbox {
	/** 'http://127.0.0.1:PORT', or https:// with options.tls */
	url: string;
	/** With options.tls: the certificate (PEM) clients must trust, e.g. through NODE_EXTRA_CA_CERTS. */
	certificate?: string;
	close(): Promise<void>;
	/**
	 * A restart of WeCom's front end: every connection is dropped and the port refuses
	 * connections for downtimeMs; state (tokens, messages, duplicate-check windows) survives.
	 */
	outage(downtimeMs: number): Promise<void>;
	/**
	 * Clears messages, stats, faults, tokens, rate windows and member drops; configuration
	 * (callback settings, rotated secrets) and the issuedTokens() history stay.
	 */
	reset(): void;
	/** Early invalidation: every issued token becomes invalid (40014). */
	invalidateTokens(): void;
	/** Every issued token expires now (42001 from then on); gettoken mints new ones. */
	expireTokens(): void;
	/**
	 * A secret reset in the admin console: gettoken with the old secret answers 40001, the next
	 * gettoken with the new one mints a new token; tokens already issued stay valid until expiry.
	 * Throws if the app is unknown or the secret is empty or another app's.
	 */
	rotateSecret(corpId: string, agentId: number, newSecret: string): void;
	/** Every access_token ever issued, across resets (for leak scans). */
	issuedTokens(): string[];
	faults: FaultControl;
	stats(): SandboxStats;
	/** Connections and TLS handshakes clients opened since start or reset (GET /sandbox/connections). */
	connections(): ConnectionCounts;
	messages(): DeliveredMessage[];
	/** Messages answered errcode 0 but not delivered to a member (per-member limit), oldest first. */
	memberDrops(): MemberDrop[];
	cardsFor(userid: string): UserCard[];
	/** Moves the sandbox clock forward (on top of options.clock). */
	advanceClock(ms: number): void;
	/** The sandbox's current time in ms. */
	now(): number;
	/** Callback settings of an app (default: the first corp's first app). */
	callbackConfig(corpId?: string, agentId?: number): CallbackConfig;
	/** Sets an app's callback URL, Token or EncodingAESKey (as in Receive Messages > Set API). */
	setCallbackConfig(config: CallbackConfigInput): CallbackConfig;
	/** A member clicks a delivered card; the event is POSTed to the app's callback URL. */
	click(action: ClickAction): Promise<ClickResult>;
	/** An approval changes state; sys_approval_change is POSTed to the app's callback URL. */
	approve(action: ApprovalAction): Promise<ApprovalResult>;
	/** WeCom's GET URL check (echostr) against the callback URL. */
	verifyCallbackUrl(options?: VerifyCallbackOptions): Promise<VerifyCallbackResult>;
	/** Every callback delivery since start or reset, with its attempts. */
	callbackDeliveries(): CallbackDelivery[];
	/** An uploaded media_id while its 3 days last (app: corp-wide, robot: that robot's). */
	uploadedMedia(mediaId: string): UploadedMedia | undefined;
	/** Every approval application, in getapprovaldetail's shape plus the corp and app it belongs to. */
	approvals(): StoredApproval[];
	/** A member submits an application in the Approval app; sys_approval_change is sent (StatuChangeEvent 1). */
	submitApproval(submission: ApprovalSubmission): Promise<ApprovalChangeResult>;
	/** An approver approves or rejects, or the applicant revokes; the callback is sent before this resolves. */
	decideApproval(decision: ApprovalDecision): Promise<ApprovalChangeResult>;
}

/** What the sandbox keeps of an upload (media/upload or the robot's upload_media). */
export interface UploadedMedia {
	type: string;
	fileName: string;
	size: number;
	createdAt: number;
	owner: { corpId: string } | { robotKey: string };
}
