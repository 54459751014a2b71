/**
 * What many engine and transport tests send: a minimal text_notice card, numbered input items,
 * and how to tell which HTTP client carried a request.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

/** Form parameters of a minimal valid text_notice card to `toUser`. */
export function textNoticeParameters(toUser: string, title = 'Deploy finished'): INodeParameters {
	return {
		resource: 'message',
		operation: 'sendTemplateCard',
		toUser,
		cardInput: 'form',
		cardType: 'text_notice',
		title,
		cardActionType: 1,
		cardActionUrl: 'https://example.com/deploys/42',
	};
}

/** `count` input items, each holding only its index. */
export function emptyItems(count: number): INodeExecutionData[] {
	return Array.from({ length: count }, (_, index) => ({ json: { index } }));
}

/** n8n's request helper names itself; a bare fetch does not (Node's default agent string). */
export const viaN8nClient = (call: { headers: { 'user-agent'?: string } }): boolean =>
	!/^node$|undici/i.test(String(call.headers['user-agent'] ?? ''));

/** Puts HTTP_PROXY back as it was and undoes jest's spies after each test of the enclosing describe. */
export function restoreProxyAfterEach(): void {
	const proxyBefore = process.env.HTTP_PROXY;
	afterEach(() => {
		if (proxyBefore === undefined) delete process.env.HTTP_PROXY;
		else process.env.HTTP_PROXY = proxyBefore;
		jest.restoreAllMocks();
	});
}
