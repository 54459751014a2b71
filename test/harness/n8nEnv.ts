/**
 * Environment n8n reads when its modules load or its services start. Imported first by
 * setupEnv.ts, before any n8n module.
 *
 * n8n-core writes `<N8N_USER_FOLDER>/.n8n/config` (with a fresh encryption key) on first use,
 * so each worker process gets its own folder inside the leak-scan run folder, which the
 * globalTeardown deletes.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { currentRunFolder } from './leakRunFolder';

const userFolder = join(currentRunFolder(), `n8n-user-${process.pid}`);
mkdirSync(userFolder, { recursive: true, mode: 0o700 });

process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_LOG_LEVEL = 'silent';
// The settings file is created by this process; the permission check only adds a warning.
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_VERSION_NOTIFICATIONS_ENABLED = 'false';
