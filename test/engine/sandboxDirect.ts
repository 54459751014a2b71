/**
 * Sends cards straight to the sandbox, bypassing the node: an app send, a whole-card update or
 * a group-robot send, as WeCom documents them. Answers the errcode.
 */
import type { CardVariant } from '../../nodes/WeCom/shared/card';
import { callSandbox, DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_ROBOT_KEY, DEMO_SECRET } from '../../sandbox';
import { uploadSandboxFile, withAttachmentMedia } from '../harness/sandboxMedia';
import { validCard } from '../unit/cardFixtures';

type Answer = { errcode: number; errmsg: string; access_token?: string; response_code?: string };

export interface DirectSender {
	/** Posts `card` where its variant goes: send, update_template_card or the robot webhook. */
	errcodeFor(card: unknown, variant: CardVariant): Promise<number>;
}

export async function directSender(baseUrl: string): Promise<DirectSender> {
	const post = async (path: string, query: Record<string, string>, body: unknown) =>
		(await callSandbox<Answer>(baseUrl, path, { query, body })).json;

	const token = await callSandbox<Answer>(baseUrl, '/cgi-bin/gettoken', {
		query: { corpid: DEMO_CORP_ID, corpsecret: DEMO_SECRET },
	});
	const accessToken = token.json.access_token ?? '';
	const app = (path: string, body: Record<string, unknown>) =>
		post(path, { access_token: accessToken }, { agentid: DEMO_AGENT_ID, ...body });
	// Attachment rows need a media_id the sender uploaded (else 40007), not the fixtures' placeholder.
	const appMediaId = await uploadSandboxFile(baseUrl, { accessToken });
	const robotMediaId = await uploadSandboxFile(baseUrl, { robotKey: DEMO_ROBOT_KEY });
	const send = (template_card: unknown) =>
		app('/cgi-bin/message/send', {
			touser: 'alice',
			msgtype: 'template_card',
			template_card: withAttachmentMedia(template_card, appMediaId),
		});

	// A rejected update leaves the response_code unused, so one code serves every update.
	const sent = await send({ ...validCard('button_interaction', 'send'), task_id: 'bad-cards-setup' });
	if (!sent.response_code) throw new Error(`setup send failed: ${sent.errcode} ${sent.errmsg}`);
	const response_code = sent.response_code;

	const byVariant: Record<CardVariant, (template_card: unknown) => Promise<Answer>> = {
		send,
		update: (template_card) =>
			app('/cgi-bin/message/update_template_card', {
				atall: 1,
				response_code,
				template_card: withAttachmentMedia(template_card, appMediaId),
			}),
		robot: (template_card) =>
			post(
				'/cgi-bin/webhook/send',
				{ key: DEMO_ROBOT_KEY },
				{ msgtype: 'template_card', template_card: withAttachmentMedia(template_card, robotMediaId) },
			),
	};
	return {
		async errcodeFor(card, variant) {
			return (await byVariant[variant](card)).errcode;
		},
	};
}
