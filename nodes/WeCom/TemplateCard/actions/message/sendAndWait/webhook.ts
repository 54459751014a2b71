import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { readResponseButtons } from './buttons';
import { claimCard, type CardClaim } from './claimCard';
import { isLinkPreviewFetch } from './linkPreview';
import { answerWithPage, pageAfterResume } from './responsePage';
import { recallSentCard } from './sentCard';

/**
 * A click on a card button. n8n calls this only for a link whose signature it checked, while
 * the execution waits. The value must still be one of the node's buttons: anything else gets a
 * 400 and the execution keeps waiting. A URL button does not tell who clicked (WeCom opens
 * the link without identifying the member), so the output has no `answeredBy`.
 *
 * Two taps at once: n8n 2.41.1 (WaitingWebhooks) calls webhook() for every request that finds
 * the execution waiting, so both taps get here. n8n claims the execution only after webhook()
 * returned workflowData (the resume updates the execution row `WHERE status = 'waiting'`, in
 * SQLite or PostgreSQL, in regular and queue mode; the loser gets ExecutionAlreadyResumingError),
 * too late for webhook() to know who won. So the first claim is WeCom's: a card's response_code
 * serves one update. The tap whose update succeeds answers; a tap refused with 60140 while the
 * code cannot have expired reads "already answered" and returns nothing. Only one tap returns
 * workflowData, so n8n's claim is uncontested and the card shows the answer the workflow got.
 * When WeCom cannot decide (Show the Answer off, no code kept, the code near or past 72 h, WeCom
 * refusing otherwise or its answer lost), n8n's claim alone picks one resume. Either way the
 * "recorded" page is sent by n8n only after its claim went through, so a tap that n8n refused
 * never reads "recorded" (it gets n8n's error answer instead).
 */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (isLinkPreviewFetch(String(this.getHeaderData()['user-agent'] ?? ''))) {
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

	const options = this.getNodeParameter('options', {}) as IDataObject;
	const sent = recallSentCard(this);
	const claim: CardClaim =
		options.updateCard === false
			? { outcome: 'undecided', output: { cardUpdated: false } }
			: await claimCard(this, sent, button.answeredText, options);
	if (claim.outcome === 'taken') {
		answerWithPage(
			this,
			200,
			'This card was already answered',
			'Someone answered first. The card in WeCom shows that answer.',
		);
		return { noWebhookResponse: true };
	}

	const json: IDataObject = {
		data: {
			approved: button.approved,
			value: button.value,
			label: button.label,
			respondedAt: new Date().toISOString(),
		},
		...(sent.msgid && { msgid: sent.msgid }),
		...(typeof query.task_id === 'string' && { task_id: query.task_id }),
		...claim.output,
	};
	return {
		webhookResponse: pageAfterResume(this, `Your answer '${button.label}' was recorded`, 'You can close this page.'),
		workflowData: [[{ json, pairedItem: { item: 0 } }]],
	};
}
