import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Where WeCom's API answers, for apps and group robots alike
 * (https://developer.work.weixin.qq.com/document/path/91039,
 * https://developer.work.weixin.qq.com/document/path/99110).
 */
export const WECOM_API_ORIGIN = 'https://qyapi.weixin.qq.com';

/** The last base URL setting weComBaseUrl read, and what it made of it: every request asks. */
let lastBaseUrl = { setting: '', baseUrl: WECOM_API_ORIGIN };

/** The WeCom API credential's base URL (a proxy, a private deployment, the sandbox) or WeCom's own. */
export function weComBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const setting = String(credentials.baseUrl ?? '');
	if (setting !== lastBaseUrl.setting) {
		lastBaseUrl = { setting, baseUrl: (setting.trim() || WECOM_API_ORIGIN).replace(/\/+$/, '') };
	}
	return lastBaseUrl.baseUrl;
}

export interface RobotWebhook {
	/** Origin of the webhook URL; WECOM_API_ORIGIN for a bare key. */
	baseUrl: string;
	key: string;
}

/** The message never repeats the value: it is the secret. */
const INVALID_WEBHOOK = `The Webhook URL or Key of the WeCom group robot credential is not valid. Paste the whole webhook address (${WECOM_API_ORIGIN}/cgi-bin/webhook/send?key=...) or just the key.`;

/**
 * Reads the group robot credential's one field: the robot's full webhook URL, or just its key
 * (then WeCom's own origin is meant). Throws without quoting the value.
 */
export function parseRobotWebhook(value: unknown): RobotWebhook {
	const text = String(value ?? '').trim();
	if (/^https?:\/\//i.test(text)) {
		const url = URL.canParse(text) ? new URL(text) : undefined;
		const key = url?.searchParams.get('key')?.trim();
		if (!url || !key) throw new Error(INVALID_WEBHOOK);
		return { baseUrl: url.origin, key };
	}
	// A bare key: nothing that would make it a URL or break the query string.
	if (!text || /[\s/?&#=]/.test(text)) throw new Error(INVALID_WEBHOOK);
	return { baseUrl: WECOM_API_ORIGIN, key: text };
}
