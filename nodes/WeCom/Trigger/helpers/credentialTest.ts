import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { aesKeyFrom, decryptMessage, encryptMessage, ENCODING_AES_KEY_PATTERN } from '../../shared/callback';

/** WeCom's rule for the callback Token: letters and digits, at most 32. */
const CALLBACK_TOKEN_PATTERN = /^[A-Za-z0-9]{1,32}$/;

/**
 * WeCom has no API that checks a callback Token or EncodingAESKey: they are only ever used on
 * requests WeCom sends. So the test checks them locally: the formats WeCom generates, and an
 * encrypt/decrypt round trip with the key for the Corp ID. Values are never echoed back.
 */
export async function testCallbackCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const token = String(data.token ?? '').trim();
	const encodingAesKey = String(data.encodingAesSecretKey ?? '').trim();
	const corpId = String(data.corpId ?? '').trim();
	const problems: string[] = [];
	if (!corpId) problems.push('Corp ID is empty');
	if (!CALLBACK_TOKEN_PATTERN.test(token)) problems.push('Token must be 1 to 32 letters or digits');
	if (!ENCODING_AES_KEY_PATTERN.test(encodingAesKey)) {
		problems.push(`EncodingAESKey must be exactly 43 letters or digits (it has ${encodingAesKey.length} characters)`);
	}
	if (problems.length > 0) return { status: 'Error', message: problems.join('; ') };

	const key = aesKeyFrom(encodingAesKey);
	const probe = '<xml><Probe><![CDATA[ok]]></Probe></xml>';
	const opened = decryptMessage(key, encryptMessage(key, probe, corpId));
	if (opened.message !== probe || opened.receiveId !== corpId) {
		return { status: 'Error', message: 'The EncodingAESKey does not round-trip' };
	}
	return {
		status: 'OK',
		message:
			'Formats are valid. WeCom offers no way to test these values: saving the URL in the WeCom admin console is the real check.',
	};
}
