/** The WeCom sandbox: a WeCom-compatible HTTP server for tests and local demos. */
export { startSandbox } from './server';
export { DEMO_AGENT_ID, DEMO_CALLBACK_URL, DEMO_CORP, DEMO_CORP_ID, DEMO_ROBOT_KEY, DEMO_SECRET } from './demo';
export { RESPONSE_CODE_TTL_MS } from './routes/updateTemplateCard';
export { MEMBER_MESSAGES_PER_HOUR, MEMBER_MESSAGES_PER_MINUTE } from './memberLimit';
export { FOREIGN_ANSWER, startForeignHost } from './foreignHost';
export type { ForeignHost, ForeignRequest } from './foreignHost';
export { RECALL_WINDOW_MS } from './routes/recall';
export {
	ALL_CONTROLS_TEMPLATE_ID,
	EXPENSE_TEMPLATE_ID,
	LEAVE_TEMPLATE_ID,
	SANDBOX_TEMPLATES,
	TRIP_TEMPLATE_ID,
} from './approvals/templates';
export type { ApprovalChangeResult, ApprovalDecision, ApprovalSubmission } from './approvals/control';
export type { StoredApproval } from './approvals/store';
export { DEFAULT_DUPLICATE_INTERVAL_S, MAX_DUPLICATE_INTERVAL_S } from './duplicateCheck';
export { DEMO_CALLBACK_TOKEN, DEMO_ENCODING_AES_KEY, DEFAULT_ACK_TIMEOUT_MS, VERIFY_TIMEOUT_MS } from './callbacks';
export type {
	ApprovalAction,
	ApprovalResult,
	CallbackAttempt,
	CallbackConfig,
	CallbackConfigInput,
	CallbackDelivery,
	CallbackDeliveryOptions,
	CallbackSelection,
	ClickAction,
	ClickResult,
	VerifyCallbackOptions,
	VerifyCallbackResult,
} from './callbacks';
export type {
	ActiveFault,
	DeliveredMessage,
	FaultControl,
	FaultKind,
	FaultSpec,
	MemberDrop,
	MessageAction,
	Sandbox,
	SandboxApp,
	SandboxCorp,
	SandboxOptions,
	SandboxStats,
	UserCard,
} from './types';
export { callSandbox, sandboxControl } from './client';
export type { ConnectionCounts } from './network/connectionCounter';
export type { TlsMaterial } from './network/selfSignedCertificate';
export { demoDirectory } from './contacts/directory';
export type { ContactDirectory, DirectoryDepartment, DirectoryTag, DirectoryUser } from './contacts/directory';
export type { CallOptions, CallResult } from './client';
export {
	sampleButtonInteraction,
	sampleMultipleInteraction,
	sampleNewsNotice,
	sampleTextNotice,
	sampleTextNoticeWithMenu,
	sampleVoteInteraction,
} from './sampleCards';
