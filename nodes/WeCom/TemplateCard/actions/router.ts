import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY, forEachConcurrently } from './concurrency';
import * as message from './message';
import * as robot from './robot';

export type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject>;

const operations: Record<string, Record<string, OperationExecute>> = {
	message: message.operations,
	robot: robot.operations,
};

/** The item loop: concurrency, pairedItem and continue-on-fail live here and only here. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const concurrency = Number(this.getNodeParameter('options.concurrency', 0, DEFAULT_CONCURRENCY)) || 1;

	const results: INodeExecutionData[][] = new Array(items.length);
	await forEachConcurrently(items.length, concurrency, async (itemIndex) => {
		try {
			const output = await execute.call(this, itemIndex);
			results[itemIndex] = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(output), {
				itemData: { item: itemIndex },
			});
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			results[itemIndex] = [{ json: errorOutput(error), pairedItem: { item: itemIndex } }];
		}
	});
	return [results.flat()];
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
