/**
 * The n8n versions the package is tested on, and everything that differs between them for the
 * scripts and the e2e tests: the one place to read when a version behaves differently.
 *
 * Checked and the same on 1.123.81 and 2.41.x, so handled nowhere: publishing a workflow
 * (`POST /rest/workflows/:id/activate` with `{ versionId }`), send-and-wait links
 * (`getSignedResumeUrl`, HMAC-signed by n8n-core in both), `n8n execute --rawOutput` (the run as
 * indented JSON), owner set-up, credential Test and import routes.
 * Differences below: READY_PATHS (1.x is "ready" before its REST routes exist),
 * NEW_WORKFLOW_FIELDS (1.x needs `active` on a new workflow) and hasEditorWriteLock (2.x opens a
 * workflow another editor tab holds read-only). Two differences reached the package
 * itself: 1.x calls startsWith() on every password field's value when it redacts a credential, so
 * the WeCom API credential stores its token expiry as text (credentials/WeComApi.credentials.ts);
 * 1.x's node contexts have no `customData` (nodes/WeCom/shared/n8nVersions.ts).
 *
 * `WECOM_N8N_VERSION=<version>` picks the n8n that `npm start`, the runtime installer and
 * `npm run test:e2e` use; `npm run test:e2e:matrix` runs the matrix subset on every version below.
 */

export interface N8nVersionProfile {
	version: string;
	/** The n8n-workflow this n8n ships (what the package's nodes import at run time); checked on install. */
	n8nWorkflow?: string;
	/**
	 * npm `overrides` written into the install folder's package.json before `npm install n8n@…`:
	 * packages the registry mirror cannot serve as n8n pins them.
	 */
	installOverrides: Record<string, string>;
	/** Why this version is in the matrix. */
	why: string;
}

const V1_RECIPE = {
	// n8n 1.x pins xlsx to a tarball on SheetJS's CDN, which these machines cannot reach; the
	// registry's last xlsx (0.18.5) installs and n8n starts with it (measured on 1.123.81).
	installOverrides: { xlsx: 'npm:xlsx@0.18.5' },
};

const V2_RECIPE = { installOverrides: {} };

export const N8N_VERSIONS: readonly N8nVersionProfile[] = [
	{
		version: '1.123.81',
		n8nWorkflow: '1.120.31',
		...V1_RECIPE,
		why: 'the last 1.x release (many self-hosted instances still run 1.x)',
	},
	{ version: '2.41.1', n8nWorkflow: '2.41.0', ...V2_RECIPE, why: 'the version the package was built against' },
];

/**
 * `n8n start` is ready for the scripts once these answer 200, in order. 2.x registers its REST
 * routes before /healthz/readiness answers 200; 1.x answers readiness as soon as the database is
 * migrated (at once when the imports already migrated it) and registers its REST routes seconds
 * later (POST /rest/owner/setup answered 404 in between): so also wait for a public REST route.
 */
export const READY_PATHS = ['/healthz/readiness', '/rest/settings'] as const;

/**
 * Fields every workflow created over REST (`POST /rest/workflows`) carries: 1.x stores `active`
 * as NOT NULL without a default (SQLITE_CONSTRAINT otherwise); 2.x ignores it (it publishes versions).
 */
export const NEW_WORKFLOW_FIELDS = { active: false } as const;

/**
 * 2.x gives one editor tab at a time a write lock on a workflow (collaboration; the server keeps it
 * 2 minutes after the tab's last heartbeat, so also after a tab closed without releasing it, and
 * `GET /rest/workflows/:id/collaboration/write-lock` answers who holds it). Every other tab opens
 * the workflow read-only, and a read-only panel loads no picker list. 1.x has no such lock.
 */
export function hasEditorWriteLock(profile: N8nVersionProfile): boolean {
	return majorOf(profile) >= 2;
}

/** What CI's `npm run test:e2e` and `npm start` run when WECOM_N8N_VERSION is not set. */
export const DEFAULT_N8N_VERSION = '2.41.1';

/** A listed version, or another one on its major line's recipe (to try a new release). */
export function versionProfile(version: string): N8nVersionProfile {
	const listed = N8N_VERSIONS.find((entry) => entry.version === version);
	if (listed) return listed;
	const major = /^(\d+)\.\d+\.\d+$/.exec(version)?.[1];
	if (major !== '1' && major !== '2') throw new Error(`n8n ${version}: expected a 1.x.y or 2.x.y version`);
	return { version, ...(major === '1' ? V1_RECIPE : V2_RECIPE), why: 'not in the tested list' };
}

/** The n8n version this process works with: WECOM_N8N_VERSION, else the default. */
export function selectedVersion(env: NodeJS.ProcessEnv = process.env): N8nVersionProfile {
	return versionProfile(env.WECOM_N8N_VERSION?.trim() || DEFAULT_N8N_VERSION);
}

/** The n8n major line, for test titles and version-dependent expectations. */
export function majorOf(profile: N8nVersionProfile): number {
	return Number(profile.version.split('.')[0]);
}
