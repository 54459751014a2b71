/**
 * Counts what a client costs the server in connections: TCP connections accepted, TLS handshakes
 * completed (and how many resumed an earlier session), each also by the path of the first
 * request the connection carried, the call that made the client open it.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface ConnectionCounts {
	/** TCP connections accepted. */
	opened: number;
	/** TLS handshakes completed; 0 over plain HTTP. */
	tlsHandshakes: number;
	/** Of those, abbreviated handshakes that resumed an earlier TLS session. */
	tlsResumed: number;
	/** Connections by the path of their first request; one that carried no request is in `opened` only. */
	openedByPath: Record<string, number>;
	/** TLS handshakes by the path of the first request on that connection. */
	tlsHandshakesByPath: Record<string, number>;
}

interface Tracked {
	tls: boolean;
	/** The reset() generation it was opened in: a connection from before a reset is not counted after it. */
	generation: number;
	attributed: boolean;
}

export function emptyConnectionCounts(): ConnectionCounts {
	return { opened: 0, tlsHandshakes: 0, tlsResumed: 0, openedByPath: {}, tlsHandshakesByPath: {} };
}

const increment = (counts: Record<string, number>, key: string) => {
	counts[key] = (counts[key] ?? 0) + 1;
};

export class ConnectionCounter {
	private counts = emptyConnectionCounts();
	private generation = 0;
	/** Keyed by the socket requests arrive on: the TCP socket, or the TLS socket over it. */
	private readonly tracked = new WeakMap<Socket, Tracked>();

	/** A TCP connection accepted ('connection'); over TLS, its requests arrive on a TLSSocket (see secured). */
	accepted(socket: Socket, tls: boolean): void {
		this.counts.opened++;
		if (!tls) this.tracked.set(socket, { tls: false, generation: this.generation, attributed: false });
	}

	/** A TLS handshake completed ('secureConnection'). */
	secured(socket: TLSSocket): void {
		this.counts.tlsHandshakes++;
		if (socket.isSessionReused()) this.counts.tlsResumed++;
		this.tracked.set(socket, { tls: true, generation: this.generation, attributed: false });
	}

	/** Every request: the first one on a connection names the path that opened it. */
	request(socket: Socket, path: string): void {
		const entry = this.tracked.get(socket);
		if (!entry || entry.attributed || entry.generation !== this.generation) return;
		entry.attributed = true;
		increment(this.counts.openedByPath, path);
		if (entry.tls) increment(this.counts.tlsHandshakesByPath, path);
	}

	snapshot(): ConnectionCounts {
		return structuredClone(this.counts);
	}

	reset(): void {
		this.counts = emptyConnectionCounts();
		this.generation++;
	}
}
