/**
 * Token churn on kept-alive connections: WeCom invalidates the app's token every so many sends
 * (40014, https://developer.work.weixin.qq.com/document/path/90313), the node gets a new one
 * through the credential (n8n's preAuthentication, one gettoken per lifetime) and sends the
 * refused card again with it. The resend goes over the kept-alive connections too, so a whole
 * run stays within Concurrency + 2 connections for message/send, and each card arrives once.
 */
import { DEFAULT_CONCURRENCY } from '../../nodes/WeCom/TemplateCard/descriptions/options';
import {
	CREDENTIAL_ID,
	emptyItems,
	startEngineFixture,
	textNoticeParameters,
	type EngineFixture,
} from '../engine/fixtures';
import { startTransportFixture, type TransportFixture } from './fixture';

const SEND = '/cgi-bin/message/send';
const GETTOKEN = '/cgi-bin/gettoken';
const ITEMS = 300;

const cards = {
	resource: 'message',
	operation: 'sendTemplateCard',
	toUser: 'alice',
	cardType: 'text_notice',
	title: '={{ "Card " + $json.index }}',
	cardActionType: 1,
	cardActionUrl: 'https://example.com/deploys/42',
};
const items = Array.from({ length: ITEMS }, (_, index) => ({ json: { index } }));

describe('token churn', () => {
	let fixture: TransportFixture | undefined;

	afterEach(async () => {
		await fixture?.close();
		fixture = undefined;
	});

	it(`keeps message/send within Concurrency + 2 connections over ${ITEMS / 50} token lifetimes, one gettoken each`, async () => {
		fixture = await startTransportFixture({ sandbox: { memberLimits: false } });
		fixture.sandbox.faults.add({ kind: 'invalidateTokens', path: SEND, every: 50 });

		const run = await fixture.run(cards, items);

		expect(run.error).toBeUndefined();
		expect(run.items.filter((item) => item.json.error)).toEqual([]);
		const invalidations = fixture.sandbox.stats().faultsFired;
		expect(invalidations).toBeGreaterThanOrEqual(5);
		expect(fixture.proxy.calls(GETTOKEN)).toHaveLength(invalidations + 1);
		const sendConnections = new Set(fixture.proxy.calls(SEND).map((call) => call.connection));
		expect(sendConnections.size).toBeLessThanOrEqual(DEFAULT_CONCURRENCY + 2);

		const titles = fixture.sandbox
			.messages()
			.filter((message) => message.action === 'send' && message.duplicateOf === undefined)
			.map((message) => String((message.template_card as { main_title: { title: string } }).main_title.title));
		expect(titles.sort()).toEqual(items.map(({ json }) => `Card ${json.index}`).sort());
	});
});

describe("a new token on n8n 1.x's order of storing it", () => {
	let fixture: EngineFixture | undefined;

	afterEach(async () => {
		jest.restoreAllMocks();
		await fixture?.close();
		fixture = undefined;
	});

	it('stores the token n8n 1.x assigns before storing it, and sends each card once', async () => {
		fixture = await startEngineFixture({ memberLimits: false });
		const helper = fixture.harness.credentialsHelper;
		// n8n 1.123 (packages/cli/src/credentials-helper.ts): assigns the output onto the credentials
		// object, stores that object, then assigns again; n8n-core assigns once more before sending.
		jest
			.spyOn(helper, 'preAuthentication')
			.mockImplementation(async (helpers, credentials, typeName, node, credentialsExpired) => {
				if (credentials.accessToken !== '' && !credentialsExpired) return undefined;
				const output = await helper.runPreAuthentication(helpers, credentials, typeName);
				if (!output || !node.credentials) return undefined;
				await helper.updateCredentials(node.credentials[typeName], typeName, Object.assign(credentials, output));
				return Object.assign(credentials, output);
			});

		const run = await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(3));
		const later = await fixture.runCardNode(textNoticeParameters('alice'), emptyItems(3));

		for (const outcome of [run, later]) {
			expect(outcome.error).toBeUndefined();
			expect(outcome.items.every((item) => typeof item.json.msgid === 'string')).toBe(true);
		}
		expect(fixture.sandbox.stats().gettoken).toBe(1);
		expect(fixture.harness.credentials.data(CREDENTIAL_ID).accessToken).toEqual(fixture.sandbox.issuedTokens()[0]);
		expect(fixture.sandbox.messages().filter((message) => message.action === 'send')).toHaveLength(6);
	});
});
