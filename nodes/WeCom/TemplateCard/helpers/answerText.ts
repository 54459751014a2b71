import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** Fields that are links: an image URL goes into cards, so only http(s) counts. */
const LINK_FIELDS = new Set(['url']);

function isHttpUrl(value: string): boolean {
	return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}

/**
 * A text field WeCom's errcode 0 answer must hold (the media_id, the image URL). Without it the
 * upload gave nothing usable: an error, not an output with the field undefined.
 */
export function answerText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	response: IDataObject,
	field: string,
	api: string,
): string {
	const value = response[field];
	if (typeof value === 'string' && value.trim() !== '' && (!LINK_FIELDS.has(field) || isHttpUrl(value))) return value;
	throw new NodeApiError(ctx.getNode(), { errcode: 0 } as JsonObject, {
		message: `WeCom answered errcode 0 without ${field} (${api})${value === undefined ? '' : ': the value it gave is not usable'}`,
		description: `The upload gave no ${field} to use. Check the API Base URL of the credential or the robot's webhook address: a proxy in between may change WeCom's answers.`,
		itemIndex,
	});
}
