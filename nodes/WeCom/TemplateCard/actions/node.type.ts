import type { AllEntities, IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Every resource of the node and its operations (the values of the Resource and Operation fields). */
type NodeMap = {
	message: 'sendTemplateCard' | 'sendAndWait' | 'updateTemplateCard' | 'recall';
	robot: 'sendTemplateCard' | 'uploadMedia' | 'customApiCall';
	media: 'uploadImage' | 'uploadFile';
	customApiCall: 'customApiCall';
	contact: 'findUser';
	approval: 'getDetail' | 'getMany' | 'submit';
};

export type WeComTemplateCardType = AllEntities<NodeMap>;

/** The displayOptions that show a property for one operation of one resource. */
export function showFor<R extends keyof NodeMap>(resource: R, operation: NodeMap[R]): IDisplayOptions {
	return { show: { resource: [resource], operation: [operation] } };
}

/**
 * An operation file: its properties, and `execute` for one item. The router runs it for every
 * item, or once for the first item when `runsOnce` (it puts the whole execution to wait).
 */
export interface Operation {
	description: INodeProperties[];
	/** One output item, or several (a list operation). */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	runsOnce?: boolean;
}

/** A resource's operations, by the value of its Operation field. */
export type Operations<R extends keyof NodeMap> = Record<NodeMap[R], Operation>;
