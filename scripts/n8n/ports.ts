/** Ports on 127.0.0.1: the preferred one when it is free, else one the OS picks. */
import { createServer } from 'node:net';

function tryListen(port: number): Promise<number | undefined> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(undefined));
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			const bound = typeof address === 'object' && address ? address.port : undefined;
			server.close(() => resolve(bound));
		});
	});
}

/** `avoid`: ports already handed out but not bound yet (n8n binds them a few seconds later). */
export async function freePort(preferred: number, avoid: number[] = []): Promise<number> {
	if (preferred > 0 && !avoid.includes(preferred) && (await tryListen(preferred)) === preferred) return preferred;
	for (;;) {
		const port = await tryListen(0);
		if (port !== undefined && !avoid.includes(port)) return port;
	}
}
