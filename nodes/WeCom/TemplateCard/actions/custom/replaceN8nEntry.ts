/*
 * n8n adds a "Custom API Call" entry to the Resource and every Operation list of a node whose
 * credential has `authenticate`, unless the list already ends with an entry of that name (n8n
 * 2.41, packages/cli LoadNodesAndCredentials.injectCustomApiCallOptions). Its entry sends users
 * to the HTTP Request node, which cannot refresh the token on WeCom's HTTP-200 errcodes. Ending
 * each list with our own entry of that name replaces it.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The name n8n looks for (CUSTOM_API_CALL_NAME). */
export const CUSTOM_API_CALL_NAME = 'Custom API Call';

/** The Operation value of our entry, in every resource. */
export const CUSTOM_API_CALL_OPERATION = 'customApiCall';

const operationEntry = (robot: boolean): INodePropertyOptions => ({
	name: CUSTOM_API_CALL_NAME,
	value: CUSTOM_API_CALL_OPERATION,
	action: robot ? 'Make a custom robot API call' : 'Make a custom API call',
	description: robot
		? "Call a group robot API (/cgi-bin/webhook/...) with the robot's key"
		: "Call any WeCom server API with the credential's managed access token, retries and errcode explanations",
});

function isRobotList(property: INodeProperties): boolean {
	return property.displayOptions?.show?.resource?.includes('robot') === true;
}

/** Every Operation list that does not end with our entry gets it. */
export function withOwnCustomApiCall(properties: INodeProperties[]): INodeProperties[] {
	return properties.map(withEntry);
}

function withEntry(property: INodeProperties): INodeProperties {
	const options = property.options as INodePropertyOptions[] | undefined;
	if (property.name !== 'operation' || !Array.isArray(options)) return property;
	if (options[options.length - 1]?.name === CUSTOM_API_CALL_NAME) return property;
	return { ...property, options: [...options, operationEntry(isRobotList(property))] };
}
