/**
 * Token churn on kept-alive connections: WeCom invalidates the app's token every so many sends
 * (40014, https://developer.work.weixin.qq.com/document/path/90313), the node gets a new one
 * through the credential (n8n's preAuthentication, one gettoken per lifetime) and sends the
 * refused card again with it. The resend goes over the kept-alive connections too, so a whole
 * run stays within Concurrency + 2 connections for message/send, and each card arrives once.
 */
import { DEFAULT_CONCURRENCY } from '../../nodes/WeCom/TemplateCard/descriptions/options';
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
