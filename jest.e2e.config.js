/**
 * `npm run test:e2e`: a real n8n 2.41.1 (Node 24, cached outside the repository) with the package
 * installed from its tarball. Separate from the default jest run, which must stay fast.
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
