/**
 * Trigger throughput: the WeCom Trigger node's webhook() (signature check, decryption, receive
 * id, XML parse, event shape, re-send filter, answer) over N signed, encrypted button clicks,
 * one after another as one n8n process handles them. n8n's HTTP server is not part of this.
 */
import { performance } from 'node:perf_hooks';

import type { IWebhookFunctions } from 'n8n-workflow';

import type { CallbackSecrets } from '../../../nodes/WeCom/shared/callback';
import type { SealedCallback } from '../../../sandbox/callbacks';
import { WeComTrigger } from '../../../nodes/WeCom/Trigger/WeComTrigger.node';
import type { PathJob, PathOutcome } from '../job';
import { startStopwatch } from '../stopwatch';
import { percentileOfSorted } from '../stats';
import { buttonClicks, callbackSecrets } from './callbacks';

interface Answer {
	status?: number;
	headersSent: boolean;
}

/** The parts of IWebhookFunctions the trigger uses, for one POSTed callback. */
function webhookContext(secrets: CallbackSecrets, callback: SealedCallback, answer: Answer): IWebhookFunctions {
	const response = {
		get headersSent() {
			return answer.headersSent;
		},
		writeHead(status: number) {
			answer.status = status;
		},
		end() {
			answer.headersSent = true;
		},
	};
	const context = {
		getCredentials: async () => ({
			corpId: secrets.corpId,
			token: secrets.token,
			encodingAesSecretKey: secrets.encodingAesKey,
		}),
		getWebhookName: () => 'default',
		getRequestObject: () => ({ method: 'POST', rawBody: Buffer.from(callback.body, 'utf8') }),
		getQueryData: () => callback.query,
		getBodyData: () => ({}),
		getResponseObject: () => response,
		getNodeParameter: (name: string, fallback?: unknown) =>
			name === 'events' ? ['template_card_event'] : name === 'options' ? {} : fallback,
		getNode: () => ({ id: 'bench-trigger', name: 'WeCom Trigger' }),
		getWorkflow: () => ({ id: 'bench-workflow', active: true }),
		logger: { warn: () => {}, error: () => {}, info: () => {}, debug: () => {} },
	};
	return context as unknown as IWebhookFunctions;
}

export async function runTrigger(job: PathJob): Promise<PathOutcome> {
	const trigger = new WeComTrigger();
	const secrets = callbackSecrets();
	const callbacks = buttonClicks(secrets, job.items);
	const durations: number[] = new Array(callbacks.length);
	let started = 0;
	let rejected = 0;
	let failureSample: string | undefined;

	const stopwatch = startStopwatch();
	for (const [index, callback] of callbacks.entries()) {
		const answer: Answer = { headersSent: false };
		const at = performance.now();
		const result = await trigger.webhook.call(webhookContext(secrets, callback, answer));
		durations[index] = performance.now() - at;
		if (result.workflowData) started++;
		if (answer.status !== 200) {
			rejected++;
			failureSample ??= `HTTP ${answer.status}`;
		}
	}
	const wallMs = stopwatch.wallMs();
	const cpuMs = stopwatch.cpuMs();

	const sorted = [...durations].sort((a, b) => a - b);
	return {
		wallMs,
		cpuMs,
		outputItems: started,
		failedItems: rejected,
		failureSample,
		maxInFlight: 0,
		latencyMs: {
			p50: percentileOfSorted(sorted, 50),
			p99: percentileOfSorted(sorted, 99),
			max: sorted[sorted.length - 1],
		},
		notes: [`${started} of ${callbacks.length} callbacks started the workflow`],
	};
}
