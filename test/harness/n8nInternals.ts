/**
 * n8n-core 2.41.1 reads some services from its DI container (`@n8n/di`), notably the
 * `Logger` of `@n8n/backend-common` behind `this.logger` in node contexts. Those packages
 * are n8n-core's own dependencies and, in this repository, other versions of them sit at the
 * top of node_modules (pulled in by @n8n/node-cli). So they are loaded from n8n-core's folder,
 * which gives the very container instance n8n-core uses.
 */
import { dirname } from 'node:path';

import { recordingLogger } from './logCapture';

interface DiContainer {
	get<T>(token: abstract new (...args: never[]) => T): T;
	set<T>(token: abstract new (...args: never[]) => T, instance: T): void;
	has(token: unknown): boolean;
}

type AnyClass = abstract new (...args: never[]) => unknown;

const coreFolder = dirname(require.resolve('n8n-core'));

function requireFromCore<T>(moduleId: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve(moduleId, { paths: [coreFolder] })) as T;
}

export function n8nContainer(): DiContainer {
	return requireFromCore<{ Container: DiContainer }>('@n8n/di').Container;
}

let loggerInstalled = false;

/**
 * Registers the recording logger as n8n's DI `Logger` before anything asks for it. Otherwise
 * the first `Container.get(Logger)` builds n8n's real logger, whose constructor calls
 * `LoggerProxy.init(itself)` and silently replaces the capture installed by setupEnv.
 */
export function installDiLoggerCapture(): void {
	if (loggerInstalled) return;
	const { Logger } = requireFromCore<{ Logger: AnyClass }>('@n8n/backend-common');
	n8nContainer().set(Logger, recordingLogger as never);
	loggerInstalled = true;
}

/** The DNS resolver n8n's outbound policy asks (`@n8n/backend-network`, as n8n-core loads it). */
export function n8nDnsResolver(): { prototype: { lookup(hostname: string, options?: object): Promise<unknown> } } {
	return requireFromCore<{ DnsResolver: ReturnType<typeof n8nDnsResolver> }>('@n8n/backend-network').DnsResolver;
}
