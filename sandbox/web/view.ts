/** What the page shows, read from the sandbox state: who received messages and what one user sees. */
import type { SandboxState } from '../state';
import type { DeliveredMessage, UserCard } from '../types';
import type { ShownMessage } from './renderCard';

/** The page's URL parameters (see page.ts for the scheme). */
export interface PageQuery {
	user?: string;
	/** Show the group-robot messages instead of a user. */
	robot: boolean;
	/** Poll for changes (off with ?static=1, for screenshots). */
	live: boolean;
	/** Load card images from their URLs (?images=1). */
	showImages: boolean;
}

const isOn = (value: string | null): boolean => value !== null && value !== '0' && value !== 'false';

export function readQuery(params: URLSearchParams): PageQuery {
	const user = params.get('user')?.trim();
	return {
		user: user || undefined,
		robot: isOn(params.get('robot')),
		live: !isOn(params.get('static')),
		showImages: isOn(params.get('images')),
	};
}

export interface UserChoice {
	userid: string;
	/** Messages this user currently has, @all ones included. */
	count: number;
}

export interface PageModel {
	users: UserChoice[];
	/** Sends to @all: every user in the visible range has them. */
	atAllCount: number;
	/** Sends addressed only to departments or tags, which the sandbox shows nobody (membership is not modelled). */
	partyOrTagOnly: number;
	robotCount: number;
	/** The user shown; undefined on the robot view or before anything was sent. */
	selected?: string;
	/** Newest first, so a new card appears at the top. */
	messages: ShownMessage[];
}

/** Delivered sends only: a suppressed duplicate delivered nothing. */
const delivered = (entry: DeliveredMessage): boolean => entry.action === 'send' && entry.duplicateOf === undefined;

/** Users who received an app message, by userid (lower-cased, as cardsFor compares them). */
function recipients(state: SandboxState, sends: DeliveredMessage[]): string[] {
	const users = new Set<string>();
	for (const entry of sends) {
		const corp = entry.corpId ? state.corps.get(entry.corpId) : undefined;
		for (const user of entry.touser.map((u) => u.toLowerCase())) {
			// Invalid users were reported back to the caller, not delivered to.
			if (user !== '@all' && corp?.users.has(user)) users.add(user);
		}
	}
	return [...users].sort();
}

function fromUserCard(card: UserCard, sendRecord: DeliveredMessage | undefined): ShownMessage {
	return {
		key: card.msgid,
		msgid: card.msgid,
		msgtype: card.msgtype,
		template_card: card.template_card,
		text: card.text?.content,
		taskId: sendRecord?.task_id,
		responseCode: sendRecord?.response_code,
		deliveredAt: sendRecord?.acceptedAt,
		updatedAt: card.updatedAt,
		recalled: card.recalled,
		recalledAt: sendRecord?.recalledAt,
		replaceName: card.replaceName,
		raw: { current: card, sendRecord },
	};
}

function fromRobotEntry(entry: DeliveredMessage): ShownMessage {
	// The robot key is the webhook's credential: the raw view leaves it out.
	const { robotKey: _key, ...record } = entry;
	return {
		key: `robot-${entry.id}`,
		msgtype: entry.msgtype,
		template_card: entry.template_card,
		text: entry.text?.content ?? entry.markdown?.content,
		deliveredAt: entry.acceptedAt,
		recalled: false,
		raw: { current: record },
	};
}

function defaultUser(state: SandboxState, users: string[], atAllCount: number): string | undefined {
	if (users.length > 0) return users[0];
	// Only @all sends so far: anyone in the visible range sees them; show the first member.
	return atAllCount > 0 ? [...state.corps.values()][0]?.corp.users[0] : undefined;
}

export function buildModel(state: SandboxState, query: PageQuery): PageModel {
	const log = state.messages();
	const appSends = log.filter((entry) => entry.kind === 'app' && delivered(entry));
	const robotSends = log.filter((entry) => entry.kind === 'robot' && delivered(entry));
	const users = recipients(state, appSends);
	const atAllCount = appSends.filter((entry) => entry.touser.includes('@all')).length;
	const model: PageModel = {
		users: users.map((userid) => ({ userid, count: state.cardsFor(userid).length })),
		atAllCount,
		partyOrTagOnly: appSends.filter((entry) => entry.touser.length === 0).length,
		robotCount: robotSends.length,
		messages: [],
	};
	if (query.robot) {
		model.messages = robotSends.map(fromRobotEntry).reverse();
		return model;
	}
	model.selected = query.user ?? defaultUser(state, users, atAllCount);
	if (model.selected === undefined) return model;
	const sendRecords = new Map(appSends.map((entry) => [entry.msgid, entry]));
	model.messages = state
		.cardsFor(model.selected)
		.map((card) => fromUserCard(card, sendRecords.get(card.msgid)))
		.reverse();
	return model;
}
