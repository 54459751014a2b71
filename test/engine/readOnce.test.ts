/**
 * What an execution asks of n8n, counted on n8n's own execute context and the credentials helper:
 * parameters without an expression and the credential are read once per execution, however many
 * items; a parameter with an expression is still evaluated for each item, with that item's data.
 */
import { ExecuteContext } from 'n8n-core';

import { HarnessCredentialsHelper } from '../harness/credentialsHelper';
import { emptyItems, startEngineFixture, textNoticeParameters, type EngineFixture } from './fixtures';

/** Where every getNodeParameter of an execute context lands (n8n-core's NodeExecutionContext). */
interface ParameterResolver {
	_getNodeParameter(...args: unknown[]): unknown;
}

describe('reads per execution', () => {
	let fixture: EngineFixture;
	let parameterReads: jest.SpyInstance;
	let credentialReads: jest.SpyInstance;

	beforeEach(async () => {
		fixture = await startEngineFixture({ memberLimits: false });
		// Each context binds getNodeParameter to this inherited reader when it is built.
		parameterReads = jest.spyOn(ExecuteContext.prototype as unknown as ParameterResolver, '_getNodeParameter');
		credentialReads = jest.spyOn(HarnessCredentialsHelper.prototype, 'getDecrypted');
	});

	afterEach(async () => {
		jest.restoreAllMocks();
		await fixture.close();
	});

	/** getNodeParameter and credential reads of one execution with `count` items. */
	async function readsFor(parameters: Parameters<EngineFixture['runCardNode']>[0], count: number) {
		parameterReads.mockClear();
		credentialReads.mockClear();
		const run = await fixture.runCardNode(parameters, emptyItems(count));
		expect(run.error).toBeUndefined();
		expect(run.items.filter((item) => item.json.error)).toHaveLength(0);
		return { parameters: parameterReads.mock.calls.length, credentials: credentialReads.mock.calls.length, run };
	}

	it('reads a form without expressions and the credential once, for 1 item or 200', async () => {
		await readsFor(textNoticeParameters('alice'), 1); // the token is fetched and stored once, before counting

		const one = await readsFor(textNoticeParameters('alice'), 1);
		const many = await readsFor(textNoticeParameters('alice'), 200);

		expect(many.parameters).toBe(one.parameters);
		expect(many.credentials).toBe(one.credentials);
		expect(one.credentials).toBe(1);
		expect(one.parameters).toBeGreaterThan(5);
	});

	it('evaluates a parameter with an expression for every item, with that item', async () => {
		const withTitle = { ...textNoticeParameters('alice'), title: '=Deploy {{ $json.index }}' };
		await readsFor(withTitle, 1);

		const one = await readsFor(withTitle, 1);
		const many = await readsFor(withTitle, 200);

		expect(many.parameters - one.parameters).toBe(199);
		const titles = fixture.sandbox
			.messages()
			.filter((message) => message.action === 'send')
			.slice(-200)
			.map((message) => (message.template_card as { main_title: { title: string } }).main_title.title);
		expect(new Set(titles)).toEqual(new Set(Array.from({ length: 200 }, (_, index) => `Deploy ${index}`)));
	});

	it('evaluates an expression nested in a list of rows for every item, and keeps the rows without one', async () => {
		const withRows = {
			...textNoticeParameters('alice'),
			horizontalContentList: {
				items: [
					{ keyname: 'Build', type: 0, value: '=#{{ $json.index }}' },
					{ keyname: 'Branch', type: 0, value: 'main' },
				],
			},
		};

		await readsFor(withRows, 3);

		const rows = fixture.sandbox
			.messages()
			.filter((message) => message.action === 'send')
			.map((message) => (message.template_card as { horizontal_content_list: unknown }).horizontal_content_list);
		// Sent concurrently: in any order, each item's own row once.
		expect(rows).toHaveLength(3);
		expect(rows).toEqual(
			expect.arrayContaining(
				[0, 1, 2].map((index) => [
					{ keyname: 'Build', type: 0, value: `#${index}` },
					{ keyname: 'Branch', type: 0, value: 'main' },
				]),
			),
		);
	});
});
