/**
 * Leak scanning: secrets must never appear in node output, errors or logs anywhere in the
 * suite. Test code records everything it was shown (JSON lines) and registers every secret
 * value into the run folder; the jest globalTeardown scans all of it once at the end.
 *
 * Secrets are stored in clear text, but only inside the run folder (mode 0700), which the
 * teardown deletes. Reports name the record, the test and the secret's kind, never the value.
 * Only node builtins here: the teardown loads this file outside the test sandbox.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { currentRunFolder } from './leakRunFolder';
import { toLeakText } from './leakText';

/** What kind of text a record holds. */
export type LeakRecordKind = 'output' | 'error' | 'log' | 'console' | 'credential-test' | 'marker';

interface LeakRecord {
	kind: LeakRecordKind;
	/** Test file and test name that produced the record. */
	where: string;
	/** A short label for the record (node name, log level, ...). */
	label: string;
	text: string;
}

interface SecretEntry {
	kind: string;
	value: string;
	/** Set when a test deliberately leaked this value and asked to forget it. */
	withdrawn?: boolean;
}

export interface LeakHit {
	/** Kind of the leaked secret (as registered), never the value. */
	secretKind: string;
	/** How it appeared: as is, JSON-escaped or URL-encoded. */
	encoding: 'raw' | 'json' | 'url';
	recordKind: LeakRecordKind;
	recordLabel: string;
	where: string;
	file: string;
}

export interface LeakScanResult {
	records: number;
	secrets: number;
	hits: LeakHit[];
}

/** Below this a value matches too much by accident to be a useful probe. */
export const MIN_SECRET_LENGTH = 6;

const RECORDS_PREFIX = 'records-';
const SECRETS_PREFIX = 'secrets-';

function ensureRunFolder(): string {
	const folder = currentRunFolder();
	if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
	return folder;
}

/** Each process writes its own files, so parallel workers never interleave lines. */
function ownFile(prefix: string): string {
	return join(ensureRunFolder(), `${prefix}${process.pid}.jsonl`);
}

interface JestExpectState {
	testPath?: string;
	currentTestName?: string;
}

function jestState(): JestExpectState | undefined {
	const jestExpect = (globalThis as { expect?: { getState?: () => JestExpectState } }).expect;
	return jestExpect?.getState?.();
}

/** The test file and test name currently running (from jest's expect state, when present). */
function currentTestContext(): string {
	const state = jestState();
	if (!state) return '(outside a test)';
	const file = state.testPath ?? '(unknown file)';
	return state.currentTestName ? `${file} › ${state.currentTestName}` : file;
}

/** Appends what a test was shown (items, an error, a log line) to the leak log. */
export function recordForLeakScan(kind: LeakRecordKind, label: string, value: unknown): void {
	const record: LeakRecord = {
		kind,
		where: currentTestContext(),
		label,
		text: typeof value === 'string' ? value : toLeakText(value),
	};
	appendFileSync(ownFile(RECORDS_PREFIX), `${JSON.stringify(record)}\n`, { mode: 0o600 });
}

/**
 * Registers a value that must never appear in anything recorded. `kind` names it in reports
 * (for example 'corpSecret', 'accessToken').
 */
export function registerSecret(value: string, kind = 'secret'): void {
	if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) {
		throw new Error(`registerSecret(${kind}): secrets must be strings of at least ${MIN_SECRET_LENGTH} characters`);
	}
	const entry: SecretEntry = { kind, value };
	appendFileSync(ownFile(SECRETS_PREFIX), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}

/**
 * Forgets a secret a test leaked on purpose (to prove the scan works), so the teardown does
 * not fail on it. Marks it withdrawn in every secrets file of the run.
 */
export function withdrawSecret(value: string): void {
	const folder = ensureRunFolder();
	for (const file of listFiles(folder, SECRETS_PREFIX)) {
		const entries = readJsonLines<SecretEntry>(join(folder, file));
		if (!entries.some((entry) => entry.value === value)) continue;
		const updated = entries.map((entry) => (entry.value === value ? { ...entry, withdrawn: true } : entry));
		writeFileSync(join(folder, file), updated.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
	}
}

function listFiles(folder: string, prefix: string): string[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((name) => name.startsWith(prefix) && name.endsWith('.jsonl'))
		.sort();
}

function readJsonLines<T>(path: string): T[] {
	const lines = readFileSync(path, 'utf8').split('\n');
	const result: T[] = [];
	for (const line of lines) {
		if (!line) continue;
		try {
			result.push(JSON.parse(line) as T);
		} catch {
			// A worker killed mid-write leaves a partial last line: nothing to scan in it.
		}
	}
	return result;
}

interface SecretProbe {
	kind: string;
	variants: Array<{ encoding: LeakHit['encoding']; text: string }>;
}

function secretProbes(entries: SecretEntry[]): SecretProbe[] {
	const withdrawn = new Set(entries.filter((entry) => entry.withdrawn).map((entry) => entry.value));
	const byValue = new Map<string, string>();
	for (const entry of entries) {
		if (withdrawn.has(entry.value) || byValue.has(entry.value)) continue;
		byValue.set(entry.value, entry.kind);
	}
	return [...byValue].map(([value, kind]) => {
		const variants: SecretProbe['variants'] = [{ encoding: 'raw', text: value }];
		const json = JSON.stringify(value).slice(1, -1);
		if (json !== value) variants.push({ encoding: 'json', text: json });
		const url = encodeURIComponent(value);
		if (url !== value) variants.push({ encoding: 'url', text: url });
		return { kind, variants };
	});
}

export interface ScanOptions {
	/** Default: this jest run's folder. */
	folder?: string;
	/**
	 * Only records made by the calling test file. Other files run in parallel workers of the
	 * same run, and some leak on purpose (briefly) to prove the scan works.
	 */
	thisTestFileOnly?: boolean;
}

/**
 * Scans every record of this jest run (all workers so far) for every registered secret.
 * Records are JSON lines, so the raw line is searched: a secret inside a JSON string shows up
 * either as is or JSON-escaped, and both are probed.
 */
export function scanForLeaks(options: ScanOptions = {}): LeakScanResult {
	const folder = options.folder ?? currentRunFolder();
	const testFile = options.thisTestFileOnly ? jestState()?.testPath : undefined;
	if (options.thisTestFileOnly && !testFile) throw new Error('scanForLeaks: not inside a jest test file');
	const secrets = listFiles(folder, SECRETS_PREFIX).flatMap((file) => readJsonLines<SecretEntry>(join(folder, file)));
	const probes = secretProbes(secrets);
	const hits: LeakHit[] = [];
	let records = 0;
	for (const file of listFiles(folder, RECORDS_PREFIX)) {
		for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
			if (!line) continue;
			// Cheap pre-filter on the raw line; the parsed `where` below decides.
			if (testFile && !line.includes(JSON.stringify(testFile).slice(1, -1))) continue;
			records++;
			for (const probe of probes) {
				const variant = probe.variants.find((candidate) => line.includes(candidate.text));
				if (!variant) continue;
				let record: Partial<LeakRecord> = {};
				try {
					record = JSON.parse(line) as LeakRecord;
				} catch {
					// keep the defaults below
				}
				if (testFile && !(record.where ?? '').startsWith(testFile)) continue;
				hits.push({
					secretKind: probe.kind,
					encoding: variant.encoding,
					recordKind: record.kind ?? 'output',
					recordLabel: record.label ?? '(unreadable record)',
					where: record.where ?? '(unknown)',
					file,
				});
			}
		}
	}
	return { records, secrets: probes.length, hits };
}

/** One line per hit, safe to print (no secret values). */
export function formatLeakHits(hits: LeakHit[]): string {
	return hits
		.map(
			(hit) =>
				`  - ${hit.secretKind} (${hit.encoding}) in ${hit.recordKind} "${hit.recordLabel}" at ${hit.where} [${hit.file}]`,
		)
		.join('\n');
}

export function formatLeakSummary(result: LeakScanResult): string {
	const count = (value: number) => value.toLocaleString('en-US');
	return `leak scan: ${count(result.records)} records, ${count(result.secrets)} secrets, ${count(result.hits.length)} hits`;
}
