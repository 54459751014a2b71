/**
 * Builds `main` connections for runWorkflow: `connectMain(['A', 'B'], ['B', 'C', 1])` connects
 * A → B and B's output 1 → C.
 */
import type { IConnections } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export type MainLink = [from: string, to: string, fromOutput?: number, toInput?: number];

export function connectMain(...links: MainLink[]): IConnections {
	const connections: IConnections = {};
	for (const [from, to, fromOutput = 0, toInput = 0] of links) {
		const outputs = (connections[from] ??= { [NodeConnectionTypes.Main]: [] })[NodeConnectionTypes.Main];
		while (outputs.length <= fromOutput) outputs.push([]);
		(outputs[fromOutput] ??= []).push({ node: to, type: NodeConnectionTypes.Main, index: toInput });
	}
	return connections;
}
