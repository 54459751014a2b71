/** Reading and changing a card by a path such as `select_list[0].option_list[1].id`. */
import type { Card } from './docPages';

type Node = Record<string | number, unknown>;

export function pathSegments(path: string): Array<string | number> {
	return [...path.matchAll(/[^.[\]]+/g)].map(([segment]) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** The object holding the last segment of `path`, and that segment. */
function locate(card: Card, path: string): { parent: Node; key: string | number } {
	const segments = pathSegments(path);
	let node = card as Node;
	for (const segment of segments.slice(0, -1)) {
		const next = node[segment];
		if (typeof next !== 'object' || next === null) throw new Error(`the card has nothing at ${path}`);
		node = next as Node;
	}
	return { parent: node, key: segments[segments.length - 1] };
}

export function getPath(card: Card, path: string): unknown {
	const { parent, key } = locate(card, path);
	return parent[key];
}

export function setPath(card: Card, path: string, value: unknown): void {
	const { parent, key } = locate(card, path);
	parent[key] = value;
}

export function deletePath(card: Card, path: string): void {
	const { parent, key } = locate(card, path);
	if (!(key in parent)) throw new Error(`the card has no ${path} to remove`);
	delete parent[key];
}

/** Merges `fields` into the object at `path` (the card itself for ''). */
export function mergeAt(card: Card, path: string, fields: Record<string, unknown>): void {
	const target = path === '' ? card : getPath(card, path);
	if (typeof target !== 'object' || target === null) throw new Error(`the card has no object at ${path}`);
	Object.assign(target, fields);
}

/** The path of the object that holds `path`'s last segment ('' for a top-level field). */
export function parentPath(path: string): string {
	const stripped = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
	return stripped === path ? '' : stripped;
}
