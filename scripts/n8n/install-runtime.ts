/**
 * `node scripts/run-ts.js scripts/n8n/install-runtime.ts [--matrix]`: fills the n8n runtime cache
 * (CI warm-up) for WECOM_N8N_VERSION (else the default), or with --matrix for every tested version,
 * one after another.
 */
import { runtimePaths } from './config';
import { ensureRuntime } from './runtime';
import { N8N_VERSIONS, selectedVersion } from './versions';

async function main(): Promise<void> {
	const versions = process.argv.includes('--matrix') ? N8N_VERSIONS : [selectedVersion()];
	for (const version of versions) {
		const runtime = await ensureRuntime(runtimePaths(version));
		process.stdout.write(`n8n runtime: ${runtime.root}\n`);
	}
}

main().catch((error: unknown) => {
	process.stderr.write(
		`Could not install the n8n runtime: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	process.exit(1);
});
