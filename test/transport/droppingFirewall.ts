/**
 * An address whose connections never complete, as behind a firewall that drops packets (cloud
 * security groups, Kubernetes network policies): a listener in a stopped child process with its
 * accept queue already full, so the kernel drops every further SYN and a connect hangs until the
 * client gives up. Linux behaviour; nothing ever reaches it.
 */
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';

export interface DroppingFirewall {
	/** http://127.0.0.1:PORT, where connects hang. */
	url: string;
	close(): Promise<void>;
}

const LISTENER = `require('node:net').createServer().listen({ port: 0, host: '127.0.0.1', backlog: 1 }, function () {
	process.stdout.write(this.address().port + '\\n');
});`;

/** Connections that fill the accept queue (backlog + 1 on Linux, a few more for safety). */
const QUEUE_FILLERS = 4;

export async function startDroppingFirewall(): Promise<DroppingFirewall> {
	const child = spawn(process.execPath, ['-e', LISTENER], { stdio: ['ignore', 'pipe', 'inherit'] });
	const port = await new Promise<number>((resolve, reject) => {
		child.once('error', reject);
		child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
	});
	// Stopped, it never accepts: the queue fills and stays full.
	child.kill('SIGSTOP');
	const fillers: Socket[] = [];
	for (let i = 0; i < QUEUE_FILLERS; i++) fillers.push(connect(port, '127.0.0.1').on('error', () => undefined));
	await new Promise((resolve) => setTimeout(resolve, 200));
	return {
		url: `http://127.0.0.1:${port}`,
		close: async () => {
			for (const socket of fillers) socket.destroy();
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGKILL');
			await exited;
		},
	};
}
