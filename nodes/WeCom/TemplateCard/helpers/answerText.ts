import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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
	if (typeof value === 'string' && value.trim() !== '') return value;
	throw new NodeApiError(ctx.getNode(), { errcode: 0 } as JsonObject, {
		message: `WeCom answered errcode 0 without ${field} (${api})`,
		description: `The upload gave no ${field} to use. Check the API Base URL of the credential or the robot's webhook address: a proxy in between may change WeCom's answers.`,
		itemIndex,
	});
}
