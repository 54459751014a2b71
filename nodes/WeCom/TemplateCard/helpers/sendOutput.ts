import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { RESPONSE_CODE_TTL_MS } from '../../shared/limits';
import type { SentBatch } from '../transport/messages';
import { splitWeComList } from '../transport/recipients';

const MAX_SHOWN_WARNINGS = 20;

function shownWarnings(warnings: string[]): string[] {
	if (warnings.length <= MAX_SHOWN_WARNINGS) return warnings;
	const hidden = warnings.length - MAX_SHOWN_WARNINGS;
	return [...warnings.slice(0, MAX_SHOWN_WARNINGS), `... and ${hidden} more member(s) over the limit`];
}

/**
 * The item's output: the first call's ids, every call's invalid recipients, and a hint about them.
 * `unresolved`: mobile: and email: entries no member was found for, reported with invaliduser.
 */
export function sendOutput(
	ctx: IExecuteFunctions,
	results: SentBatch[],
	dedupKey?: string,
	unresolved: string[] = [],
): IDataObject {
	const merged = (field: string) => results.flatMap(({ call }) => splitWeComList(call.response[field]));
	const [first] = results;
	const responseCode = first.call.response.response_code as string | undefined;
	const output: IDataObject = {
		msgid: first.call.response.msgid,
		...(responseCode && {
			response_code: responseCode,
			response_code_expires_at: new Date(Date.now() + RESPONSE_CODE_TTL_MS).toISOString(),
		}),
		...(first.taskId && { task_id: first.taskId }),
		invaliduser: [...unresolved, ...merged('invaliduser')],
		invalidparty: merged('invalidparty'),
		invalidtag: merged('invalidtag'),
		unlicenseduser: merged('unlicenseduser'),
		attempts: results.reduce((total, { call }) => total + call.attempts, 0),
		resent: results.some(({ call }) => call.resent),
		calls: results.length,
	};
	if (dedupKey) output.dedupKey = dedupKey;
	const warnings = results.flatMap((result) => result.warnings);
	if (warnings.length) {
		output.warnings = shownWarnings(warnings);
		ctx.addExecutionHints({
			message: `WeCom may drop this card for ${warnings.length} member(s) without an error: too many messages from this app to them (${warnings[0]}${warnings.length > 1 ? ', ...' : ''}). Turn on Options › Pace Per Member to wait instead.`,
			location: 'outputPane',
		});
	}
	if (results.length > 1) {
		output.batches = results.map(({ batch, taskId, call }) => ({
			msgid: call.response.msgid,
			...(call.response.response_code !== undefined && { response_code: call.response.response_code }),
			...(taskId && { task_id: taskId }),
			users: splitWeComList(batch.touser).length,
			departments: splitWeComList(batch.toparty).length,
			tags: splitWeComList(batch.totag).length,
		}));
	}
	const invalid = [
		...(output.invaliduser as string[]),
		...(output.invalidparty as string[]),
		...(output.invalidtag as string[]),
	];
	if (invalid.length) {
		ctx.addExecutionHints({
			message: `WeCom did not deliver to ${invalid.length} recipient(s) outside the app's visible range or unknown: ${invalid.slice(0, 10).join(', ')}${invalid.length > 10 ? ', ...' : ''}`,
			location: 'outputPane',
		});
	}
	return output;
}
