/**
 * n8n's REST API as the editor uses it: one session cookie (from the owner setup) and a fixed
 * `browser-id` header, which n8n binds the session to.
 */
import { randomBytes } from 'node:crypto';

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/**
 * The login of the local n8n that `npm start` and the e2e tests run: a new random password for
 * every user folder (printed by `npm start`), so no password in this repository opens anyone's n8n.
 */
export function newLocalOwner(): Owner {
	// n8n asks for 8+ characters with a digit and an upper-case letter; base64url gives neither for sure.
	return {
		email: 'owner@example.com',
		firstName: 'WeCom',
		lastName: 'Sandbox',
		password: `Wc1-${randomBytes(18).toString('base64url')}`,
	};
}

export class N8nRest {
	private cookie = '';
	private readonly browserId = 'n8n-nodes-wecom-card-scripts';

	constructor(readonly url: string) {}

	async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				'browser-id': this.browserId,
				...(this.cookie && { cookie: this.cookie }),
				...(body !== undefined && { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		const auth = setCookie && /n8n-auth=[^;]+/.exec(setCookie);
		if (auth) this.cookie = auth[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: keep the text for the error message
		}
		return { status: response.status, body: parsed as T };
	}

	/** REST calls answer `{ data }`; anything but 2xx is an error that quotes n8n's answer. */
	async data<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await this.request<{ data: T }>(method, path, body);
		if (response.status < 200 || response.status > 299) {
			throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
		}
		return response.body.data;
	}

	/** The owner this session signed up, once setupOwner() has run. */
	owner?: Owner;

	async setupOwner(owner: Owner = newLocalOwner()): Promise<Owner> {
		await this.data('POST', '/rest/owner/setup', owner);
		this.owner = owner;
		return owner;
	}

	/**
	 * The credential's Test button as the editor runs it: the stored credential (secrets come
	 * back redacted), `edits` applied on top, POST /rest/credentials/test; n8n restores the
	 * redacted values from the database.
	 */
	async testCredential(id: string, edits: Record<string, unknown> = {}): Promise<{ status: string; message: string }> {
		const stored = await this.data<{ id: string; name: string; type: string; data: Record<string, unknown> }>(
			'GET',
			`/rest/credentials/${id}?includeData=true`,
		);
		return await this.data('POST', '/rest/credentials/test', {
			credentials: { id: stored.id, name: stored.name, type: stored.type, data: { ...stored.data, ...edits } },
		});
	}

	/**
	 * Saving an edited credential as the editor does: the stored credential (secrets come back
	 * redacted), `edits` applied on top, PATCH /rest/credentials/:id; n8n restores the redacted
	 * values (hidden fields such as a stored token included) from the database.
	 */
	async updateCredential(id: string, edits: Record<string, unknown>): Promise<void> {
		const stored = await this.data<{ name: string; type: string; data: Record<string, unknown> }>(
			'GET',
			`/rest/credentials/${id}?includeData=true`,
		);
		await this.data('PATCH', `/rest/credentials/${id}`, {
			name: stored.name,
			type: stored.type,
			data: { ...stored.data, ...edits },
		});
	}

	/** Publishes the workflow's current version, which registers its production webhooks. */
	async publishWorkflow(id: string): Promise<void> {
		const workflow = await this.data<{ versionId: string }>('GET', `/rest/workflows/${id}`);
		await this.data('POST', `/rest/workflows/${id}/activate`, { versionId: workflow.versionId });
	}
}
