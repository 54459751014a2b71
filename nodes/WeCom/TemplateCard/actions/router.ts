import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY } from '../descriptions/options';
import { forEachConcurrently } from '../helpers/concurrency';
import * as contact from './contact';
import * as customApiCall from './custom';
import { CUSTOM_API_CALL_OPERATION } from './custom/replaceN8nEntry';
import * as media from './media';
import * as message from './message';
import type { Operation, WeComTemplateCardType } from './node.type';
import * as robot from './robot';
import * as approval from './approval';

function operationOf({ resource, operation }: WeComTemplateCardType): Operation | undefined {
	// Every app resource and the Custom API Call resource list ours (see custom/replaceN8nEntry.ts).
	if (operation === CUSTOM_API_CALL_OPERATION && resource !== 'robot') return customApiCall.operations.customApiCall;
	switch (resource) {
		case 'message':
			return message.operations[operation];
		case 'robot':
			return robot.operations[operation];
		case 'contact':
			return contact.operations[operation];
		case 'media':
			return media.operations[operation];
		case 'approval':
			return approval.operations[operation];
		default:
			return undefined;
	}
}

/** The item loop: concurrency, pairedItem and continue-on-fail live here and only here. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = {
		resource: this.getNodeParameter('resource', 0),
		operation: this.getNodeParameter('operation', 0),
	} as WeComTemplateCardType;
	const operation = operationOf(node);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${node.operation}" of "${node.resource}" is not supported`,
		);
	}
	// Send and Wait sends one card for the execution and waits: its output is the input.
	if (operation.runsOnce) {
		const result = await runItem(this, operation, 0);
		return [result.ok ? items : result.failed];
	}

	const concurrency = Number(this.getNodeParameter('options.concurrency', 0, DEFAULT_CONCURRENCY)) || 1;
	const results: INodeExecutionData[][] = new Array(items.length);
	await forEachConcurrently(items.length, concurrency, async (itemIndex) => {
		const result = await runItem(this, operation, itemIndex);
		results[itemIndex] = result.ok
			? this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result.output), {
					itemData: { item: itemIndex },
				})
			: result.failed;
	});
	return [results.flat()];
}

/** Runs one item; a failure under continue-on-fail comes back as the item's output, else it is thrown. */
async function runItem(
	ctx: IExecuteFunctions,
	operation: Operation,
	itemIndex: number,
): Promise<{ ok: true; output: IDataObject | IDataObject[] } | { ok: false; failed: INodeExecutionData[] }> {
	try {
		return { ok: true, output: await operation.execute.call(ctx, itemIndex) };
	} catch (error) {
		if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, itemIndex);
		return { ok: false, failed: [{ json: errorOutput(error), pairedItem: { item: itemIndex } }] };
	}
}

/** What continue-on-fail puts in the item: the message, and the errcode when WeCom gave one. */
function errorOutput(error: unknown): IDataObject {
	const failure = error as { message?: string; description?: string; errcode?: number };
	const output: IDataObject = { error: failure.message ?? String(error) };
	if (failure.errcode !== undefined) output.errcode = failure.errcode;
	if (failure.description) output.errorDescription = failure.description;
	return output;
}

/** Operations throw n8n errors already; anything else is a bug worth a clear wrapper. */
function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}
