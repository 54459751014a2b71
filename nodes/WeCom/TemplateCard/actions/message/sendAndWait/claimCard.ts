import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { ERRCODE } from '../../../../shared/errorCodes';
import { RESPONSE_CODE_TTL_MS } from '../../../../shared/limits';
import { retryPolicyFrom, type RetryOptionValues } from '../../../helpers/options';
import { updateCard } from '../../../transport/messages';
import type { SentCard } from './sentCard';

/** Clocks of n8n and WeCom may differ a little: near the 72 h, a 60140 may mean expired. */
const CLOCK_MARGIN_MS = 10 * 60 * 1000;

/**
 * What showing the answer on the card says about who answered first:
 * - `won`: this tap's update used the card's response_code; its answer is the one;
 * - `taken`: WeCom refused the code as used, and it cannot have expired: another tap's update
 *   went first;
 * - `undecided`: WeCom cannot tell (no code kept, the code may have expired, WeCom refused
 *   otherwise or its answer was lost); n8n's own claim on the execution decides.
 */
export type CardClaim =
	| { outcome: 'won'; output: IDataObject }
	| { outcome: 'taken' }
	| { outcome: 'undecided'; output: IDataObject };

/**
 * Greys out the card's buttons for everyone who got it, showing the answer
 * (update_template_card with button.replace_name and atall, see
 * https://developer.work.weixin.qq.com/document/path/94888). A response_code serves one
 * successful update within 72 h; later calls get 60140
 * (https://developer.work.weixin.qq.com/document/path/90313), which makes the update an atomic
 * claim held by WeCom for every n8n process. Best effort otherwise: the output says what
 * happened.
 */
export async function claimCard(
	ctx: IWebhookFunctions,
	sent: SentCard,
	text: string,
	options: RetryOptionValues,
): Promise<CardClaim> {
	if (!sent.response_code) {
		return undecided({ cardUpdateError: "The card's response_code was not kept in the execution" });
	}
	try {
		await updateCard(ctx, 0, {
			responseCode: sent.response_code,
			target: { everyone: true },
			change: { replaceButtonWith: text },
			retry: retryPolicyFrom(options, false),
		});
		return { outcome: 'won', output: { cardUpdated: true } };
	} catch (error) {
		const failure = error as { message?: string; errcode?: number };
		if (failure.errcode === ERRCODE.responseCodeUsedOrExpired && isSurelyUnexpired(sent)) return { outcome: 'taken' };
		ctx.logger.warn(`WeCom Send and Wait: the card could not show the answer: ${failure.message ?? String(error)}`);
		return undecided({
			cardUpdateError: failure.message ?? String(error),
			...(failure.errcode !== undefined && { errcode: failure.errcode }),
		});
	}
}

function undecided(detail: IDataObject): CardClaim {
	return { outcome: 'undecided', output: { cardUpdated: false, ...detail } };
}

function isSurelyUnexpired({ sentAt }: SentCard): boolean {
	return sentAt !== undefined && Date.now() - sentAt < RESPONSE_CODE_TTL_MS - CLOCK_MARGIN_MS;
}
