/** `node scripts/run-ts.js scripts/n8n/install-runtime.ts`: fills the n8n runtime cache (CI warm-up). */
import { ensureRuntime } from './runtime';

ensureRuntime().then(
	(runtime) => process.stdout.write(`n8n runtime: ${runtime.root}\n`),
	(error: unknown) => {
		process.stderr.write(
			`Could not install the n8n runtime: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		process.exit(1);
	},
);
