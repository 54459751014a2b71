/**
 * The set-up most sandbox tests share: one sandbox for the test file, reset before each test,
 * with a fresh access_token of the demo app.
 */
import { startSandbox } from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox';
import { demoAppToken } from './sandboxMedia';

export interface DemoSandbox {
	/** Available from beforeAll on. */
	readonly sandbox: Sandbox;
	/** The demo app's access_token, fetched again after each reset. */
	readonly token: string;
}

/** Registers the jest hooks of the describe block it is called in. */
export function useDemoSandbox(options: SandboxOptions = {}): DemoSandbox {
	let sandbox: Sandbox | undefined;
	let token = '';
	beforeAll(async () => {
		sandbox = await startSandbox(options);
	});
	afterAll(async () => await sandbox?.close());
	beforeEach(async () => {
		started().reset();
		token = await demoAppToken(started().url);
	});
	const started = (): Sandbox => {
		if (!sandbox) throw new Error('the sandbox starts in beforeAll');
		return sandbox;
	};
	return {
		get sandbox() {
			return started();
		},
		get token() {
			return token;
		},
	};
}
