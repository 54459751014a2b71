/**
 * The bench's child processes run a transpiled copy of the sources (scripts/bench/transpile.ts):
 * it must be the code `npm run build` ships, or the bench measures something users never run
 * (it once kept every comment, 0.2 MB of module source text in the live heap).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import * as ts from 'typescript';

import { REPO_ROOT } from '../../scripts/bench/config';
import { transpileForChildren } from '../../scripts/bench/transpile';

/** What tsc emits for the package (tsconfig.json), JavaScript only, by path under the repository. */
function packageBuild(): Map<string, string> {
	const { config } = ts.readConfigFile(join(REPO_ROOT, 'tsconfig.json'), (path) => ts.sys.readFile(path));
	const { options, fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT);
	const outDir = options.outDir as string;
	const emitted = new Map<string, string>();
	ts.createProgram(fileNames, { ...options, declaration: false }).emit(undefined, (file, text) => {
		if (file.endsWith('.js')) emitted.set(relative(outDir, file), text);
	});
	return emitted;
}

describe('bench transpile', () => {
	let folder: string;
	beforeAll(() => {
		folder = mkdtempSync(join(tmpdir(), 'bench-transpile-'));
		transpileForChildren(folder);
	});
	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	it('gives the children byte for byte the JavaScript the package build emits', () => {
		const built = packageBuild();
		expect(built.size).toBeGreaterThan(100);
		for (const [path, text] of built) {
			expect({ path, text: readFileSync(join(folder, path), 'utf8') }).toEqual({ path, text });
		}
	});
});
