/**
 * A robot endpoint whose errmsg echoes the key bare (not as `key=...`): neither the error shown
 * nor the run data may hold it, for Upload Media and Send Template Card alike.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { WeComWebhookApi } from '../../credentials/WeComWebhookApi.credentials';
import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { createEngineHarness, registerSecret } from '../harness';
import { fileItem } from './mediaFixture';

const KEY = '0badc0de-2222-4222-8222-00000000echo';
registerSecret(KEY, 'robotKey');

describe('a robot errmsg echoing the key', () => {
	it.each<[string, INodeParameters]>([
		['Upload Media', { resource: 'robot', operation: 'uploadMedia', mediaType: 'file' }],
		[
			'Send Template Card',
			{
				resource: 'robot',
				operation: 'sendTemplateCard',
				cardInput: 'form',
				cardType: 'text_notice',
				title: 'Deploy finished',
				cardActionType: 1,
				cardActionUrl: 'https://example.com/deploys/42',
			},
		],
	])('keeps the key out of the error of %s', async (_name, parameters) => {
		const echo = createServer((req, res) => {
			req.resume();
			req.on('end', () => {
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify({ errcode: 93000, errmsg: `invalid webhook url ${KEY}, hint: [${KEY}]` }));
			});
		});
		await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = echo.address() as AddressInfo;
			const harness = createEngineHarness({
				nodeTypes: { 'n8n-nodes-wecom-card.weComTemplateCard': new WeComTemplateCard() },
				credentialTypes: { weComWebhookApi: new WeComWebhookApi() },
			});
			harness.credentials.add({
				id: 'robot',
				name: 'Robot echo',
				type: 'weComWebhookApi',
				data: { webhookSecret: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=${KEY}` },
			});
			const run = await harness.runNode({
				type: 'n8n-nodes-wecom-card.weComTemplateCard',
				parameters,
				credentials: { weComWebhookApi: { id: 'robot', name: 'Robot echo' } },
				items: [fileItem(Buffer.from('minutes of the meeting'), 'minutes.txt', 'text/plain')],
			});
			expect(run.error?.message).toMatch(/^WeCom error 93000/);
			const error = run.error as unknown as Record<string, unknown>;
			const shown = JSON.stringify({
				message: error.message,
				description: error.description,
				messages: error.messages,
				context: error.context,
				errorResponse: error.errorResponse,
			});
			expect(shown).not.toContain(KEY);
			expect(JSON.stringify(run.raw)).not.toContain(KEY);
		} finally {
			await new Promise((resolve) => echo.close(resolve));
		}
	});
});
