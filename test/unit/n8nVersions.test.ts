/**
 * The n8n versions the package is tested on (scripts/n8n/versions.ts) are what package.json
 * promises, and each version gets its own runtime folder and install recipe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runtimeRoot } from '../../scripts/n8n/config';
import {
	DEFAULT_N8N_VERSION,
	N8N_VERSIONS,
	hasEditorWriteLock,
	selectedVersion,
	versionProfile,
} from '../../scripts/n8n/versions';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
	peerDependencies: Record<string, string>;
	devDependencies: Record<string, string>;
};

describe('tested n8n versions', () => {
	it('package.json peerDependencies stay what n8n requires of a community package', () => {
		// n8n's community-node lint (valid-peer-dependencies) allows exactly "n8n-workflow": "*", so
		// the tested versions are stated in the README and versions.ts, not as a range here.
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		for (const profile of N8N_VERSIONS) expect(profile.n8nWorkflow).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('the default is a tested 2.x, and the dev copy of n8n-workflow is the one it ships', () => {
		const profile = versionProfile(DEFAULT_N8N_VERSION);
		expect(N8N_VERSIONS).toContain(profile);
		expect(profile.version).toMatch(/^2\./);
		expect(manifest.devDependencies['n8n-workflow']).toBe(profile.n8nWorkflow);
	});

	it('WECOM_N8N_VERSION picks the version; each version has its own cache folder', () => {
		expect(selectedVersion({ WECOM_N8N_VERSION: '1.123.81' }).version).toBe('1.123.81');
		expect(selectedVersion({}).version).toBe(DEFAULT_N8N_VERSION);
		const env = { WECOM_N8N_CACHE: '/cache' };
		expect(runtimeRoot('1.123.81', env)).toBe('/cache/n8n-1.123.81');
		expect(runtimeRoot('2.41.1', env)).toBe('/cache/n8n-2.41.1');
	});

	it('1.x installs xlsx from the registry; an untested version gets its line’s recipe', () => {
		expect(versionProfile('1.123.81').installOverrides).toEqual({ xlsx: 'npm:xlsx@0.18.5' });
		expect(versionProfile('1.122.0').installOverrides).toEqual({ xlsx: 'npm:xlsx@0.18.5' });
		expect(versionProfile('2.99.0').installOverrides).toEqual({});
		expect(() => versionProfile('3.0.0')).toThrow(/1\.x\.y or 2\.x\.y/);
	});

	it('the editor write lock is a 2.x thing (1.123.81 has no write-lock route or message)', () => {
		expect(hasEditorWriteLock(versionProfile('2.41.1'))).toBe(true);
		expect(hasEditorWriteLock(versionProfile('1.123.81'))).toBe(false);
	});
});
