/** Tests run TypeScript sources directly; the engine tests start the sandbox in-process. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	setupFiles: ['<rootDir>/test/harness/setupEnv.ts'],
	globalTeardown: '<rootDir>/test/harness/leakScanTeardown.ts',
	testTimeout: 120000,
};
