import type { IWebhookDescription } from 'n8n-workflow';

/**
 * The resume webhook of Send and Wait. n8n serves it at `/webhook-waiting/<execution>/<node id>`
 * while the execution waits (restartWebhook), checks the signature of the link before calling
 * webhook(), and never registers it when a workflow is published. A card's URL button opens it
 * with GET.
 */
export const sendAndWaitWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'GET',
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];
