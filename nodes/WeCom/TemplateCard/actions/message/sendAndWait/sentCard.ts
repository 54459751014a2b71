import type { IExecuteFunctions, INode, IWebhookFunctions } from 'n8n-workflow';

import { executionCustomData, readExecutionCustomData } from '../../../../shared/n8nVersions';

/**
 * What the resume webhook needs from the send: the card's response_code (to show the answer
 * on it), when WeCom issued it (a 60140 on a code inside its 72 h means another tap used it) and
 * msgid (for the output). They exist only after WeCom answered the send, so they cannot ride
 * in the buttons' URLs. They go into the execution's custom data: n8n saves it with the waiting
 * execution (in its database, so any main or webhook process that resumes it reads it) and
 * hands it to webhook(). Workflow static data would be shared by all executions.
 */
export interface SentCard {
	msgid?: string;
	response_code?: string;
	/** Epoch ms when WeCom answered the send. */
	sentAt?: number;
}

/** n8n logs values over 255 characters as an error (and cuts them at 512). */
const CUSTOM_DATA_VALUE_MAX = 255;

/** Custom data keys: letters, digits and underscores, at most 50 characters. */
function customDataKey(node: INode): string {
	return `wecomCard_${node.id.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 50);
}

/** True when the values were stored (n8n keeps at most 10 custom data keys per execution). */
export function rememberSentCard(ctx: IExecuteFunctions, sent: SentCard): boolean {
	const key = customDataKey(ctx.getNode());
	let value = JSON.stringify(sent);
	// The response_code and its age matter; the msgid is only informative.
	if (value.length > CUSTOM_DATA_VALUE_MAX)
		value = JSON.stringify({ response_code: sent.response_code, sentAt: sent.sentAt });
	if (value.length > CUSTOM_DATA_VALUE_MAX) return false;
	const customData = executionCustomData(ctx);
	customData.set(key, value);
	return customData.get(key) === value;
}

export function recallSentCard(ctx: IWebhookFunctions): SentCard {
	const value = readExecutionCustomData(ctx, customDataKey(ctx.getNode()));
	if (!value) return {};
	try {
		const parsed = JSON.parse(value) as SentCard;
		return {
			msgid: typeof parsed.msgid === 'string' ? parsed.msgid : undefined,
			response_code: typeof parsed.response_code === 'string' ? parsed.response_code : undefined,
			sentAt: typeof parsed.sentAt === 'number' ? parsed.sentAt : undefined,
		};
	} catch {
		return {};
	}
}
