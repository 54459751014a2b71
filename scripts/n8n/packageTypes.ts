/**
 * The node and credential type names the built package declares (its package.json `n8n` block),
 * read from dist/ the way n8n's loader reads them, so checks follow the package as it grows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_NAME, REPO_ROOT } from './config';

interface N8nBlock {
	nodes?: string[];
	credentials?: string[];
}

function exportedInstances(file: string): Array<Record<string, unknown>> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exports = require(join(REPO_ROOT, file)) as Record<string, unknown>;
	return Object.values(exports)
		.filter(
			(value): value is new () => Record<string, unknown> =>
				typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value)),
		)
		.map((Class) => {
			try {
				return new Class();
			} catch {
				return {};
			}
		});
}

export function declaredTypes(): { nodes: string[]; credentials: string[] } {
	const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n: N8nBlock };
	const nodes = (manifest.n8n.nodes ?? []).flatMap((file) =>
		exportedInstances(file)
			.map((node) => (node.description as { name?: string } | undefined)?.name)
			.filter((name): name is string => typeof name === 'string')
			.map((name) => `${PACKAGE_NAME}.${name}`),
	);
	const credentials = (manifest.n8n.credentials ?? []).flatMap((file) =>
		exportedInstances(file)
			.map((credential) => credential.name)
			.filter((name): name is string => typeof name === 'string' && name !== ''),
	);
	return { nodes, credentials };
}
