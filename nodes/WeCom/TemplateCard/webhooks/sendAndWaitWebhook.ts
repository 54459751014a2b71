import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { readResponseButtons } from '../helpers/sendAndWaitButtons';
import { recallSentCard } from '../helpers/sendAndWaitState';
import { answerWithPage } from './responsePage';
import { showAnswerOnCard } from './showAnswer';

/** Link checkers and chat previews fetch links too; they must not answer for a person. */
const LINK_PREVIEW_AGENTS = /bot\b|crawler|spider|slurp|preview|facebookexternalhit|linkexpander|safelinks/i;

/**
 * A click on a card button. n8n calls this only for a link whose signature it checked, while
 * the execution waits. The value must still be one of the node's buttons: anything else gets a
 * 400 and the execution keeps waiting. A URL button does not tell who clicked (WeCom opens
 * the link without identifying the member), so the output has no `answeredBy`.
 */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const userAgent = String(this.getHeaderData()['user-agent'] ?? '');
	if (LINK_PREVIEW_AGENTS.test(userAgent)) {
		answerWithPage(this, 200, 'Open this link in WeCom', 'Answers are taken from the card in WeCom.');
		return { noWebhookResponse: true };
	}

	const query = this.getQueryData() as IDataObject;
	const value = typeof query.value === 'string' ? query.value : undefined;
	const buttons = readResponseButtons((name, fallback) => this.getNodeParameter(name, fallback), this.getNode());
	const button = buttons.find((candidate) => candidate.value === value);
	if (!button) {
		answerWithPage(this, 400, 'This answer is not valid', "The link does not match any of the card's buttons.");
		return { noWebhookResponse: true };
	}

	// The browser gets its answer before WeCom is called to update the card.
	answerWithPage(this, 200, `Your answer '${button.label}' was recorded`, 'You can close this page.');

	const options = this.getNodeParameter('options', {}) as IDataObject;
	const sent = recallSentCard(this);
	const card =
		options.updateCard === false
			? { cardUpdated: false }
			: await showAnswerOnCard(this, sent.response_code, button.answeredText, options);
	const json: IDataObject = {
		data: { approved: button.approved, value: button.value, label: button.label, respondedAt: new Date().toISOString() },
		...(sent.msgid && { msgid: sent.msgid }),
		...(typeof query.task_id === 'string' && { task_id: query.task_id }),
		...card,
	};
	return { noWebhookResponse: true, workflowData: [[{ json, pairedItem: { item: 0 } }]] };
}
