/**
 * The package's layering, read from the import statements of every shipped source file:
 * - nodes/ never imports credentials/ (credentials may use nodes/WeCom/shared/);
 * - nodes/WeCom/shared/ knows nothing of the nodes that use it;
 * - descriptions/ never imports actions/, and operation files never import each other;
 * - only transport/ talks HTTP (no HTTP helper is called outside it);
 * - no import cycle, type-only imports included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
	return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

const files = [...sourceFiles('nodes'), ...sourceFiles('credentials')];
const known = new Set(files);

/** Relative imports of a file, resolved to repository paths (`from '...'`, also `import type`). */
function importsOf(file: string): string[] {
	const text = readFileSync(join(root, file), 'utf8');
	const specifiers = [...text.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]);
	return specifiers.map((specifier) => {
		const base = relative(root, resolve(root, dirname(file), specifier));
		const candidates = [`${base}.ts`, join(base, 'index.ts')];
		const found = candidates.find((candidate) => known.has(candidate));
		if (!found) throw new Error(`${file}: cannot resolve ${specifier}`);
		return found;
	});
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));

function arrows(from: (file: string) => boolean, to: (file: string) => boolean): string[] {
	return [...graph].flatMap(([file, imports]) =>
		from(file) ? imports.filter(to).map((target) => `${file} → ${target}`) : [],
	);
}

const under = (prefix: string) => (file: string) => file.startsWith(prefix);

describe('package layering', () => {
	it('reads every source file', () => {
		expect(files.length).toBeGreaterThan(50);
	});

	it('nodes/ does not import credentials/', () => {
		expect(arrows(under('nodes/'), under('credentials/'))).toEqual([]);
	});

	it('nodes/WeCom/shared/ does not import the nodes that use it', () => {
		expect(arrows(under('nodes/WeCom/shared/'), (file) => !file.startsWith('nodes/WeCom/shared/'))).toEqual([]);
	});

	it('descriptions/ does not import actions/', () => {
		expect(arrows(under('nodes/WeCom/TemplateCard/descriptions/'), under('nodes/WeCom/TemplateCard/actions/'))).toEqual(
			[],
		);
	});

	it('operation files do not import each other', () => {
		const operation = (file: string) => file.endsWith('.operation.ts');
		expect(arrows(operation, operation)).toEqual([]);
	});

	it('only transport/ calls n8n HTTP helpers', () => {
		const callers = files.filter(
			(file) =>
				!file.startsWith('nodes/WeCom/TemplateCard/transport/') &&
				!file.startsWith('credentials/') &&
				/helpers\.(httpRequest|request)\w*\(/.test(readFileSync(join(root, file), 'utf8')),
		);
		expect(callers).toEqual([]);
	});

	it('has no import cycle', () => {
		const cycles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const visit = (file: string, path: string[]) => {
			if (state.get(file) === 'done') return;
			if (state.get(file) === 'open') {
				cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
				return;
			}
			state.set(file, 'open');
			for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
			state.set(file, 'done');
		};
		for (const file of files) visit(file, []);
		expect(cycles).toEqual([]);
	});
});
