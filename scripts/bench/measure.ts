/**
 * One measured run: a clean sandbox (and optionally a fault), one child process, then what the
 * sandbox saw. The sandbox runs in this (parent) process, so its CPU time is the parent's.
 */
import type { ConnectionCounts, FaultSpec, Sandbox } from '../../sandbox';
import type { PathJob, PathResult } from './job';
import type { ChildRunner } from './runChild';

export const SEND_PATH = '/cgi-bin/message/send';

export interface SandboxCounts {
	/** Every /cgi-bin/ call, gettoken included. */
	calls: number;
	sendCalls: number;
	gettoken: number;
	/** Sends accepted and delivered (WeCom duplicate-check merges not counted). */
	delivered: number;
	faultsFired: number;
	errcodes: Record<string, number>;
}

export interface Measurement extends PathResult {
	job: PathJob;
	sandbox: SandboxCounts;
	/** Connections and TLS handshakes the child opened to the sandbox. */
	connections: ConnectionCounts;
	/** RSS of this (parent) process when the child was started. */
	parentRssBytes: number;
	/** CPU the sandbox (this process) spent while the child ran. */
	sandboxCpuMs: number;
	/** The card delivered to the first recipient, task_id masked: all paths must send the same. */
	firstCard?: string;
}

function firstCardOf(sandbox: Sandbox, recipient: string): string | undefined {
	const message = sandbox.messages().find((entry) => entry.action === 'send' && entry.touser[0] === recipient);
	if (!message) return undefined;
	const card = { ...(message.template_card as Record<string, unknown>), task_id: '<task_id>' };
	return JSON.stringify({ touser: message.touser, template_card: card });
}

export async function measure(
	sandbox: Sandbox,
	runner: ChildRunner,
	job: PathJob,
	fault?: FaultSpec,
): Promise<Measurement> {
	sandbox.reset();
	if (fault) sandbox.faults.add(fault);
	const parentRssBytes = process.memoryUsage().rss;
	const cpuBefore = process.cpuUsage();
	const result = await runner.run(job);
	const cpu = process.cpuUsage(cpuBefore);
	const stats = sandbox.stats();
	const delivered = sandbox
		.messages()
		.filter((message) => message.action === 'send' && message.duplicateOf === undefined).length;
	return {
		...result,
		job,
		sandbox: {
			calls: Object.values(stats.calls).reduce((total, count) => total + count, 0),
			sendCalls: stats.calls[SEND_PATH] ?? 0,
			gettoken: stats.gettoken,
			delivered,
			faultsFired: stats.faultsFired,
			errcodes: stats.errcodes,
		},
		connections: sandbox.connections(),
		parentRssBytes,
		sandboxCpuMs: (cpu.user + cpu.system) / 1000,
		firstCard: firstCardOf(sandbox, 'alice'),
	};
}
