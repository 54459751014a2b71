/**
 * What the node sees when the credential's gettoken fails, on each tested n8n line. n8n's
 * httpRequestWithAuthentication wraps whatever preAuthentication throws in
 * `new NodeApiError(node, error)` (n8n-core, the same in 1.123.81 and 2.41.1), but the wrapper
 * differs: n8n-workflow 1.120.31 (n8n 1.123.81) declares `cause;` as a class field of
 * ExecutionBaseError, which resets the cause Error() was given to undefined, so only the message
 * survives; 2.41.0 (n8n 2.41.1) keeps it. The shapes below are transcribed from those two
 * versions' dist/cjs/errors (execution-base.error.js, node.error.js, node-api.error.js); the 2.x
 * one is also checked against the real n8n-workflow this repository builds with.
 * WeCom's answer for a wrong secret is errcode 40001 (https://developer.work.weixin.qq.com/document/path/91039):
 * the node must say so and not retry; no answer at all is "not sent" and may be retried.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestHelper, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { WeComApi } from '../../credentials/WeComApi.credentials';
import { tokenProblemOf } from '../../nodes/WeCom/shared/tokenError';
import { weComTransportError } from '../../nodes/WeCom/TemplateCard/transport/errors';

const node: INode = {
	id: 'node-1',
	name: 'Send card',
	type: 'n8n-nodes-wecom-card.weComTemplateCard',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const SECRET = 'TokenErrorAcrossVersionsSecret-0123456789ab';
const credentials: ICredentialDataDecryptedObject = {
	corpId: 'ww0123456789abcdef',
	corpSecret: SECRET,
	agentId: 1000002,
	baseUrl: 'http://127.0.0.1:1',
	accessToken: '',
};

/** What the real credential throws when its gettoken request answers or fails as given. */
async function thrownByPreAuthentication(httpRequest: () => Promise<unknown>): Promise<Error> {
	const helper = { helpers: { httpRequest } } as unknown as IHttpRequestHelper;
	try {
		await new WeComApi().preAuthentication.call(helper, credentials);
	} catch (error) {
		return error as Error;
	}
	throw new Error('preAuthentication did not throw');
}

const wrongSecret = () =>
	thrownByPreAuthentication(async () => ({ errcode: 40001, errmsg: 'invalid credential, hint: [1]' }));
const noAnswer = () =>
	thrownByPreAuthentication(async () => {
		throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
	});

/** node.error.js COMMON_ERRORS (identical in 1.120.31 and 2.41.0): a message naming one is replaced. */
const COMMON_ERRORS: Record<string, string> = {
	ECONNREFUSED: 'The service refused the connection - perhaps it is offline',
	ECONNRESET:
		'The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.',
	ENOTFOUND: 'The connection cannot be established, this usually occurs due to an incorrect host (domain) value',
	ETIMEDOUT: "The connection timed out, consider setting the 'Retry on Fail' option in the node settings",
	ERRADDRINUSE:
		'The port is already occupied by some other application, if possible change the port or kill the application that is using it',
	EADDRNOTAVAIL: 'The address is not available, ensure that you have the right IP address',
	ECONNABORTED: 'The connection was aborted, perhaps the server is offline',
	EHOSTUNREACH: 'The host is unreachable, perhaps the server is offline',
	EAI_AGAIN: 'The DNS server returned an error, perhaps the server is offline',
	ENOENT: 'The file or directory does not exist',
	EISDIR: 'The file path was expected but the given path is a directory',
	ENOTDIR: 'The directory path was expected but the given path is a file',
	EACCES: 'Forbidden by access permissions, make sure you have the right permissions',
	EEXIST: 'The file or directory already exists',
	EPERM: 'Operation not permitted, make sure you have the right permissions',
	GETADDRINFO: 'The server closed the connection unexpectedly',
};

interface WrappedShape extends Error {
	messages: string[];
	description?: string;
	httpCode: string | null;
}

/**
 * `new NodeApiError(node, thrown)` for an Error without status, code or description (what the
 * credential throws), as n8n-workflow of the given line builds it.
 */
function wrappedBy(line: 1 | 2, thrown: Error): WrappedShape {
	// NodeError: super(error.message, { cause: error }); the native Error installs `cause`.
	const wrapped = new Error(thrown.message, { cause: thrown }) as WrappedShape;
	wrapped.name = 'NodeApiError';
	// 1.x ExecutionBaseError: `cause;` is a class field, defined (as undefined) after super()
	// returns; only a cause that is not an Error is assigned back.
	if (line === 1) Object.defineProperty(wrapped, 'cause', { value: undefined, enumerable: true, writable: true });
	// NodeApiError: addToMessages(message); the description found under `message` equals the message, so it is unset.
	wrapped.messages = [thrown.message];
	wrapped.description = undefined;
	wrapped.httpCode = null;
	// setDescriptiveErrorMessage: a message naming a common error code is replaced, the original kept in messages.
	const common = Object.keys(COMMON_ERRORS).find((code) => thrown.message.toUpperCase().includes(code));
	if (common) {
		wrapped.message = COMMON_ERRORS[common];
		wrapped.messages.push(thrown.message);
	}
	return wrapped;
}

const shapeOf = (error: WrappedShape) => ({
	name: error.name,
	message: error.message,
	messages: error.messages,
	description: error.description,
	httpCode: error.httpCode,
	cause: error.cause,
});

describe('a gettoken failure as the node receives it from n8n 1.x and 2.x', () => {
	it('the 2.x transcription is what the n8n-workflow 2.41.0 in use builds', async () => {
		for (const thrown of [await wrongSecret(), await noAnswer()]) {
			const real = new NodeApiError(node, thrown as unknown as JsonObject) as unknown as WrappedShape;
			expect(shapeOf(wrappedBy(2, thrown))).toEqual(shapeOf(real));
		}
	});

	it('1.x drops the cause: only the message carries what gettoken said', async () => {
		const thrown = await wrongSecret();
		expect(wrappedBy(1, thrown).cause).toBeUndefined();
		expect(wrappedBy(2, thrown).cause).toBe(thrown);
	});

	it.each([1, 2] as const)('n8n %s.x: a wrong secret is errcode 40001, not retried, no secret shown', async (line) => {
		const wrapped = wrappedBy(line, await wrongSecret());
		expect(tokenProblemOf(wrapped)).toMatchObject({ errcode: 40001, unavailable: false });

		const error = weComTransportError(node, wrapped, 3, [SECRET]);
		expect(error.errcode).toBe(40001);
		// 'errcode': WeCom answered, so the retry policy does not ask again.
		expect(error.failureKind).toBe('errcode');
		expect(error.message).toContain('40001');
		expect(error.context.itemIndex).toBe(3);
		expect(JSON.stringify({ ...error, message: error.message, description: error.description })).not.toContain(SECRET);
	});

	it.each([1, 2] as const)('n8n %s.x: no answer from gettoken is "not sent" (safe to retry)', async (line) => {
		const wrapped = wrappedBy(line, await noAnswer());
		expect(tokenProblemOf(wrapped)).toMatchObject({ unavailable: true });
		const error = weComTransportError(node, wrapped, 0, [SECRET]);
		expect(error.failureKind).toBe('notSent');
		expect(error.errcode).toBeUndefined();
		// n8n swaps a message naming ECONNREFUSED for its own text; the original stays in `messages`.
		expect([error.message, ...error.messages].join('\n')).toContain('Could not get an access token from WeCom');
	});

	it('errors that are not from gettoken are not taken for one', () => {
		const other = wrappedBy(1, new Error('WeCom error 40014: the access token is invalid'));
		expect(tokenProblemOf(other)).toBeUndefined();
		expect(tokenProblemOf(wrappedBy(1, new Error('socket hang up')))).toBeUndefined();
	});
});
