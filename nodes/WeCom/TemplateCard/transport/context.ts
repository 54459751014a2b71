import type { ICredentialDataDecryptedObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

/** The app credential: Corp ID, Agent ID, Secret, and the access_token n8n stores with them. */
export const CREDENTIAL_TYPE = 'weComApi';

/**
 * Where WeCom's app API is called from: an operation's execute(), or the webhook that resumes
 * Send and Wait (it shows the answer on the card).
 */
export type WeComApiContext = IExecuteFunctions | IWebhookFunctions;

function isWebhook(ctx: WeComApiContext): ctx is IWebhookFunctions {
	return 'getBodyData' in ctx;
}

/** A credential of the node, as n8n decrypts it now (execute reads it per item; a webhook has one). */
export async function readCredentials(
	ctx: WeComApiContext,
	type: string,
	itemIndex: number,
): Promise<ICredentialDataDecryptedObject> {
	return isWebhook(ctx) ? await ctx.getCredentials(type) : await ctx.getCredentials(type, itemIndex);
}

/** The app a message goes out from; WeCom's per-member limits count per app. */
export interface WeComApp {
	corpId: string;
	agentId: number;
}

/** The app named by the node's WeCom API credential; the secret is never part of it. */
export async function readWeComApp(ctx: WeComApiContext, itemIndex: number): Promise<WeComApp> {
	const credentials = await readCredentials(ctx, CREDENTIAL_TYPE, itemIndex);
	return { corpId: String(credentials.corpId ?? ''), agentId: Number(credentials.agentId) };
}
