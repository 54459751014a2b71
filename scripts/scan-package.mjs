#!/usr/bin/env node
// n8n's community-package scanner, offline: the same rule set `npx @n8n/scan-community-package`
// applies to a published package, run on the sources and on the packed tarball (after the build).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SOURCE_FILE_PATTERNS, analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = new URL('..', import.meta.url).pathname;

// n8n installs source-map-support, so a shipped source map turns the stack trace under an error's
// "Other info" into paths of .ts files that are not even in the package.
function sourceMapLeftovers(packageDir) {
	return readdirSync(packageDir, { recursive: true }).filter(
		(file) =>
			file.endsWith('.map') ||
			(file.endsWith('.ts') && !file.endsWith('.d.ts')) ||
			(file.endsWith('.js') && readFileSync(join(packageDir, file), 'utf8').includes('sourceMappingURL')),
	);
}

const work = mkdtempSync(join(tmpdir(), 'wecom-card-scan-'));
try {
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
	const results = [
		['sources', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		['packed tarball', await analyzePackage(join(work, 'package'), ['**/*.js', 'package.json'])],
	];
	for (const [what, result] of results) {
		console.log(`n8n community-package scan of the ${what}: ${result.passed ? 'passed' : 'FAILED'}`);
		if (!result.passed) console.log(result.details ?? result.message);
	}
	const leftovers = sourceMapLeftovers(join(work, 'package'));
	console.log(`no source maps or .ts sources in the packed tarball: ${leftovers.length === 0 ? 'passed' : 'FAILED'}`);
	if (leftovers.length > 0) console.log(`${leftovers.length} files, e.g. ${leftovers.slice(0, 3).join(', ')}`);
	process.exitCode = results.every(([, result]) => result.passed) && leftovers.length === 0 ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
