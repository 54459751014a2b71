import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { fieldMessageForErrcode } from '../../shared/card';
import { retryPolicyFrom, type RetryOptionValues } from '../helpers/options';
import { weComApiCall } from '../transport';
import { CREDENTIAL_TYPE } from '../transport/credentials';

/**
 * Greys out the card's buttons for everyone who got it, showing the answer
 * (update_template_card, button.replace_name, atall). Best effort: the answer is recorded and
 * the workflow resumes even if WeCom refuses (e.g. 60140, the response_code is older than 72 h),
 * and the output says what happened.
 */
export async function showAnswerOnCard(
	ctx: IWebhookFunctions,
	responseCode: string | undefined,
	text: string,
	options: RetryOptionValues,
): Promise<IDataObject> {
	if (!responseCode) {
		return { cardUpdated: false, cardUpdateError: "The card's response_code was not kept in the execution" };
	}
	// The transport only uses getCredentials, getNode and helpers.httpRequestWithAuthentication,
	// which a webhook context has too (see transport/index.ts and credentials.ts).
	const api = ctx as unknown as IExecuteFunctions;
	try {
		const agentid = Number((await ctx.getCredentials(CREDENTIAL_TYPE)).agentId);
		const body = { atall: 1, agentid, response_code: responseCode, button: { replace_name: text } };
		// A response_code is single-use: only failures that certainly changed nothing are retried.
		await weComApiCall.call(
			api,
			{ method: 'POST', path: '/cgi-bin/message/update_template_card', body },
			0,
			{ retry: retryPolicyFrom(options, false), explainErrcode: fieldMessageForErrcode },
		);
		return { cardUpdated: true };
	} catch (error) {
		const failure = error as { message?: string; errcode?: number };
		ctx.logger.warn(`WeCom Send and Wait: the card could not show the answer: ${failure.message ?? String(error)}`);
		return {
			cardUpdated: false,
			cardUpdateError: failure.message ?? String(error),
			...(failure.errcode !== undefined && { errcode: failure.errcode }),
		};
	}
}
