import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** The app credential: Corp ID, Agent ID, Secret, and the access_token n8n stores with them. */
export const CREDENTIAL_TYPE = 'weComApi';

/**
 * Where WeCom's app API is called from: an operation's execute(), the webhook that resumes
 * Send and Wait (it shows the answer on the card), or the editor loading choices (methods/).
 */
export type WeComApiContext = IExecuteFunctions | IWebhookFunctions | ILoadOptionsFunctions;

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

/**
 * The WeCom API credential as this execution (or webhook call) holds it: read from n8n once (in a
 * real n8n each read is a database read and a decryption), then replaced whenever a request had to
 * use a newer token. Its fields cannot vary per item.
 */
const credentialsInHand = new WeakMap<WeComApiContext, Promise<ICredentialDataDecryptedObject>>();

export async function appCredentials(ctx: WeComApiContext, itemIndex: number): Promise<ICredentialDataDecryptedObject> {
	let held = credentialsInHand.get(ctx);
	if (!held) {
		held = readCredentials(ctx, CREDENTIAL_TYPE, itemIndex);
		credentialsInHand.set(ctx, held);
		// A failed read (a deleted credential) is not kept: the next item asks n8n again.
		const read = held;
		read.catch(() => {
			if (credentialsInHand.get(ctx) === read) credentialsInHand.delete(ctx);
		});
	}
	return await held;
}

/** After a request went out with a newer token, later requests of this execution use it too. */
export function keepInHand(ctx: WeComApiContext, credentials: ICredentialDataDecryptedObject): void {
	credentialsInHand.set(ctx, Promise.resolve(credentials));
}

/** The app a message goes out from; WeCom's per-member limits count per app. */
export interface WeComApp {
	corpId: string;
	agentId: number;
}

/** The app named by the node's WeCom API credential; the secret is never part of it. */
export async function readWeComApp(ctx: WeComApiContext, itemIndex: number): Promise<WeComApp> {
	const credentials = await appCredentials(ctx, itemIndex);
	return { corpId: String(credentials.corpId ?? ''), agentId: Number(credentials.agentId) };
}
