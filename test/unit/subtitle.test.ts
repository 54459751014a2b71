/**
 * The canvas shows the node's subtitle under its name. It must be the operation's label as the
 * Operation field shows it ("Send Template Card"), not internal names ("sendTemplateCard: message").
 * The expression is evaluated by n8n's own expression engine, for every operation of every resource.
 */
import type { INode, INodePropertyOptions } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { WeComTemplateCard } from '../../nodes/WeCom/TemplateCard/WeComTemplateCard.node';
import { createNodeTypes } from '../harness/nodeTypes';

const nodeType = new WeComTemplateCard();
const { subtitle, properties } = nodeType.description;

/** [resource, operation value, label] for every option of every Operation field. */
const operations = properties
	.filter((property) => property.name === 'operation')
	.flatMap((property) =>
		(property.options as INodePropertyOptions[]).map(
			(option) => [String(property.displayOptions?.show?.resource?.[0]), String(option.value), option.name] as const,
		),
	);

function evaluatedSubtitle(resource: string, operation: string): unknown {
	const node: INode = {
		id: 'card',
		name: 'WeCom Template Card',
		type: 'weComTemplateCard',
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource, operation },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: createNodeTypes({ weComTemplateCard: nodeType }),
	});
	return workflow.expression.getSimpleParameterValue(node, subtitle as string, 'internal', {});
}

describe('canvas subtitle', () => {
	it('covers every operation of every resource', () => {
		expect(operations.map(([resource, operation]) => `${resource}:${operation}`).sort()).toEqual([
			'approval:customApiCall',
			'approval:getDetail',
			'approval:getMany',
			'approval:submit',
			'contact:customApiCall',
			'contact:findUser',
			'customApiCall:customApiCall',
			'media:customApiCall',
			'media:uploadFile',
			'media:uploadImage',
			'message:customApiCall',
			'message:recall',
			'message:sendAndWait',
			'message:sendTemplateCard',
			'message:updateTemplateCard',
			'robot:customApiCall',
			'robot:sendTemplateCard',
			'robot:uploadMedia',
		]);
	});

	it.each(operations)('%s / %s shows "%s"', (resource, operation, label) => {
		expect(evaluatedSubtitle(resource, operation)).toBe(label);
	});
});
