/** Public shapes of the sandbox's "person in WeCom" half: callback config, clicks, approvals. */

/** Where and how the sandbox calls an app back, as set under Receive Messages > Set API. */
export interface CallbackConfig {
	corpId: string;
	agentId: number;
	/** Undefined until set (or taken from the app's callbackUrl). */
	url?: string;
	token: string;
	encodingAesKey: string;
}

export interface CallbackConfigInput {
	/** Default: the first corp. */
	corpId?: string;
	/** Default: the corp's first app. */
	agentId?: number;
	url?: string;
	token?: string;
	encodingAesKey?: string;
}

export interface CallbackSelection {
	questionKey: string;
	optionIds: string[];
}

/** A member clicks on a card they received: a button, a vote or multiple submit, or a menu item. */
export interface ClickAction {
	userid: string;
	/** One of taskId / msgid picks the card. */
	taskId?: string;
	msgid?: string;
	/** A button_list key, submit_button.key or action_menu key; default the first button or submit. */
	eventKey?: string;
	/** Votes, multiple choice and button selections; default what the card pre-selects. */
	selectedItems?: CallbackSelection[];
}

export type ApprovalStatusName =
	| 'pending'
	| 'approved'
	| 'rejected'
	| 'revoked'
	| 'revokedAfterApproval'
	| 'deleted'
	| 'paid';

export interface ApprovalAction {
	spNo: string;
	/** SpStatus: a number (1, 2, 3, 4, 6, 7, 10) or its name. */
	status: number | ApprovalStatusName;
	spName?: string;
	templateId?: string;
	/** Default: the corp's first user. */
	applicant?: { userId: string; party?: string };
	/** One approval node with these approvers (default: one approver, the corp's second user). */
	approvers?: Array<{ userId: string; status?: number; speech?: string; time?: number }>;
	notifiers?: string[];
	/** StatuChangeEvent; default derived from the status (2 → 2 agreed, 3 → 3 rejected, ...). */
	statusChangeEvent?: number;
	/** Unix seconds; default now. */
	applyTime?: number;
	corpId?: string;
	agentId?: number;
}

export interface CallbackAttempt {
	/** 1 = first delivery, 2..4 = WeCom's re-sends. */
	attempt: number;
	status?: number;
	/** Why there was no usable answer (timeout, refused connection). */
	error?: string;
	elapsedMs: number;
	/** The answer body, cut to 200 characters. */
	body?: string;
}

export interface CallbackDelivery {
	id: number;
	kind: 'click' | 'approval';
	event: string;
	url: string;
	/** The plaintext event XML (before encryption). */
	xml: string;
	attempts: CallbackAttempt[];
	/** True once an attempt got HTTP 200 in time. */
	delivered: boolean;
	at: number;
}

export interface ClickResult {
	event: 'template_card_event' | 'template_card_menu_event';
	/** The new ResponseCode for update_template_card: single use, 72 h. */
	responseCode: string;
	msgid: string;
	taskId?: string;
	cardType: string;
	eventKey: string;
	selectedItems: CallbackSelection[];
	delivery: CallbackDelivery;
}

export interface ApprovalResult {
	delivery: CallbackDelivery;
}

export interface VerifyCallbackOptions {
	url?: string;
	corpId?: string;
	agentId?: number;
	/** WeCom wants the answer within 1 s (the default). */
	timeoutMs?: number;
}

export interface VerifyCallbackResult {
	ok: boolean;
	url: string;
	status?: number;
	/** What the answer should have been (the decrypted echostr). */
	expected: string;
	received?: string;
	elapsedMs: number;
	problem?: string;
}

export interface CallbackDeliveryOptions {
	/** How long WeCom waits for an answer before re-sending; default 5000. */
	ackTimeoutMs?: number;
	/** Re-sends after the first delivery; default 3. */
	maxRetries?: number;
	/** Pause between attempts; default 0. */
	retryDelayMs?: number;
}
