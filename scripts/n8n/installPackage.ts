/**
 * Puts this package into an n8n user folder exactly the way n8n installs a community package
 * (Settings > Community nodes): the `npm pack` tarball extracted into
 * `.n8n/nodes/node_modules/<name>`, dev/peer/optional dependencies deleted from its package.json,
 * then `npm install --install-strategy=shallow --ignore-scripts=true ...` in that folder (the
 * flags of CommunityPackagesService.downloadPackage in n8n 2.41.1). So the tests see what users
 * get: only the files the tarball ships, and no runtime dependency of our own.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PACKAGE_NAME, REPO_ROOT } from './config';
import type { RuntimePaths } from './config';
import { cleanEnv, runOrThrow } from './proc';
import { runtimeEnv } from './runtime';

/** `npm run build` in the repository (system Node, as contributors build). */
export async function buildPackage(): Promise<void> {
	await runOrThrow('npm', ['run', 'build'], { cwd: REPO_ROOT, env: cleanEnv() });
}

/** `npm pack` of the built package; returns the tarball's path (in a fresh temp folder). */
export async function packPackage(): Promise<string> {
	const destination = mkdtempSync(join(tmpdir(), `${PACKAGE_NAME}-pack-`));
	const { stdout } = await runOrThrow('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: REPO_ROOT,
		env: cleanEnv(),
	});
	const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
	return join(destination, packed.filename);
}

/** Returns the installed package folder. */
export async function installPackageLikeN8n(paths: RuntimePaths, userFolder: string, tarball: string): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	await runOrThrow('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);

	const manifestFile = join(target, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));

	const flags = [
		'--audit=false',
		'--fund=false',
		'--bin-links=false',
		'--install-strategy=shallow',
		'--ignore-scripts=true',
		'--package-lock=false',
	];
	await runOrThrow('npm', ['install', ...flags], { cwd: target, env: runtimeEnv(paths) });
	// n8n's own list of installed packages, next to node_modules.
	const installed = { name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: manifest.version } };
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify(installed, null, 2));
	return target;
}
