import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { WecomRejection, wecomError } from './errmsg';
import type { WecomBody } from './errmsg';
import { ownHosts, refuseCrossSite } from './crossSite';
import { answerUnhandled, spoilAnswer } from './faultAnswers';
import { callerIp, readBody, sendJson } from './http';
import { getApiDomainIp } from './routes/apiDomainIp';
import type { WecomRequest, WecomRoute } from './routes/common';
import { CONTACT_ROUTES } from './routes/contacts';
import { handleControl } from './routes/control';
import { gettoken } from './routes/gettoken';
import { messageSend } from './routes/messageSend';
import { recall } from './routes/recall';
import { updateTemplateCard } from './routes/updateTemplateCard';
import { webhookSend } from './routes/webhookSend';
import { applyEvent, getApprovalDetail, getApprovalInfo, getTemplateDetail } from './routes/approvals';
import { approvalActionOf } from './approvals/callback';
import { changeResult, decideApproval, handleApprovalControl, submitApproval } from './approvals/control';
import { isWebUiPath, serveWebUi } from './web/routes';
import { mediaGet, sendFileAnswer } from './media/download';
import { MEDIA_ROUTES, isUploadedImagePath, maxBodyBytes, serveUploadedImage } from './media/routes';
import { CallbackHub, handleCallbackControl } from './callbacks';
import { startLatencyRelay } from './network/latency';
import type { LatencyRelay } from './network/latency';
import { selfSignedCertificate } from './network/selfSignedCertificate';
import type { TlsMaterial } from './network/selfSignedCertificate';
import { SandboxState } from './state';
import type { Sandbox, SandboxOptions } from './types';

const WECOM_ROUTES: ReadonlyMap<string, WecomRoute> = new Map([
	['/cgi-bin/gettoken', gettoken],
	['/cgi-bin/get_api_domain_ip', getApiDomainIp],
	['/cgi-bin/message/send', messageSend],
	['/cgi-bin/message/update_template_card', updateTemplateCard],
	['/cgi-bin/message/recall', recall],
	['/cgi-bin/webhook/send', webhookSend],
	...CONTACT_ROUTES,
	...MEDIA_ROUTES,
	['/cgi-bin/media/get', mediaGet],
	['/cgi-bin/oa/getapprovaldetail', getApprovalDetail],
	['/cgi-bin/oa/applyevent', applyEvent],
	['/cgi-bin/oa/gettemplatedetail', getTemplateDetail],
	['/cgi-bin/oa/getapprovalinfo', getApprovalInfo],
]);

function runRoute(route: WecomRoute, req: WecomRequest, state: SandboxState): WecomBody {
	try {
		return route(req, state);
	} catch (error) {
		if (error instanceof WecomRejection) return wecomError(error.errcode, req.ip, error.prefix);
		throw error;
	}
}

/** Sleeps that close() can cut short, so a pending 'slow' fault never keeps the process alive. */
class PendingDelays {
	private readonly timers = new Set<{ timer: NodeJS.Timeout; done: () => void }>();

	wait(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const entry = { timer: setTimeout(() => this.finish(entry), ms), done: resolve };
			this.timers.add(entry);
		});
	}

	cancelAll(): void {
		for (const entry of [...this.timers]) this.finish(entry);
	}

	private finish(entry: { timer: NodeJS.Timeout; done: () => void }): void {
		clearTimeout(entry.timer);
		this.timers.delete(entry);
		entry.done();
	}
}

async function handleWecom(
	http: { req: IncomingMessage; res: ServerResponse },
	url: URL,
	route: WecomRoute,
	state: SandboxState,
	delays: PendingDelays,
	isClosing: () => boolean,
): Promise<void> {
	const { req, res } = http;
	state.countCall(url.pathname);
	const body = await readBody(req, maxBodyBytes(url.pathname));
	const fault = state.faults.decide(url.pathname);
	if (fault.delayMs > 0) await delays.wait(fault.delayMs);
	if (isClosing()) return void req.socket.destroy();
	if (fault.invalidateTokens) state.tokens.invalidateAll();

	const terminal = fault.terminal;
	if (answerUnhandled(terminal, http, url)) return;
	const ip = callerIp(req);
	const unhandledCut = terminal?.kind === 'truncatedBody' && terminal.handled === false;
	const answer =
		terminal?.kind === 'errcode' || unhandledCut
			? wecomError(terminal?.errcode ?? -1, ip)
			: runRoute(
					route,
					{
						method: req.method ?? 'GET',
						path: url.pathname,
						query: url.searchParams,
						ip,
						body,
						host: req.headers.host,
					},
					state,
				);
	// The ambiguous cases: the call was handled and recorded, but the caller gets no usable answer.
	if (spoilAnswer(terminal, http, answer)) return;
	state.countAnswer(answer.errcode);
	if (sendFileAnswer(res, answer)) return;
	sendJson(res, 200, answer, { 'Error-Code': String(answer.errcode) });
}

interface RequestContext {
	state: SandboxState;
	delays: PendingDelays;
	isClosing: () => boolean;
	callbacks: CallbackHub;
	/** Host header values that name this sandbox (see crossSite.ts). */
	hosts: () => ReadonlySet<string>;
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, context: RequestContext): Promise<void> {
	const { state, delays, isClosing, callbacks } = context;
	const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
	state.connections.request(req.socket, url.pathname);
	if (isWebUiPath(url.pathname) || url.pathname.startsWith('/sandbox/')) {
		const refusal = refuseCrossSite(req, context.hosts());
		if (refusal) return sendJson(res, refusal.status, { ok: false, error: refusal.error });
	}
	if (isWebUiPath(url.pathname)) return serveWebUi(req.method ?? 'GET', url, state, res);
	if (isUploadedImagePath(url.pathname)) return serveUploadedImage(url.pathname, state, res);
	if (url.pathname.startsWith('/sandbox/')) {
		const body = await readBody(req);
		const control = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, bodyText: body.text };
		if (await handleCallbackControl(control, callbacks, res)) return;
		if (await handleApprovalControl(control, state, res)) return;
		return handleControl(control, state, res);
	}
	const route = WECOM_ROUTES.get(url.pathname);
	if (!route)
		return sendJson(res, 404, {
			errcode: 404,
			errmsg: `no such sandbox endpoint: ${url.pathname}`,
		});
	return handleWecom({ req, res }, url, route, state, delays, isClosing);
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve(server.address() as AddressInfo);
		});
	});
}

async function tlsMaterialOf(option: SandboxOptions['tls'], host: string): Promise<TlsMaterial | undefined> {
	if (option === true) return await selfSignedCertificate(host);
	return option || undefined;
}

/**
 * Starts a WeCom-compatible server; in-process by default on an ephemeral 127.0.0.1 port. With
 * `tls` it speaks HTTPS; with `latency` clients reach it through a relay that adds a round-trip
 * time (network/latency.ts).
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const state = new SandboxState(options);
	const callbacks = new CallbackHub(state, options.callbacks);
	// Every application change calls the app back, as WeCom does with sys_approval_change.
	state.approvals.listen(async (change) => await callbacks.approve(approvalActionOf(change)));
	const delays = new PendingDelays();
	let closing = false;
	let hosts: ReadonlySet<string> = new Set();
	const context: RequestContext = { state, delays, isClosing: () => closing, callbacks, hosts: () => hosts };
	const handler = (req: IncomingMessage, res: ServerResponse) => {
		handleRequest(req, res, context).catch((error: unknown) => {
			// A bug in the sandbox must not take the test process down; the caller sees a 500.
			const detail = error instanceof Error ? error.message : String(error);
			if (!res.headersSent) sendJson(res, 500, { errcode: -1, errmsg: `sandbox internal error: ${detail}` });
			else res.destroy();
		});
	};
	const host = options.host ?? '127.0.0.1';
	const tls = await tlsMaterialOf(options.tls, host);
	const server = tls ? createHttpsServer(tls, handler) : createServer(handler);
	server.on('connection', (socket: Socket) => state.connections.accepted(socket, tls !== undefined));
	server.on('secureConnection', (socket: TLSSocket) => state.connections.secured(socket));
	const rttMs = options.latency?.rttMs ?? 0;
	// Behind the relay the server itself takes an ephemeral port; clients only know the relay's.
	const address = await listen(server, rttMs > 0 ? 0 : (options.port ?? 0), host);
	const relay: LatencyRelay | undefined =
		rttMs > 0
			? await startLatencyRelay({
					host,
					port: options.port ?? 0,
					upstreamHost: host,
					upstreamPort: address.port,
					rttMs,
				})
			: undefined;
	const port = relay?.port ?? address.port;
	hosts = ownHosts(host, port);
	const url = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;

	return {
		url,
		certificate: tls?.cert,
		faults: state.faults,
		close: async () => {
			closing = true;
			delays.cancelAll();
			await relay?.close();
			await new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
		outage: async (downtimeMs) => {
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			await new Promise((resolve) => setTimeout(resolve, downtimeMs));
			await listen(server, address.port, host);
		},
		reset: () => {
			state.reset();
			callbacks.reset();
		},
		invalidateTokens: () => state.tokens.invalidateAll(),
		expireTokens: () => state.tokens.expireAll(state.now()),
		rotateSecret: (corpId, agentId, newSecret) => state.rotateSecret(corpId, agentId, newSecret),
		memberDrops: () => state.memberLimiter.list(),
		issuedTokens: () => state.tokens.issued(),
		stats: () => state.stats(),
		connections: () => state.connections.snapshot(),
		messages: () => state.messages(),
		cardsFor: (userid) => state.cardsFor(userid),
		advanceClock: (ms) => state.advanceClock(ms),
		now: () => state.now(),
		callbackConfig: (corpId, agentId) => callbacks.configs.get(corpId, agentId),
		setCallbackConfig: (config) => callbacks.configs.set(config),
		click: (action) => callbacks.click(action),
		approve: (action) => callbacks.approve(action),
		verifyCallbackUrl: (verifyOptions) => callbacks.verify(verifyOptions),
		callbackDeliveries: () => callbacks.deliveries(),
		uploadedMedia: (mediaId) => state.media.uploaded(mediaId, state.now()),
		approvals: () => state.approvals.list(),
		submitApproval: async (submission) => await changeResult(submitApproval(state, submission)),
		decideApproval: async (decision) => await changeResult(decideApproval(state, decision)),
	};
}
