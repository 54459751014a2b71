/**
 * n8n in queue mode on this machine: one main (`n8n start`, which takes the webhooks and enqueues
 * executions) and N `n8n worker` processes, sharing a fresh PostgreSQL database, a Redis prefix on
 * a dedicated Redis DB index, one N8N_ENCRYPTION_KEY and one user folder (so one nodes folder with
 * our package installed as n8n does). close() stops every process, drops the database and deletes
 * the Redis keys.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RuntimePaths } from './config';
import { freePort } from './ports';
import { log, runOrThrow } from './proc';
import { runtimeEnv } from './runtime';

export const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const;
export const REDIS = { host: '127.0.0.1', port: 6379 } as const;

export interface QueueProcess {
	name: string;
	logFile: string;
	child: ChildProcess;
	output(): string;
	stop(): Promise<void>;
}

export interface QueueCluster {
	url: string;
	database: string;
	redisDb: number;
	redisPrefix: string;
	main: QueueProcess;
	workers: QueueProcess[];
	/** `n8n webhook` processes, each serving webhooks on its own port. */
	webhooks: Array<QueueProcess & { url: string }>;
	close(): Promise<void>;
}

export interface QueueOptions {
	userFolder: string;
	workers: number;
	/** Jobs each worker runs at the same time. */
	workerConcurrency?: number;
	/** `n8n webhook` processes next to the main (default none). */
	webhookProcesses?: number;
}

/** PostgreSQL and Redis answer (they are started by the machine; see the machine notes). */
export async function checkServices(): Promise<void> {
	await runOrThrow('pg_isready', ['-h', PG.host, '-p', String(PG.port)]);
	const pong = await runOrThrow('redis-cli', ['-h', REDIS.host, '-p', String(REDIS.port), 'ping']);
	if (!pong.stdout.includes('PONG')) throw new Error(`redis-cli ping: ${pong.stdout}`);
}

async function psql(sql: string): Promise<void> {
	await runOrThrow('psql', [
		'-h',
		PG.host,
		'-p',
		String(PG.port),
		'-U',
		PG.user,
		'-d',
		'postgres',
		'-v',
		'ON_ERROR_STOP=1',
		'-c',
		sql,
	]);
}

async function deleteRedisKeys(db: number, prefix: string): Promise<number> {
	const base = ['-h', REDIS.host, '-p', String(REDIS.port), '-n', String(db)];
	const { stdout } = await runOrThrow('redis-cli', [...base, '--scan', '--pattern', `${prefix}*`]);
	const keys = stdout.split('\n').filter(Boolean);
	for (let i = 0; i < keys.length; i += 500) await runOrThrow('redis-cli', [...base, 'del', ...keys.slice(i, i + 500)]);
	return keys.length;
}

function spawnN8n(
	paths: RuntimePaths,
	name: string,
	args: string[],
	userFolder: string,
	env: NodeJS.ProcessEnv,
): QueueProcess {
	const logFile = join(userFolder, `${name}.log`);
	const stream = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(paths.nodeBin, [paths.n8nBin, ...args], {
		cwd: userFolder,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(stream, { end: false });
	child.stderr.pipe(stream, { end: false });
	const exited = new Promise<void>((resolve) => child.once('close', () => stream.end(resolve)));
	return {
		name,
		logFile,
		child,
		output: () => readFileSync(logFile, 'utf8'),
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
				await exited;
				clearTimeout(timer);
			} else {
				await exited;
			}
		},
	};
}

async function waitFor(
	what: string,
	check: () => Promise<boolean>,
	proc: QueueProcess,
	timeoutMs = 180000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (proc.child.exitCode !== null) {
			throw new Error(
				`${proc.name} exited with ${proc.child.exitCode} before ${what}\n${proc.output().split('\n').slice(-30).join('\n')}`,
			);
		}
		if (await check().catch(() => false)) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(
		`${proc.name}: no ${what} within ${timeoutMs / 1000} s\n${proc.output().split('\n').slice(-30).join('\n')}`,
	);
}

export async function startQueueCluster(paths: RuntimePaths, options: QueueOptions): Promise<QueueCluster> {
	const suffix = randomBytes(4).toString('hex');
	const database = `wecom_e2e_${suffix}`;
	const redisDb = 1 + (randomBytes(1)[0] % 15);
	const redisPrefix = `wecom_e2e_${suffix}`;
	const cleanups: Array<() => Promise<unknown>> = [];
	const close = async () => {
		for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => log(`cleanup: ${error.message}`));
	};
	try {
		await psql(`CREATE DATABASE ${database}`);
		cleanups.push(() => psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
		cleanups.push(() => deleteRedisKeys(redisDb, redisPrefix));

		const port = await freePort(0);
		const used = [port];
		const brokerPort = async () => {
			const next = await freePort(0, used);
			used.push(next);
			return next;
		};
		const tmp = join(options.userFolder, 'tmp');
		mkdirSync(tmp, { recursive: true });
		const shared: NodeJS.ProcessEnv = {
			N8N_USER_FOLDER: options.userFolder,
			TMPDIR: tmp,
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: PG.host,
			DB_POSTGRESDB_PORT: String(PG.port),
			DB_POSTGRESDB_USER: PG.user,
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_DATABASE: database,
			QUEUE_BULL_REDIS_HOST: REDIS.host,
			QUEUE_BULL_REDIS_PORT: String(REDIS.port),
			QUEUE_BULL_REDIS_DB: String(redisDb),
			QUEUE_BULL_PREFIX: redisPrefix,
			// n8n's cache (webhook registry included) lives in Redis in queue mode: an own prefix keeps
			// runs apart and lets close() delete every key this cluster wrote.
			N8N_REDIS_KEY_PREFIX: redisPrefix,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info',
		};
		const url = `http://127.0.0.1:${port}`;

		// The main first: it runs the migrations; workers then find the schema ready.
		const main = spawnN8n(
			paths,
			'main',
			['start'],
			options.userFolder,
			runtimeEnv(paths, { ...shared, N8N_RUNNERS_BROKER_PORT: String(await brokerPort()) }),
		);
		cleanups.push(() => main.stop());
		await waitFor('/healthz/readiness', async () => (await fetch(`${url}/healthz/readiness`)).ok, main);

		const workers: QueueProcess[] = [];
		for (let index = 1; index <= options.workers; index++) {
			const worker = spawnN8n(
				paths,
				`worker${index}`,
				['worker', `--concurrency=${options.workerConcurrency ?? 10}`],
				options.userFolder,
				runtimeEnv(paths, { ...shared, N8N_RUNNERS_BROKER_PORT: String(await brokerPort()) }),
			);
			cleanups.push(() => worker.stop());
			workers.push(worker);
		}
		for (const worker of workers) {
			await waitFor('"ready" log line', async () => /n8n worker is now ready/.test(worker.output()), worker);
		}
		const webhooks: QueueCluster['webhooks'] = [];
		for (let index = 1; index <= (options.webhookProcesses ?? 0); index++) {
			// brokerPort() hands out any free port no other process of the cluster got.
			const webhookPort = await brokerPort();
			const env = { ...shared, N8N_PORT: String(webhookPort), N8N_RUNNERS_BROKER_PORT: String(await brokerPort()) };
			const webhook = spawnN8n(paths, `webhook${index}`, ['webhook'], options.userFolder, runtimeEnv(paths, env));
			cleanups.push(() => webhook.stop());
			const webhookUrl = `http://127.0.0.1:${webhookPort}`;
			await waitFor('/healthz', async () => (await fetch(`${webhookUrl}/healthz`)).ok, webhook);
			webhooks.push({ ...webhook, url: webhookUrl });
		}
		return { url, database, redisDb, redisPrefix, main, workers, webhooks, close };
	} catch (error) {
		await close();
		throw error;
	}
}

/** Executions each worker started, from its log ("Worker started execution <id> (job <n>)"). */
export function executionsStarted(worker: QueueProcess): string[] {
	return [...worker.output().matchAll(/Worker started execution (\S+)/g)].map((match) => match[1]);
}

/** One SQL query on the cluster's database; rows as arrays of column texts. */
export async function queryDb(database: string, sql: string): Promise<string[][]> {
	const { stdout } = await runOrThrow('psql', [
		'-h',
		PG.host,
		'-p',
		String(PG.port),
		'-U',
		PG.user,
		'-d',
		database,
		'-At',
		'-F',
		'\t',
		'-v',
		'ON_ERROR_STOP=1',
		'-c',
		sql,
	]);
	return stdout
		.split('\n')
		.filter(Boolean)
		.map((line) => line.split('\t'));
}
