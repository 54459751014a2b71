/**
 * `npm run test:e2e`: a real n8n (WECOM_N8N_VERSION, else the default of scripts/n8n/versions.ts; Node 24,
 * cached outside the repository) with the package installed from its tarball. Separate from the default
 * jest run, which must stay fast. `npm run test:e2e:matrix` runs a subset on every tested version.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	// A cold runtime install takes minutes; one n8n at a time on a 2-core machine.
	testTimeout: 30 * 60 * 1000,
	maxWorkers: 1,
	verbose: true,
};
