/**
 * Why a callback was refused. Each reason maps to one HTTP status, so the trigger and the tests
 * agree on what a forged or malformed request gets; none of them carries secret material.
 */
type CallbackRejectReason =
	/** msg_signature missing or not SHA-1 hex, or not ours. */
	| 'badSignature'
	/** Query parameters or the posted XML body missing or malformed. */
	| 'badRequest'
	/** Not valid base64, wrong block size, bad padding or length field. */
	| 'badCiphertext'
	/** Decrypted fine, but for another corp (receive id != Corp ID). */
	| 'wrongReceiver'
	/** Decrypted text is not XML we accept (DOCTYPE, entities, processing instructions...). */
	| 'badXml'
	/** Body larger than the cap. */
	| 'tooLarge'
	/** Timestamp or CreateTime outside the replay window, or no CreateTime to check. */
	| 'stale'
	/** A GET whose echostr decrypts to something other than a URL check's random string. */
	| 'notUrlCheck'
	/** Method not allowed for this webhook. */
	| 'badMethod';

const STATUS: Record<CallbackRejectReason, number> = {
	badSignature: 401,
	badRequest: 400,
	badCiphertext: 400,
	wrongReceiver: 403,
	badXml: 400,
	tooLarge: 413,
	stale: 403,
	notUrlCheck: 400,
	badMethod: 405,
};

export class CallbackRejection extends Error {
	readonly status: number;

	constructor(
		readonly reason: CallbackRejectReason,
		message: string,
	) {
		super(message);
		this.name = 'CallbackRejection';
		this.status = STATUS[reason];
	}
}

export function refuse(reason: CallbackRejectReason, message: string): never {
	throw new CallbackRejection(reason, message);
}
