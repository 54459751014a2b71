/**
 * The demo: starts the WeCom sandbox, then runs the WeCom Template Card node through n8n's
 * real execution engine (n8n-core's WorkflowExecute) to send cards, and shows what the
 * sandbox delivered. No WeCom corp needed. `--keep` leaves the sandbox running afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core keeps its settings in N8N_USER_FOLDER; the harness records leak-scan data there too.
const workFolder = mkdtempSync(join(tmpdir(), 'wecom-card-demo-'));
process.env.WECOM_LEAKSCAN_DIR = workFolder;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the line above; an import would be hoisted
require('../test/harness/n8nEnv');

async function main() {
	const { WeComApi } = await import('../credentials/WeComApi.credentials');
	const { WeComTemplateCard } = await import('../nodes/WeCom/TemplateCard/WeComTemplateCard.node');
	const sandboxModule = await import('../sandbox');
	const { createEngineHarness } = await import('../test/harness');

	const keep = process.argv.includes('--keep');
	const port = Number(process.env.WECOM_SANDBOX_PORT ?? (keep ? 8931 : 0));
	const sandbox = await sandboxModule.startSandbox({ port });
	console.log(`WeCom sandbox listening on ${sandbox.url}`);

	const nodeType = 'n8n-nodes-wecom-card.weComTemplateCard';
	const harness = createEngineHarness({
		nodeTypes: { [nodeType]: new WeComTemplateCard() },
		credentialTypes: { weComApi: new WeComApi() },
	});
	const credentialData = {
		corpId: sandboxModule.DEMO_CORP_ID,
		corpSecret: sandboxModule.DEMO_SECRET,
		agentId: sandboxModule.DEMO_AGENT_ID,
		baseUrl: sandbox.url,
	};
	harness.credentials.add({ id: 'demo', name: 'WeCom sandbox', type: 'weComApi', data: credentialData });

	const test = await harness.testCredential('weComApi', credentialData, { id: 'demo' });
	console.log(`Credential test: ${test.status}${test.status === 'OK' ? '' : ` (${test.message})`}`);

	const run = await harness.runNode({
		type: nodeType,
		name: 'Send approval card',
		credentials: { weComApi: { id: 'demo', name: 'WeCom sandbox' } },
		parameters: {
			resource: 'message',
			operation: 'sendTemplateCard',
			toUser: '={{ $json.approver }}',
			cardInput: 'form',
			cardType: 'button_interaction',
			title: '={{ "Expense #" + $json.id + ": " + $json.amount }}',
			titleDescription: '={{ $json.reason }}',
			horizontalContentList: {
				items: [
					{ type: 0, keyname: 'Applicant', value: '={{ $json.applicant }}' },
					{ type: 0, keyname: 'Amount', value: '={{ $json.amount }}' },
				],
			},
			buttonList: {
				buttons: [
					{ type: 0, text: 'Approve', style: 1, key: 'approve' },
					{ type: 0, text: 'Decline', style: 2, key: 'decline' },
				],
			},
		},
		items: [
			{ json: { id: 1041, approver: 'alice', applicant: 'bob', amount: 'CNY 860', reason: 'Team offsite' } },
			{ json: { id: 1042, approver: 'alice|carol', applicant: 'dave', amount: 'CNY 120', reason: 'Taxi' } },
		],
	});
	if (run.error) throw run.error;

	console.log('\nNode output (one item per input item):');
	for (const item of run.items) console.log(JSON.stringify(item.json));
	console.log('\nWhat the sandbox delivered:');
	for (const message of sandbox.messages()) {
		console.log(
			`#${message.id} ${message.msgtype} to ${message.touser.join('|')}: ${JSON.stringify(message.template_card)}`,
		);
	}
	console.log(
		`\ngettoken calls: ${sandbox.stats().gettoken}, token stored in the credential: ${harness.credentials.updates.length} time(s)`,
	);

	if (keep) {
		console.log(`\nThe sandbox keeps running on ${sandbox.url} (GET /sandbox/messages). Ctrl-C to stop.`);
		const stop = async () => {
			await sandbox.close();
			rmSync(workFolder, { recursive: true, force: true });
			process.exit(0);
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
		return;
	}
	await sandbox.close();
	rmSync(workFolder, { recursive: true, force: true });
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	rmSync(workFolder, { recursive: true, force: true });
	process.exit(1);
});
