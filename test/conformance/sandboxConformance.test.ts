/**
 * The sandbox answers like WeCom documents: every card of the fixture's cases posted to its
 * message/send (and the group robot's webhook/send) gets the documented errcode, and every
 * accepted case errcode 0. Expectations come from the fixture only.
 */
import {
	DEMO_AGENT_ID,
	DEMO_CORP_ID,
	DEMO_ROBOT_KEY,
	DEMO_SECRET,
	callSandbox,
	startSandbox,
	type Sandbox,
} from '../../sandbox';
import { registerSecret } from '../harness';
import { uploadSandboxFile, withAttachmentMedia } from '../harness/sandboxMedia';
import { acceptedCases, refusedCases, type DocCase } from './docCases';

registerSecret(DEMO_SECRET);
registerSecret(DEMO_ROBOT_KEY, 'robotKey');

let sandbox: Sandbox;
let accessToken: string;
/** The pages' placeholder "MEDIAID" becomes a file each sender really uploaded (else 40007). */
let appMediaId: string;
let robotMediaId: string;
let sent = 0;

beforeAll(async () => {
	// Far more robot posts than WeCom's 20 a minute: this file is about card rules, not pacing.
	sandbox = await startSandbox({ rateLimits: { robotPerMinute: 10_000 } });
	const token = await callSandbox<{ access_token: string }>(sandbox.url, '/cgi-bin/gettoken', {
		query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
	});
	accessToken = token.json.access_token;
	appMediaId = await uploadSandboxFile(sandbox.url, { accessToken });
	robotMediaId = await uploadSandboxFile(sandbox.url, { robotKey: DEMO_ROBOT_KEY });
});

afterAll(async () => {
	for (const token of sandbox.issuedTokens()) registerSecret(token);
	await sandbox.close();
});

/** WeCom's answer to the case's card; a card with a task_id gets a fresh one (reuse is refused). */
async function post({ card, variant }: DocCase): Promise<number> {
	const uploaded = withAttachmentMedia(card, variant === 'robot' ? robotMediaId : appMediaId);
	const templateCard =
		typeof card.task_id === 'string' && /^[\w@-]+$/.test(card.task_id)
			? { ...uploaded, task_id: `${card.task_id}-${++sent}` }
			: uploaded;
	const { json } =
		variant === 'robot'
			? await callSandbox<{ errcode: number }>(sandbox.url, '/cgi-bin/webhook/send', {
					query: { key: DEMO_ROBOT_KEY },
					body: { msgtype: 'template_card', template_card: templateCard },
				})
			: await callSandbox<{ errcode: number }>(sandbox.url, '/cgi-bin/message/send', {
					query: { access_token: accessToken },
					body: { touser: 'alice', msgtype: 'template_card', agentid: DEMO_AGENT_ID, template_card: templateCard },
				});
	return json.errcode;
}

/** Updates need a response_code of their own; the card rules are the same schema (cardSchema.conformance.test.ts). */
const direct = (entry: DocCase) => entry.variant !== 'update';
const named = <T extends DocCase>(cases: T[]) =>
	cases.filter(direct).map((entry) => [`${entry.name} (${entry.doc})`, entry] as const);

describe('the sandbox accepts what WeCom documents as valid', () => {
	it.each(
		named(
			acceptedCases().filter((entry) =>
				['official examples', 'required fields only', 'defaulted values (不填或错填默认…)'].includes(entry.group),
			),
		),
	)('%s', async (_name, entry) => {
		expect(await post(entry)).toBe(0);
	});
});

describe('the sandbox answers the documented errcode', () => {
	it.each(named(refusedCases().filter((entry) => entry.errcode !== null)))('%s', async (_name, entry) => {
		expect(await post(entry)).toBe(entry.errcode);
	});
});
