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

/**
 * The package's own compiler options (tsconfig.json), so the children run the code as `npm run
 * build` ships it: without comments, which V8 would otherwise keep in every module's source text
 * (0.2 MB of live heap for this node's modules).
 */
function packageCompilerOptions(): ts.CompilerOptions {
	const { config, error } = ts.readConfigFile(join(REPO_ROOT, 'tsconfig.json'), (path) => ts.sys.readFile(path));
	if (error) throw new Error(`tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
	const { options } = ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT);
	return { ...options, declaration: false, sourceMap: false };
}

/** Returns the output folder; `<out>/scripts/bench/child.js` is the child entry. */
export function transpileForChildren(outFolder: string): { folder: string; files: number } {
	rmSync(outFolder, { recursive: true, force: true });
	const options = packageCompilerOptions();
	let files = 0;
	for (const folder of SOURCE_FOLDERS) {
		for (const file of typeScriptFiles(join(REPO_ROOT, folder))) {
			const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
				fileName: file,
				compilerOptions: options,
			});
			const target = join(outFolder, relative(REPO_ROOT, file)).replace(/\.ts$/, '.js');
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, outputText);
			files++;
		}
	}
	return { folder: outFolder, files };
}
