/**
 * Transpiles the TypeScript the child processes load into plain JavaScript under
 * build/bench/js (same relative paths, so `node_modules` still resolves from the repo). The
 * children then run without the TypeScript compiler in memory, which would otherwise inflate
 * every RSS figure by the same ~100 MB, and never transpile a lazily loaded module mid-run.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import * as ts from 'typescript';

import { REPO_ROOT } from './config';

const SOURCE_FOLDERS = ['credentials', 'nodes', 'sandbox', 'test/harness', 'scripts/bench'];

function* typeScriptFiles(folder: string): Generator<string> {
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) yield* typeScriptFiles(path);
		else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield path;
	}
}

/** Returns the output folder; `<out>/scripts/bench/child.js` is the child entry. */
export function transpileForChildren(outFolder: string): { folder: string; files: number } {
	rmSync(outFolder, { recursive: true, force: true });
	let files = 0;
	for (const folder of SOURCE_FOLDERS) {
		for (const file of typeScriptFiles(join(REPO_ROOT, folder))) {
			const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
				fileName: file,
				compilerOptions: {
					module: ts.ModuleKind.CommonJS,
					target: ts.ScriptTarget.ES2022,
					esModuleInterop: true,
					sourceMap: false,
				},
			});
			const target = join(outFolder, relative(REPO_ROOT, file)).replace(/\.ts$/, '.js');
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, outputText);
			files++;
		}
	}
	return { folder: outFolder, files };
}
