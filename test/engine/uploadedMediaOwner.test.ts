/**
 * The node refuses a card whose attachment row holds one of its own non-file uploads (WeCom would
 * answer 40007). A media_id is WeCom's per corp (an app upload serves that corp's apps:
 * https://developer.work.weixin.qq.com/document/path/90253) or per robot ("仅限本机器人使用":
 * /99110): the same id string uploaded by another corp, server or robot says nothing of this
 * card's media, so it is neither refused for it nor let through because of it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import type { INodeParameters } from 'n8n-workflow';

import { WeComApi } from '../../credentials/WeComApi.credentials';
import { WeComWebhookApi } from '../../credentials/WeComWebhookApi.credentials';
import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_ROBOT_KEY, DEMO_SECRET, startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { createEngineHarness, registerSecret } from '../harness';
import type { EngineHarness } from '../harness';
import { fileItem } from './mediaFixture';
import { startForgedWeCom } from './stubOrigin';
import type { StubOrigin } from './stubOrigin';

const CARD_NODE_TYPE = 'n8n-nodes-wecom-card.weComTemplateCard';
const OTHER_SECRET = 'other-corp-secret-0123456789';
const FORGED_TOKEN = 'forged-token-0123456789abcdef';

registerSecret(DEMO_SECRET, 'corpSecret');
registerSecret(DEMO_ROBOT_KEY, 'robotKey');
registerSecret(OTHER_SECRET, 'corpSecret');
registerSecret(FORGED_TOKEN, 'accessToken');

const credentialRefs = {
	app: { weComApi: { id: 'app', name: 'Our corp' }, weComWebhookApi: { id: 'robot', name: 'Robot' } },
	other: { weComApi: { id: 'other', name: 'Another corp' } },
};

describe('an uploaded media_id counts for the corp or robot that uploaded it', () => {
	let sandbox: Sandbox;
	let forged: StubOrigin;
	let harness: EngineHarness;
	/** What the other corp's WeCom answers media/upload with. */
	let otherUpload: { type: string; media_id: string };

	beforeAll(async () => {
		sandbox = await startSandbox({ robots: [DEMO_ROBOT_KEY] });
		// Another corp on another server: its gettoken and media/upload answer here.
		forged = await startForgedWeCom(sandbox.url, {
			'/cgi-bin/gettoken': () => ({ errcode: 0, errmsg: 'ok', access_token: FORGED_TOKEN, expires_in: 7200 }),
			'/cgi-bin/media/upload': () => ({ errcode: 0, errmsg: 'ok', ...otherUpload, created_at: '1767542400' }),
		});
		harness = createEngineHarness({
			nodeTypes: { [CARD_NODE_TYPE]: new WeComTemplateCard() },
			credentialTypes: { weComApi: new WeComApi(), weComWebhookApi: new WeComWebhookApi() },
		});
		harness.credentials.add({
			id: 'app',
			name: 'Our corp',
			type: 'weComApi',
			data: { corpId: DEMO_CORP_ID, corpSecret: DEMO_SECRET, agentId: DEMO_AGENT_ID, baseUrl: sandbox.url },
		});
		harness.credentials.add({
			id: 'other',
			name: 'Another corp',
			type: 'weComApi',
			data: { corpId: 'wwanothercorp0001', corpSecret: OTHER_SECRET, agentId: 1000009, baseUrl: forged.url },
		});
		harness.credentials.add({
			id: 'robot',
			name: 'Robot',
			type: 'weComWebhookApi',
			data: { webhookSecret: `${sandbox.url}/cgi-bin/webhook/send?key=${DEMO_ROBOT_KEY}` },
		});
	});
	afterAll(async () => {
		await forged.close();
		for (const token of sandbox.issuedTokens()) registerSecret(token, 'accessToken');
		await sandbox.close();
	});
	beforeEach(() => sandbox.reset());

	const FILE_NAMES: Record<string, string> = { file: 'report.pdf', image: 'photo.png', voice: 'note.amr' };
	const run = async (parameters: INodeParameters, who: keyof typeof credentialRefs = 'app', fileName?: string) =>
		await harness.runNode({
			type: CARD_NODE_TYPE,
			parameters,
			credentials: credentialRefs[who],
			items: fileName ? [fileItem(Buffer.alloc(100, 7), fileName, 'application/octet-stream')] : undefined,
		});
	const upload = async (resource: 'media' | 'robot', mediaType: string, who: keyof typeof credentialRefs = 'app') => {
		const operation = resource === 'media' ? 'uploadFile' : 'uploadMedia';
		const result = await run({ resource, operation, mediaType }, who, FILE_NAMES[mediaType]);
		expect(result.error).toBeUndefined();
		return String(result.items[0].json.media_id);
	};
	const card = (mediaId: string): INodeParameters => ({
		cardInput: 'form',
		cardType: 'news_notice',
		title: 'Quarterly report',
		cardActionType: 1,
		cardActionUrl: 'https://example.com/reports/q3',
		cardImage: { image: { url: 'https://example.com/c.png' } },
		horizontalContentList: { items: [{ keyname: 'Report', type: 2, value: 'report.pdf', media_id: mediaId }] },
	});
	const appSend = (mediaId: string): INodeParameters => ({
		resource: 'message',
		operation: 'sendTemplateCard',
		toUser: 'alice',
		...card(mediaId),
	});
	// Counted from the reset: a token the reset forgot makes the first call of a test go twice.
	const calls = (path: string) => sandbox.stats().calls[path] ?? 0;

	it("sends our corp's file although another corp uploaded an image under the same id string", async () => {
		const ours = await upload('media', 'file');
		otherUpload = { type: 'image', media_id: ours };
		expect(await upload('media', 'image', 'other')).toBe(ours);

		const result = await run(appSend(ours));
		expect(result.error).toBeUndefined();
		expect(sandbox.messages()).toHaveLength(1);
	});

	it("still refuses our corp's image when another corp uploaded a file under the same id string afterwards", async () => {
		const ours = await upload('media', 'image');
		otherUpload = { type: 'file', media_id: ours };
		expect(await upload('media', 'file', 'other')).toBe(ours);

		const result = await run(appSend(ours));
		expect((result.error as { errcode?: number } | undefined)?.errcode).toBe(40007);
		expect(result.error?.message).toContain('upload of type image');
		expect(calls('/cgi-bin/message/send')).toBe(0);
	});

	it("leaves a group robot's voice upload in an app card to WeCom: it is not the app's media at all", async () => {
		const robots = await upload('robot', 'voice');
		const result = await run(appSend(robots));
		// WeCom (the sandbox) answers 40007; the node does not claim it is "an upload of type voice".
		expect(calls('/cgi-bin/message/send')).toBeGreaterThan(0);
		expect((result.error as { errcode?: number } | undefined)?.errcode).toBe(40007);
		expect(result.error?.message).not.toContain('upload of type');
	});

	it('reports a wrong robot card before a broken robot credential (the owner is read after the checks)', async () => {
		harness.credentials.add({ id: 'broken', name: 'Broken', type: 'weComWebhookApi', data: { webhookSecret: 'a b?' } });
		const result = await harness.runNode({
			type: CARD_NODE_TYPE,
			parameters: { resource: 'robot', operation: 'sendTemplateCard', ...card('x'), title: '' },
			credentials: { weComWebhookApi: { id: 'broken', name: 'Broken' } },
		});
		expect(result.error?.message).toMatch(/^Invalid card: /);
	});

	it("leaves an app's image upload in a group robot card to WeCom: it is not the robot's media", async () => {
		const apps = await upload('media', 'image');
		const result = await run({ resource: 'robot', operation: 'sendTemplateCard', ...card(apps) });
		expect(calls('/cgi-bin/webhook/send')).toBeGreaterThan(0);
		expect(result.error?.message).not.toContain('upload of type');
	});
});

describe('what the node keeps of its uploads', () => {
	it('keeps no more than a fixed size per upload, however long the media_id WeCom answers', async () => {
		setFlagsFromString('--expose-gc');
		const gc = runInNewContext('gc') as () => void;
		const sandbox = await startSandbox();
		// A WeCom (or something in its place) answering 2 MB media_ids.
		const forged = await startForgedWeCom(sandbox.url, {
			'/cgi-bin/media/upload': (_body, call) => ({
				errcode: 0,
				errmsg: 'ok',
				type: 'image',
				media_id: `${call}`.padEnd(2_000_000, 'm'),
				created_at: '1767542400',
			}),
		});
		const harness = createEngineHarness({
			nodeTypes: { [CARD_NODE_TYPE]: new WeComTemplateCard() },
			credentialTypes: { weComApi: new WeComApi() },
		});
		harness.credentials.add({
			id: 'app',
			name: 'App',
			type: 'weComApi',
			data: { corpId: DEMO_CORP_ID, corpSecret: DEMO_SECRET, agentId: DEMO_AGENT_ID, baseUrl: forged.url },
		});
		const upload = async () => {
			const result = await harness.runNode({
				type: CARD_NODE_TYPE,
				parameters: { resource: 'media', operation: 'uploadFile', mediaType: 'image' },
				credentials: { weComApi: { id: 'app', name: 'App' } },
				items: [fileItem(Buffer.alloc(100, 7), 'photo.png', 'image/png')],
			});
			expect(result.error).toBeUndefined();
		};
		try {
			await upload();
			gc();
			const before = process.memoryUsage().heapUsed;
			for (let upload_ = 0; upload_ < 30; upload_++) await upload();
			gc();
			// 30 uploads of 2 MB media_ids: 60 MB if the ids themselves were kept.
			expect(process.memoryUsage().heapUsed - before).toBeLessThan(20_000_000);
		} finally {
			await forged.close();
			for (const token of sandbox.issuedTokens()) registerSecret(token, 'accessToken');
			await sandbox.close();
		}
	});
});
