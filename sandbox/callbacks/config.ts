import type { AppContext, SandboxState } from '../state';
import type { CallbackConfig, CallbackConfigInput } from './types';

/** Public demo values: they only open the sandbox's callbacks, never a real WeCom app. */
export const DEMO_CALLBACK_TOKEN = 'SandboxCallbackToken0001';
export const DEMO_ENCODING_AES_KEY = 'SandboxDemoEncodingAESKeyNotForRealWeCom001';

const TOKEN = /^[A-Za-z0-9]{1,32}$/;
const AES_KEY = /^[A-Za-z0-9]{43}$/;

/** A caller mistake in a sandbox action (answered 400 over HTTP). */
export class SandboxActionError extends Error {}

export function fail(message: string): never {
	throw new SandboxActionError(message);
}

function checkUrl(url: string): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return fail(`callback url is not a URL: ${url}`);
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail('callback url must be http or https');
	return url;
}

/**
 * Callback settings per app. The app's own callbackUrl is the starting URL; Token and
 * EncodingAESKey default to the demo values. Changes live here, so the corp definitions
 * (shared module constants such as DEMO_CORP) are never mutated.
 */
export class CallbackConfigStore {
	private readonly overrides = new Map<string, Partial<CallbackConfig>>();

	constructor(private readonly state: SandboxState) {}

	/** The app an action targets: given ids, or the first corp's first app. */
	app(corpId?: string, agentId?: number): AppContext {
		const corp = corpId === undefined ? [...this.state.corps.values()][0] : this.state.corps.get(corpId);
		if (!corp) return fail(`unknown corp: ${corpId}`);
		const app = agentId === undefined ? corp.corp.apps[0] : corp.corp.apps.find((a) => a.agentId === agentId);
		if (!app) return fail(`unknown agentId ${agentId} in corp ${corp.corp.corpId}`);
		return { corp, app };
	}

	get(corpId?: string, agentId?: number): CallbackConfig {
		const { corp, app } = this.app(corpId, agentId);
		const key = `${corp.corp.corpId}|${app.agentId}`;
		return {
			corpId: corp.corp.corpId,
			agentId: app.agentId,
			url: app.callbackUrl,
			token: DEMO_CALLBACK_TOKEN,
			encodingAesKey: DEMO_ENCODING_AES_KEY,
			...this.overrides.get(key),
		};
	}

	set(input: CallbackConfigInput): CallbackConfig {
		const current = this.get(input.corpId, input.agentId);
		if (input.token !== undefined && !TOKEN.test(input.token)) fail('token must be 1 to 32 letters or digits');
		if (input.encodingAesKey !== undefined && !AES_KEY.test(input.encodingAesKey)) {
			fail('encodingAesKey must be exactly 43 letters or digits');
		}
		const key = `${current.corpId}|${current.agentId}`;
		this.overrides.set(key, {
			...this.overrides.get(key),
			...(input.url !== undefined && { url: checkUrl(input.url) }),
			...(input.token !== undefined && { token: input.token }),
			...(input.encodingAesKey !== undefined && { encodingAesKey: input.encodingAesKey }),
		});
		return this.get(current.corpId, current.agentId);
	}
}
