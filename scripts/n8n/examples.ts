/**
 * The example workflows (examples/*.workflow.json) and the sandbox credentials they reference.
 * The examples name their credential by id and name, so an import next to these rows needs no
 * manual linking in the editor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { DEMO_CALLBACK_TOKEN, DEMO_ENCODING_AES_KEY } from '../../sandbox/callbacks';
import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_ROBOT_KEY, DEMO_SECRET } from '../../sandbox/demo';
import type { CredentialImport } from './cli';
import { REPO_ROOT } from './config';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** The app credential every card example references. */
export const EXAMPLE_CREDENTIAL = { id: 'weComSandbox0001', name: 'WeCom sandbox' } as const;
/** The group-robot credential, for examples that post through a robot. */
export const EXAMPLE_ROBOT_CREDENTIAL = { id: 'weComRobotSbx001', name: 'WeCom sandbox robot' } as const;
/** The callback credential of the approval loop's WeCom Trigger. */
export const EXAMPLE_CALLBACK_CREDENTIAL = { id: 'weComCallbackSandbox01', name: 'WeCom callback sandbox' } as const;

export interface WorkflowFile {
	file: string;
	id: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
}

export function exampleWorkflows(): WorkflowFile[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.workflow.json'))
		.sort()
		.map((file) => ({
			file,
			...(JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Omit<WorkflowFile, 'file'>),
		}));
}

/** Production webhook paths of a workflow (what publishing it registers). */
export function webhookPaths(workflow: WorkflowFile): string[] {
	return workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-base.webhook' && typeof node.parameters.path === 'string')
		.map((node) => String(node.parameters.path));
}

/** Trigger-started workflows can be published; manual-only ones are run from the editor or `n8n execute`. */
export function isPublishable(workflow: WorkflowFile): boolean {
	return workflow.nodes.some((node) => /trigger$|\.webhook$/i.test(node.type) && !node.type.endsWith('.manualTrigger'));
}

/**
 * Credential files the package.json `n8n` block lists (before the build: the import overlaps it).
 * By n8n convention the file `WeComApi.credentials.js` holds the type `weComApi`.
 */
export function declaredCredentialFiles(): string[] {
	const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: { credentials?: string[] };
	};
	return (manifest.n8n.credentials ?? []).map((file) => basename(file).replace(/\.credentials\.js$/, ''));
}

const typeOfFile = (file: string) => `${file[0].toLowerCase()}${file.slice(1)}`;

/** Credential rows pointing at the sandbox, for the credential types the package declares. */
export function sandboxCredentials(sandboxUrl: string, credentialFiles: string[]): CredentialImport[] {
	const declaredTypes = credentialFiles.map(typeOfFile);
	const rows: CredentialImport[] = [
		{
			...EXAMPLE_CREDENTIAL,
			type: 'weComApi',
			data: { corpId: DEMO_CORP_ID, corpSecret: DEMO_SECRET, agentId: DEMO_AGENT_ID, baseUrl: sandboxUrl },
		},
		{
			...EXAMPLE_ROBOT_CREDENTIAL,
			type: 'weComWebhookApi',
			data: { webhookSecret: `${sandboxUrl}/cgi-bin/webhook/send?key=${DEMO_ROBOT_KEY}` },
		},
		{
			...EXAMPLE_CALLBACK_CREDENTIAL,
			type: 'weComCallbackApi',
			data: { corpId: DEMO_CORP_ID, token: DEMO_CALLBACK_TOKEN, encodingAesSecretKey: DEMO_ENCODING_AES_KEY },
		},
	];
	return rows.filter((row) => declaredTypes.includes(row.type));
}
