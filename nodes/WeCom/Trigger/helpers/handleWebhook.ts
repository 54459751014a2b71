import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { CallbackSecrets, WeComCallbackEvent } from '../../shared/callback';
import {
	CallbackRejection,
	normaliseEvent,
	openCallback,
	openEchostr,
	openEncryptedCallback,
} from '../../shared/callback';
import { EVENT_FILTERS } from '../description';
import { withApprovalDetails } from './approvalDetails';
import { dedupKeyOf } from './dedupKey';
import { answer, postedPayload } from './http';
import { recentKeysFor, resendMemoryMs } from './recentKeys';
import { checkCallbackTimes, checkUrlCheckTime, maxAgeOf } from './replayWindow';

const CALLBACK_CREDENTIAL_TYPE = 'weComCallbackApi';

interface TriggerOptions {
	ignoreResends?: boolean;
	maxAgeSeconds?: number;
}

const NO_RESPONSE: IWebhookResponseData = { noWebhookResponse: true };

async function readSecrets(ctx: IWebhookFunctions): Promise<CallbackSecrets> {
	const credentials = await ctx.getCredentials(CALLBACK_CREDENTIAL_TYPE);
	return {
		token: String(credentials.token ?? '').trim(),
		encodingAesKey: String(credentials.encodingAesSecretKey ?? '').trim(),
		corpId: String(credentials.corpId ?? '').trim(),
	};
}

function requireMethod(ctx: IWebhookFunctions, method: 'GET' | 'POST'): void {
	if (ctx.getRequestObject().method !== method) {
		throw new CallbackRejection('badMethod', `${method} expected`);
	}
}

function optionsOf(ctx: IWebhookFunctions): TriggerOptions {
	return ctx.getNodeParameter('options', {}) as TriggerOptions;
}

/** GET: WeCom checks the URL; the answer is the decrypted echostr and nothing else. */
function verifyUrl(ctx: IWebhookFunctions, secrets: CallbackSecrets): IWebhookResponseData {
	requireMethod(ctx, 'GET');
	const opened = openEchostr(secrets, ctx.getQueryData());
	checkUrlCheckTime(opened.timestamp, maxAgeOf(optionsOf(ctx).maxAgeSeconds), Date.now());
	answer(ctx, 200, opened.echo);
	return NO_RESPONSE;
}

function eventMatches(filters: string[], event: WeComCallbackEvent): boolean {
	if (filters.includes(EVENT_FILTERS.all)) return true;
	switch (event.category) {
		case 'templateCard':
			return filters.includes(EVENT_FILTERS.cardClick);
		case 'templateCardMenu':
			return filters.includes(EVENT_FILTERS.cardMenu);
		case 'approval':
			return filters.includes(EVENT_FILTERS.approval);
		case 'message':
			return filters.includes(EVENT_FILTERS.message);
		default:
			return filters.includes(EVENT_FILTERS.otherEvent);
	}
}

async function openPosted(ctx: IWebhookFunctions, secrets: CallbackSecrets) {
	const query = ctx.getQueryData();
	const posted = await postedPayload(ctx);
	if (posted.body !== undefined) return openCallback(secrets, query, posted.body);
	if (posted.encrypted) return openEncryptedCallback(secrets, query, posted.encrypted);
	throw new CallbackRejection('badRequest', 'no body');
}

/** POST: check everything, acknowledge with an empty 200 at once, then start the workflow. */
async function receiveEvent(ctx: IWebhookFunctions, secrets: CallbackSecrets): Promise<IWebhookResponseData> {
	requireMethod(ctx, 'POST');
	const options = optionsOf(ctx);
	const maxAgeSeconds = maxAgeOf(options.maxAgeSeconds);
	const opened = await openPosted(ctx, secrets);
	const event = normaliseEvent(opened.root, opened.xml);
	const now = Date.now();
	checkCallbackTimes({ timestamp: opened.timestamp, createTime: event.createTime }, maxAgeSeconds, now);
	// Empty 200 = "received, no reply" for WeCom; anything slower than 5 s is re-sent.
	answer(ctx, 200);

	if (!eventMatches(ctx.getNodeParameter('events', []) as string[], event)) return NO_RESPONSE;
	if (options.ignoreResends !== false) {
		const node = ctx.getNode();
		const recent = recentKeysFor(`${ctx.getWorkflow().id ?? ''}|${node.id}`);
		if (!recent.claim(dedupKeyOf(event), now, resendMemoryMs(maxAgeSeconds))) return NO_RESPONSE;
	}
	const json =
		event.category === 'approval' && ctx.getNodeParameter('includeApprovalDetails', false) === true
			? await withApprovalDetails(ctx, event)
			: (event as IDataObject);
	return { ...NO_RESPONSE, workflowData: [[{ json }]] };
}

/**
 * The trigger's whole request handling. Nothing escapes: a forged or malformed request gets a
 * 4xx naming the reason class (never a secret), anything unexpected a 500, and neither starts
 * the workflow.
 */
export async function handleWebhook(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	try {
		const secrets = await readSecrets(ctx);
		if (ctx.getWebhookName() === 'setup') return verifyUrl(ctx, secrets);
		return await receiveEvent(ctx, secrets);
	} catch (error) {
		if (error instanceof CallbackRejection) {
			ctx.logger.warn(`WeCom Trigger refused a request: ${error.reason} (${error.message})`);
			answer(ctx, error.status, error.reason);
			return NO_RESPONSE;
		}
		ctx.logger.error(`WeCom Trigger could not handle a request: ${(error as Error)?.message ?? String(error)}`);
		answer(ctx, 500, 'internal error');
		return NO_RESPONSE;
	}
}
