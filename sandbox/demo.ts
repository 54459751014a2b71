import { demoDirectory } from './contacts/directory';
import type { SandboxCorp } from './types';

/** Public demo values: they only open the sandbox, never a real WeCom corp. */
export const DEMO_CORP_ID = 'wwsandboxdemo0001';
export const DEMO_AGENT_ID = 1000002;
/** 43 characters, like a real WeCom secret. */
export const DEMO_SECRET = 'SandboxDemoSecret-not-a-real-wecom-secret00';
/** Placeholder so callback cards work by default; the sandbox never calls it. */
export const DEMO_CALLBACK_URL = 'http://127.0.0.1:9/wecom-sandbox-callback-placeholder';
export const DEMO_ROBOT_KEY = 'a1b2c3d4-0000-4000-8000-00000000d3e0';

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** alice, bob, carol and user0001..user3000: enough to exercise the 1000-users-per-call limit. */
const demoUsers = ['alice', 'bob', 'carol', ...range(1, 3000).map((n) => `user${String(n).padStart(4, '0')}`)];

export const DEMO_CORP: SandboxCorp = {
	corpId: DEMO_CORP_ID,
	apps: [{ agentId: DEMO_AGENT_ID, secret: DEMO_SECRET, callbackUrl: DEMO_CALLBACK_URL }],
	users: demoUsers,
	departments: range(1, 150),
	tags: range(1, 150),
	directory: demoDirectory(3000),
};
