/**
 * An added round-trip time between clients and the sandbox, the way distance adds it: every byte
 * crosses a link that delays it by half the RTT in each direction, and TCP's own handshake costs
 * one round trip before the client's first byte can leave. So a request on a kept-alive
 * connection costs 1 RTT, one on a fresh plain-HTTP connection 2 RTT, on a fresh TLS 1.3
 * connection 3 RTT (TCP, TLS, request) and on TLS 1.2 4 RTT. Bandwidth, loss and TCP's slow start
 * are not modelled.
 *
 * A TCP relay in front of the server does it: on loopback the client's connect completes at once
 * and its first bytes are held until TCP's round trip would be over, then every chunk is
 * forwarded half an RTT after it was sent, in order. The server sees one connection per client
 * connection, so what it counts (connectionCounter.ts) is what the client opened.
 */
import { createServer, connect } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export type LinkDirection = 'toServer' | 'toClient';

/** When a chunk sent at `sentAt` over a connection the client opened at `openedAt` reaches the other end. */
export function arrivalTime(sentAt: number, openedAt: number, rttMs: number, direction: LinkDirection): number {
	const oneWay = rttMs / 2;
	if (direction === 'toClient') return sentAt + oneWay;
	// The client's first byte could leave only once the SYN / SYN-ACK round trip was over.
	return Math.max(sentAt, openedAt + rttMs) + oneWay;
}

/** A FIFO of chunks (or the end of the stream) each released at its arrival time. */
class DelayLine {
	private readonly queue: { at: number; chunk?: Buffer }[] = [];
	private timer?: NodeJS.Timeout;

	constructor(private readonly target: Socket) {}

	/** `chunk` undefined: the sender ended its side. */
	push(at: number, chunk?: Buffer): void {
		this.queue.push({ at, chunk });
		if (this.queue.length === 1) this.schedule();
	}

	stop(): void {
		clearTimeout(this.timer);
		this.queue.length = 0;
	}

	private schedule(): void {
		const head = this.queue[0];
		if (!head) return;
		this.timer = setTimeout(() => this.release(), Math.max(0, head.at - performance.now()));
	}

	private release(): void {
		const now = performance.now();
		while (this.queue.length > 0 && this.queue[0].at <= now) {
			const { chunk } = this.queue.shift()!;
			if (this.target.destroyed) return this.stop();
			if (chunk) this.target.write(chunk);
			else this.target.end();
		}
		this.schedule();
	}
}

export interface LatencyRelay {
	port: number;
	/** Closes the relay and every connection through it. */
	close(): Promise<void>;
}

function relayConnection(client: Socket, upstreamPort: number, upstreamHost: string, rttMs: number): () => void {
	const openedAt = performance.now();
	const upstream = connect({ port: upstreamPort, host: upstreamHost, allowHalfOpen: true, noDelay: true });
	client.setNoDelay(true);
	const toServer = new DelayLine(upstream);
	const toClient = new DelayLine(client);
	const arrival = (direction: LinkDirection) => arrivalTime(performance.now(), openedAt, rttMs, direction);
	client.on('data', (chunk: Buffer) => toServer.push(arrival('toServer'), chunk));
	upstream.on('data', (chunk: Buffer) => toClient.push(arrival('toClient'), chunk));
	// A FIN travels like data, behind what was sent before it.
	client.on('end', () => toServer.push(arrival('toServer')));
	upstream.on('end', () => toClient.push(arrival('toClient')));
	// A reset ends both at once (it is not delayed).
	const teardown = () => {
		toServer.stop();
		toClient.stop();
		client.destroy();
		upstream.destroy();
	};
	client.on('error', teardown);
	upstream.on('error', teardown);
	return teardown;
}

/** Listens on host:port (0 = ephemeral) and relays to upstreamHost:upstreamPort with `rttMs` added. */
export async function startLatencyRelay(options: {
	host: string;
	port: number;
	upstreamHost: string;
	upstreamPort: number;
	rttMs: number;
}): Promise<LatencyRelay> {
	const open = new Set<() => void>();
	const server: Server = createServer({ allowHalfOpen: true }, (client) => {
		const teardown = relayConnection(client, options.upstreamPort, options.upstreamHost, options.rttMs);
		open.add(teardown);
		client.once('close', () => open.delete(teardown));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve());
	});
	return {
		port: (server.address() as AddressInfo).port,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const teardown of [...open]) teardown();
			}),
	};
}
