/**
 * n8n 1.x redacts a credential for the editor by calling startsWith() on the value of every
 * password field (CredentialsService.redactValues in 1.123.81): a number there answers HTTP 500
 * when the credential is opened. So every password field holds text, hidden ones included.
 */
import type { ICredentialType } from 'n8n-workflow';

import { WeComApi } from '../../credentials/WeComApi.credentials';
import { WeComCallbackApi } from '../../credentials/WeComCallbackApi.credentials';
import { WeComWebhookApi } from '../../credentials/WeComWebhookApi.credentials';

const credentials: ICredentialType[] = [new WeComApi(), new WeComCallbackApi(), new WeComWebhookApi()];

describe('credential password fields hold text (n8n 1.x)', () => {
	it.each(credentials.map((credential) => [credential.name, credential] as const))('%s', (_name, credential) => {
		const passwordFields = credential.properties.filter((property) => property.typeOptions?.password);
		expect(passwordFields.length).toBeGreaterThan(0);
		for (const field of passwordFields) expect([field.name, typeof field.default]).toEqual([field.name, 'string']);
	});
});
