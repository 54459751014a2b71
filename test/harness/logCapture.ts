/**
 * Captures n8n's logging. n8n-workflow code logs through `LoggerProxy`; n8n-core code and
 * `this.logger` in nodes use the DI `Logger` (see n8nInternals.ts, which registers this same
 * recorder there). Every line is kept for assertions and appended to the leak log.
 */
import type { Logger, LogMetadata } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { recordForLeakScan } from './leakScan';

export type CapturedLogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface CapturedLog {
	level: CapturedLogLevel;
	message: string;
	metadata?: LogMetadata;
}

/** All log lines of this test file, oldest first. */
export const capturedLogs: CapturedLog[] = [];

function capture(level: CapturedLogLevel, message: string, metadata?: LogMetadata): void {
	capturedLogs.push({ level, message, metadata });
	recordForLeakScan('log', level, { message, metadata });
}

/** Stands in for both `LoggerProxy`'s logger and n8n's DI `Logger` class; prints nothing. */
export class RecordingLogger implements Logger {
	error(message: string, metadata?: LogMetadata): void {
		capture('error', message, metadata);
	}

	warn(message: string, metadata?: LogMetadata): void {
		capture('warn', message, metadata);
	}

	info(message: string, metadata?: LogMetadata): void {
		capture('info', message, metadata);
	}

	debug(message: string, metadata?: LogMetadata): void {
		capture('debug', message, metadata);
	}

	/** n8n services call `logger.scoped('...')`; scopes only filter output, so share one recorder. */
	scoped(): this {
		return this;
	}
}

export const recordingLogger = new RecordingLogger();

export function installLoggerProxyCapture(): void {
	LoggerProxy.init(recordingLogger);
}

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug';

/** Console lines count as log lines too: anything printed is visible to someone. */
export function installConsoleCapture(): void {
	const methods: ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug'];
	for (const method of methods) {
		const original = console[method].bind(console);
		console[method] = (...args: unknown[]) => {
			recordForLeakScan('console', method, args);
			original(...args);
		};
	}
}
