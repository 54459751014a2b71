/**
 * The environment a headless n8n runs with (measured on this machine):
 * its own user folder, sqlite, 127.0.0.1 only, no calls home.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { RuntimePaths } from './config';
import { runtimeEnv } from './runtime';

export interface N8nEnvOptions {
	userFolder: string;
	port: number;
	/** The task broker; a second n8n process (n8n execute next to n8n start) needs its own. */
	brokerPort: number;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

export function n8nEnv(paths: RuntimePaths, options: N8nEnvOptions): NodeJS.ProcessEnv {
	// n8n writes uploads under the OS temp dir: keep them inside the user folder.
	const tmp = join(options.userFolder, 'tmp');
	mkdirSync(tmp, { recursive: true });
	return runtimeEnv(paths, {
		N8N_USER_FOLDER: options.userFolder,
		TMPDIR: tmp,
		DB_TYPE: 'sqlite',
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${options.port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: options.logLevel ?? 'info',
	});
}
