import type { INodeProperties } from 'n8n-workflow';

/** The field naming the input item's binary property that holds the file. */
export const binaryPropertyField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the input binary field containing the file to upload',
};

/** Label of binaryPropertyField in error messages. */
export const BINARY_FIELD_LABEL = 'Input Binary Field';
