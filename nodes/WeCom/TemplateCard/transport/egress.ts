/*
 * n8n's outbound-request (SSRF) policy, where the instance has one (N8N_SSRF_PROTECTION_ENABLED).
 * n8n checks each address its own client connects to, after its own DNS lookup and on every
 * redirect hop. A check of the URL ahead of a `fetch` cannot do that: `fetch` resolves the name
 * again, and a name that first answers an allowed address and then a blocked one (DNS rebinding)
 * would pass. So under a policy every request goes through n8n's client; the check here only
 * turns a refused origin into a clear error before anything is sent.
 */
import type { WeComApiContext } from './context';
import { EGRESS_REFUSED } from './errors';

/** n8n's egress filter as 2.x offers it to nodes; 1.x has none (then the instance has no such policy). */
interface EgressFilter {
	validateUrl(url: string): Promise<{ ok: boolean; error?: Error }>;
}

/** 'unsafe' asks for n8n's pass-through filter: the one handed out when no policy is in force. */
type EgressHelpers = { getSecureEgressFilter?: (policy?: 'unsafe') => EgressFilter };

/** One check per origin and execution (a check resolves the name). */
const checkedOrigins = new WeakMap<WeComApiContext, Map<string, Promise<void>>>();

/**
 * True when n8n enforces an outbound policy, so the request must go through n8n's client.
 * Throws (code EGRESS_REFUSED) when the policy refuses the URL's origin.
 */
export async function egressPolicyApplies(ctx: WeComApiContext, url: string): Promise<boolean> {
	const helpers = ctx.helpers as EgressHelpers;
	const filter = helpers.getSecureEgressFilter?.();
	if (!filter || filter === helpers.getSecureEgressFilter?.('unsafe')) return false;
	const origin = new URL(url).origin;
	let origins = checkedOrigins.get(ctx);
	if (!origins) checkedOrigins.set(ctx, (origins = new Map()));
	let check = origins.get(origin);
	if (!check) {
		check = refusalOf(filter, origin);
		origins.set(origin, check);
	}
	await check;
	return true;
}

type Verdict = Awaited<ReturnType<EgressFilter['validateUrl']>>;

async function refusalOf(filter: EgressFilter, origin: string): Promise<void> {
	const verdict = await filter.validateUrl(origin).then(
		(result) => result,
		// A lookup that fails is no refusal: n8n's client looks the name up again and reports what it finds.
		(): Verdict => ({ ok: true }),
	);
	if (verdict.ok) return;
	throw Object.assign(
		new Error(`n8n's outbound request policy refuses ${new URL(origin).host}: ${verdict.error?.message ?? 'blocked'}`),
		{ code: EGRESS_REFUSED },
	);
}
