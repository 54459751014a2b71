/**
 * Test harness: runs nodes through n8n-core's real engine (see README.md in this folder).
 */
import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import type { CredentialTestResult } from './credentialTester';
import { createEngineHarness } from './engineHarness';

export { createEngineHarness } from './engineHarness';
export type {
	EngineHarness,
	EngineHarnessOptions,
	NodeRun,
	RunNodeOptions,
	RunWorkflowOptions,
	WorkflowRun,
} from './engineHarness';
export type { CredentialTestResult } from './credentialTester';
export type { CredentialRow, CredentialWrite } from './credentialsStore';
export { CredentialsStore } from './credentialsStore';
export type { PreAuthenticationCall } from './credentialsHelper';
export { HarnessCredentialsHelper } from './credentialsHelper';
export { InMemoryDeduplicator } from './inMemoryDeduplicator';
export type { HarnessNode } from './nodeBuilder';
export { connectMain } from './connections';
export type { CapturedLog } from './logCapture';
export { capturedLogs } from './logCapture';
export type { LeakHit, LeakScanResult, ScanOptions } from './leakScan';
export { formatLeakHits, recordForLeakScan, registerSecret, scanForLeaks, withdrawSecret } from './leakScan';
export { HARNESS_BASE_URL } from './additionalData';

/** The credential Test button for one credential type, without any node. */
export async function testCredential(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const harness = createEngineHarness({ nodeTypes: {}, credentialTypes: { [credentialType.name]: credentialType } });
	return await harness.testCredential(credentialType.name, data);
}
