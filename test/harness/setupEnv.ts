/**
 * jest setupFiles: runs before every test file, inside its sandbox. Sets n8n's environment,
 * then routes every log line (n8n's LoggerProxy, n8n-core's DI Logger, the console) into the
 * leak log.
 */
import './n8nEnv';

import { installConsoleCapture, installLoggerProxyCapture } from './logCapture';
import { installDiLoggerCapture } from './n8nInternals';

installLoggerProxyCapture();
// n8n-core builds its DI Logger on demand, and that logger takes LoggerProxy over: register ours first.
installDiLoggerCapture();
installConsoleCapture();
