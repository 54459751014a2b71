#!/usr/bin/env node
// Runs a TypeScript entry point (sandbox, demo) without a build step: every .ts file that
// is required gets transpiled in memory by the project's own TypeScript (no type check here;
// `npm run typecheck` does that).
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			sourceMap: false,
		},
	});
	module._compile(outputText, filename);
};
// Resolve `X.node` to X.node.ts before the X.node.json codex file next to it, as tsc does.
for (const extension of ['.json', '.node']) {
	const load = require.extensions[extension];
	delete require.extensions[extension];
	require.extensions[extension] = load;
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error('usage: node scripts/run-ts.js <file.ts> [args...]');
	process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...args];
require(path.resolve(entry));
