import js from '@eslint/js';
import { config as communityNodeConfig } from '@n8n/node-cli/eslint';

const packageSources = ['nodes/**/*.ts', 'credentials/**/*.ts'];
const toolSources = ['test/**/*.ts', 'sandbox/**/*.ts', 'scripts/**/*.ts'];

// n8n's community-node rules (no setTimeout, process or node:http, ...) guard what n8n loads.
// The sandbox, tests and scripts never run inside n8n, so they get the rest of n8n's config
// (eslint and typescript-eslint recommended, import-x) without that block.
const communityRulesOnPackageOnly = (entry) =>
	entry.plugins?.['@n8n/community-nodes'] && entry.files?.includes('**/*.ts')
		? { ...entry, files: packageSources }
		: entry;

export default [
	{ ignores: ['build', 'coverage', '.n8n-test'] },
	...communityNodeConfig.map(communityRulesOnPackageOnly),
	{
		files: toolSources,
		rules: {
			// Command-line tools, the sandbox's log and test reports print to the terminal on purpose.
			'no-console': 'off',
			// `const { id: _id, ...rest } = value` is how these files leave a field out of a copy.
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
		},
	},
	{
		files: ['**/*.{js,mjs}'],
		rules: js.configs.recommended.rules,
		languageOptions: {
			sourceType: 'commonjs',
			// The Node globals these few build and tool files use.
			globals: { console: 'readonly', process: 'readonly', URL: 'readonly' },
		},
	},
	{ files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
];
