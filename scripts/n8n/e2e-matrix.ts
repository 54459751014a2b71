/**
 * `npm run test:e2e:matrix`: the matrix subset of the e2e suite on every n8n version of
 * versions.ts, one version after another (each installs its runtime once, ≈ 10–12 min cold), then
 * one table: pass/fail and seconds per test and version. Exits 1 if any test failed on any version.
 * `WECOM_N8N_MATRIX=1.123.81,2.41.1` restricts the versions; `--except-default` leaves out the
 * default version (CI runs the whole e2e suite on it already).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { REPO_ROOT, runtimePaths } from './config';
import { log, run } from './proc';
import { ensureRuntime } from './runtime';
import { DEFAULT_N8N_VERSION, N8N_VERSIONS, versionProfile } from './versions';
import type { N8nVersionProfile } from './versions';

/**
 * What every version must pass, by e2e file and test name (jest's -t matches
 * "<describe titles> <test title>"):
 * - package loads: n8n lists our node and credential types (n8n.e2e.ts);
 * - credential Test: the WeCom API credential's Test, right and wrong secret (n8n.e2e.ts);
 * - each operation once: send (every example, `n8n execute` and webhooks), recall and robot send
 *   (n8n.e2e.ts), update (approval loop), send and wait (approvalLoop.e2e.ts);
 * - a trigger event over HTTP: the approval loop's encrypted click (approvalLoop.e2e.ts);
 * - send-and-wait resuming from the card's link (approvalLoop.e2e.ts);
 * - one run spanning several token lifetimes (tokenLifecycle.e2e.ts, a.), and no secret printed.
 */
const MATRIX_FILES = ['test/e2e/n8n.e2e.ts', 'test/e2e/approvalLoop.e2e.ts', 'test/e2e/tokenLifecycle.e2e.ts'];
const MATRIX_TESTS = [
	'with n8n-nodes-wecom-card installed from its tarball',
	'the operations not in an example',
	'^afterwards',
	'WeCom callbacks and send-and-wait over HTTP',
	String.raw`\(regular mode, SQLite\) (a\. one run of 30 cards|never prints)`,
];

interface TestOutcome {
	name: string;
	status: string;
	seconds: number;
}

interface VersionOutcome {
	version: string;
	tests: TestOutcome[];
	seconds: number;
	problem?: string;
}

/** jest --json: per file, per test, without the version-specific describe prefix. */
function readJestJson(file: string, version: string): TestOutcome[] {
	const report = JSON.parse(readFileSync(file, 'utf8')) as {
		testResults: Array<{ assertionResults: Array<{ fullName: string; status: string; duration?: number | null }> }>;
	};
	return report.testResults.flatMap((suite) =>
		suite.assertionResults
			.filter((test) => test.status !== 'pending' && test.status !== 'skipped')
			.map((test) => ({
				name: test.fullName.replaceAll(`n8n ${version}`, 'n8n <v>'),
				status: test.status,
				seconds: (test.duration ?? 0) / 1000,
			})),
	);
}

async function runVersion(profile: N8nVersionProfile): Promise<VersionOutcome> {
	const since = Date.now();
	const outcome: VersionOutcome = { version: profile.version, tests: [], seconds: 0 };
	const folder = mkdtempSync(join(tmpdir(), 'wecom-e2e-matrix-'));
	try {
		await ensureRuntime(runtimePaths(profile));
		const jsonFile = join(folder, 'jest.json');
		const jest = join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
		const args = [jest, '-c', 'jest.e2e.config.js', '--json', `--outputFile=${jsonFile}`];
		args.push('-t', MATRIX_TESTS.map((pattern) => `(${pattern})`).join('|'), ...MATRIX_FILES);
		log(`n8n ${profile.version}: jest ${MATRIX_FILES.join(' ')}`);
		const result = await run(process.execPath, args, {
			cwd: REPO_ROOT,
			env: { ...process.env, WECOM_N8N_VERSION: profile.version },
			echo: true,
		});
		outcome.tests = readJestJson(jsonFile, profile.version);
		if (result.code !== 0 && outcome.tests.every((test) => test.status === 'passed')) {
			outcome.problem = `jest exited with ${result.signal ?? result.code} (a set-up failed?)`;
		}
	} catch (error) {
		outcome.problem = (error as Error).message.split('\n')[0];
	} finally {
		rmSync(folder, { recursive: true, force: true });
		outcome.seconds = (Date.now() - since) / 1000;
	}
	return outcome;
}

function table(outcomes: VersionOutcome[]): string {
	const names = [...new Set(outcomes.flatMap((outcome) => outcome.tests.map((test) => test.name)))];
	const cell = (outcome: VersionOutcome, name: string) => {
		const test = outcome.tests.find((entry) => entry.name === name);
		return test ? `${test.status === 'passed' ? 'pass' : 'FAIL'} ${test.seconds.toFixed(1)}s` : '—';
	};
	const lines = [`${outcomes.map((outcome) => outcome.version.padEnd(14)).join('')}test`];
	for (const name of names) lines.push(`${outcomes.map((outcome) => cell(outcome, name).padEnd(14)).join('')}${name}`);
	for (const outcome of outcomes) {
		lines.push(`n8n ${outcome.version}: ${outcome.seconds.toFixed(0)} s in all (runtime, set-ups, tests)`);
		if (outcome.problem) lines.push(`n8n ${outcome.version}: ${outcome.problem}`);
	}
	return lines.join('\n');
}

async function main(): Promise<void> {
	const chosen = process.env.WECOM_N8N_MATRIX?.split(',').map((version) => versionProfile(version.trim()));
	const exceptDefault = process.argv.includes('--except-default');
	const versions = (chosen ?? N8N_VERSIONS).filter(
		(profile) => !exceptDefault || profile.version !== DEFAULT_N8N_VERSION,
	);
	const outcomes: VersionOutcome[] = [];
	for (const profile of versions) outcomes.push(await runVersion(profile));
	process.stdout.write(`\ne2e matrix\n${table(outcomes)}\n`);
	const failed = outcomes.some(
		(outcome) =>
			outcome.problem || outcome.tests.length === 0 || outcome.tests.some((test) => test.status !== 'passed'),
	);
	process.exit(failed ? 1 : 0);
}

void main();
