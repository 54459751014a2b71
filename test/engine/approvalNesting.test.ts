/**
 * Table controls nested in tables, through n8n's engine. WeCom documents a Table's rows as content
 * lists and no nesting depth (applyevent https://developer.work.weixin.qq.com/document/path/91853,
 * getapprovaldetail /91983); the package bounds it at 3 levels. Submit Approval refuses deeper input
 * with the path of the 4th level and sends nothing; Get Approval Detail keeps the 4th level raw.
 * A hostile WeCom stand-in serves what the sandbox never would: a template and an application
 * nested 10,000 deep.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { ALL_CONTROLS_TEMPLATE_ID } from '../../sandbox';
import { nestedTableControlsJson, nestedTablePath, nestedTablesJson } from '../approvals/fixtures';
import { CREDENTIAL_ID, useFreshEngineFixture } from './fixtures';

const DEEP = 10_000;

const submitDeep = (templateId: string): INodeParameters => ({
	resource: 'approval',
	operation: 'submit',
	creatorUserid: 'alice',
	templateId: { __rl: true, mode: 'id', value: templateId },
	formInput: 'json',
	contentsJson: `[${nestedTablesJson(DEEP)}]`,
	summary: 'Deep',
});

/** Answers gettoken, gettemplatedetail and getapprovaldetail with `levels` nested tables; counts applyevent. */
async function startHostileWeCom(levels: number) {
	const calls = { applyevent: 0 };
	const ok = '"errcode":0,"errmsg":"ok"';
	const answers: Record<string, string> = {
		'/cgi-bin/gettoken': `{${ok},"access_token":"hostile-token-0123456789","expires_in":7200}`,
		'/cgi-bin/oa/gettemplatedetail': `{${ok},"template_names":[{"text":"Deep","lang":"zh_CN"}],"template_content":{"controls":${nestedTableControlsJson(levels)}}}`,
		'/cgi-bin/oa/getapprovaldetail': `{${ok},"info":{"sp_no":"202601050001","sp_name":"Deep","sp_status":1,"template_id":"deep","apply_time":1767542400,"applyer":{"userid":"alice","partyid":"1"},"apply_data":{"contents":[${nestedTablesJson(levels)}]}}}`,
	};
	const server: Server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://hostile.invalid').pathname;
		req.resume();
		req.on('end', () => {
			res.setHeader('content-type', 'application/json');
			if (path === '/cgi-bin/oa/applyevent') calls.applyevent++;
			res.end(answers[path] ?? `{${ok},"sp_no":"202601050001"}`);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		calls,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('approval tables nested in tables', () => {
	const fixture = useFreshEngineFixture();

	it('Submit Approval refuses 10,000 nested tables naming the 4th level, sending nothing', async () => {
		const run = await fixture.runCardNode(submitDeep(ALL_CONTROLS_TEMPLATE_ID));
		expect(run.error?.message).toContain(`(${nestedTablePath(4)}): tables nest at most 3 levels deep`);
		expect(fixture.sandbox.stats().calls['/cgi-bin/oa/applyevent']).toBeUndefined();
	});

	describe('against a WeCom that answers 10,000 nested tables', () => {
		let hostile: Awaited<ReturnType<typeof startHostileWeCom>>;
		beforeEach(async () => {
			hostile = await startHostileWeCom(DEEP);
			fixture.harness.credentials.replaceData(CREDENTIAL_ID, fixture.credentialData({ baseUrl: hostile.url }));
		});
		afterEach(async () => await hostile.close());

		it('Submit Approval refuses a form as deep as its template (stack overflow before), sending nothing', async () => {
			const run = await fixture.runCardNode(submitDeep('deep'));
			expect(run.error?.message).toContain(`(${nestedTablePath(4)}): tables nest at most 3 levels deep`);
			expect(hostile.calls.applyevent).toBe(0);
		});

		it('Submit Approval from the form refuses a template nested that deep (stack overflow before), sending nothing', async () => {
			// Rows keyed by column title, each row's only column the next table.
			const rows = `${'[{"Items":'.repeat(DEEP - 1)}[{"Note":"deep"}]${'}]'.repeat(DEEP - 1)}`;
			const run = await fixture.runCardNode({
				...submitDeep('deep'),
				formInput: 'form',
				formFields: {
					mappingMode: 'defineBelow',
					value: { 'Table-1': rows },
					matchingColumns: [],
					schema: [],
				} as unknown as INodeParameters,
			});
			expect(run.error?.message).toBe(
				`template_content.controls${'[0].config.table.children'.repeat(3)}[0]: the template nests tables more than 3 levels deep`,
			);
			expect(hostile.calls.applyevent).toBe(0);
		});

		it('Get Approval Detail reads 3 levels into fields and keeps the 4th raw', async () => {
			const run = await fixture.runCardNode({ resource: 'approval', operation: 'getDetail', spNo: '202601050001' });
			expect(run.error).toBeUndefined();
			const fields = run.items[0].json.fields as {
				Items: Array<{ Items: Array<{ Items: Array<{ Items: unknown }> }> }>;
			};
			const fourth = fields.Items[0].Items[0].Items[0].Items as Array<{ list: Array<{ control: string }> }>;
			expect(fourth[0].list[0].control).toBe('Table');
		});
	});
});
