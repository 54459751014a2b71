import { randomBytes } from 'node:crypto';

export interface TokenOwner {
	corpId: string;
	agentId: number;
}

interface IssuedToken extends TokenOwner {
	token: string;
	expiresAt: number;
	invalidated: boolean;
}

export type TokenCheck = { ok: true; owner: TokenOwner } | { ok: false; errcode: 40014 | 41001 | 42001 };

/** access_tokens per app: minting, reuse within validity, expiry and early invalidation. */
export class TokenStore {
	private readonly byToken = new Map<string, IssuedToken>();
	/** The current token of each app ('corpId|agentId'). */
	private readonly current = new Map<string, IssuedToken>();
	/** Every token ever minted; survives reset() so leak scans see all of them. */
	private readonly history: string[] = [];
	mintedCount = 0;

	constructor(private readonly ttlSeconds: number) {
		if (!(typeof ttlSeconds === 'number' && Number.isFinite(ttlSeconds) && ttlSeconds > 0))
			throw new Error(`tokenTtlSeconds must be a positive number of seconds, got ${String(ttlSeconds)}`);
	}

	/**
	 * Within its validity the same token is returned again: WeCom's 2020 gettoken doc said so
	 * ("repeat calls within the validity window return the same token"). expires_in is the
	 * remaining lifetime, so a client caching by expires_in never outlives the token.
	 */
	obtain(owner: TokenOwner, now: number): { token: string; expiresIn: number } {
		const key = `${owner.corpId}|${owner.agentId}`;
		let entry = this.current.get(key);
		if (!entry || entry.invalidated || entry.expiresAt <= now) {
			// 72 random bytes = 96 base64url characters: long and opaque like WeCom's tokens.
			const token = randomBytes(72).toString('base64url');
			entry = { ...owner, token, expiresAt: now + this.ttlSeconds * 1000, invalidated: false };
			this.current.set(key, entry);
			this.byToken.set(token, entry);
			this.history.push(token);
			this.mintedCount++;
		}
		return { token: entry.token, expiresIn: Math.ceil((entry.expiresAt - now) / 1000) };
	}

	check(token: string | null, now: number): TokenCheck {
		if (!token) return { ok: false, errcode: 41001 };
		const entry = this.byToken.get(token);
		if (!entry || entry.invalidated) return { ok: false, errcode: 40014 };
		if (entry.expiresAt <= now) return { ok: false, errcode: 42001 };
		return { ok: true, owner: { corpId: entry.corpId, agentId: entry.agentId } };
	}

	invalidateAll(): void {
		for (const entry of this.byToken.values()) entry.invalidated = true;
	}

	/** Every valid token expires now: calls with it answer 42001, gettoken mints a new one. */
	expireAll(now: number): void {
		for (const entry of this.byToken.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
	}

	/**
	 * The app's next gettoken mints a new token (its secret changed); tokens already issued stay
	 * valid until they expire.
	 */
	startOver(owner: TokenOwner): void {
		this.current.delete(`${owner.corpId}|${owner.agentId}`);
	}

	/** Forgets every token (they answer 40014 from now on); the history stays. */
	clear(): void {
		this.byToken.clear();
		this.current.clear();
		this.mintedCount = 0;
	}

	issued(): string[] {
		return [...this.history];
	}
}
