import { acceptCard } from '../cardSchema';
import { reject, wecomOk } from '../errmsg';
import { isPlainObject } from '../http';
import { requireAttachmentMedia } from '../media/usable';
import type { SandboxState } from '../state';
import type { DeliveredMessage } from '../types';
import { jsonBody, nonEmptyString, requirePost } from './common';
import type { WecomRoute } from './common';

/** What a robot message carries, ready to record. */
type RobotContent = Pick<DeliveredMessage, 'msgtype' | 'template_card' | 'text' | 'markdown'>;

/** Text-like robot messages need a non-empty content (44004, as for app text messages). */
function textLike(value: unknown): { content: string } & Record<string, unknown> {
	if (!isPlainObject(value) || !nonEmptyString(value.content)) reject(44004);
	return value as { content: string } & Record<string, unknown>;
}

function robotContent(body: Record<string, unknown>, state: SandboxState, robotKey: string): RobotContent {
	switch (body.msgtype) {
		case 'template_card': {
			const { card } = acceptCard(body.template_card, 'robot');
			requireAttachmentMedia(state, card, { robotKey });
			return { msgtype: 'template_card', template_card: card };
		}
		case 'text':
			return { msgtype: 'text', text: textLike(body.text) };
		case 'markdown':
		case 'markdown_v2':
			return { msgtype: body.msgtype, markdown: textLike(body[body.msgtype]) };
		default:
			// image/news/file/voice exist for robots but are out of this sandbox's scope.
			return reject(40008);
	}
}

/**
 * POST /cgi-bin/webhook/send?key=  (group robot; the key is the credential)
 * Unknown key → 93000, over 20 messages a minute → 45009, empty body → 93017.
 */
export const webhookSend: WecomRoute = (req, state) => {
	requirePost(req);
	const key = req.query.get('key');
	if (!key || !state.robots.has(key)) reject(93000);
	if (!state.robotLimiter.admit(key, state.now())) reject(45009);
	if (req.body.text.trim() === '') reject(93017);
	const content = robotContent(jsonBody(req), state, key);
	state.record({
		kind: 'robot',
		action: 'send',
		robotKey: key,
		touser: [],
		toparty: [],
		totag: [],
		...content,
		acceptedAt: state.now(),
		recalled: false,
	});
	return wecomOk();
};
