import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, retryOptions } from '../../descriptions/options';
import { readOptions, retryPolicyFrom, type RetryOptionValues } from '../../helpers/options';
import { weComApiCall } from '../../transport';
import { callFields, readCustomCall } from './callFields';
import { CUSTOM_API_CALL_OPERATION } from './replaceN8nEntry';

const properties: INodeProperties[] = [
	...callFields(
		'/cgi-bin/user/get',
		"A WeCom server API path under /cgi-bin/ (WeCom's API reference: https://developer.work.weixin.qq.com/document/path/90664). The node sends it to the credential's API address with the access token it manages.",
	),
	optionsCollection(
		retryOptions({
			maxAttempts:
				'Attempts per call, the first included. Retried: -1 system busy, 45009 rate limit, and connections that never reached WeCom. A timeout or HTTP 5xx is not retried: the call may have taken effect.',
		}),
	),
];

/** Shown for the Custom API Call resource and for the Custom API Call entry of every app resource. */
export const description: INodeProperties[] = properties.map((property) => ({
	...property,
	displayOptions: {
		...property.displayOptions,
		show: { ...property.displayOptions?.show, operation: [CUSTOM_API_CALL_OPERATION] },
		hide: { resource: ['robot'] },
	},
}));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const call = readCustomCall(this, itemIndex, '/cgi-bin/');
	// Any API, so possibly one that changes something: a call that may have arrived is not repeated.
	const retry = retryPolicyFrom(readOptions<RetryOptionValues>(this, itemIndex), false);
	const { response } = await weComApiCall.call(this, call, itemIndex, { retry });
	return response;
}
