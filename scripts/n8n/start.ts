/**
 * `npm start`: a real n8n with this package installed the way users install it, wired to the
 * WeCom sandbox, the example workflows imported and published. Runs until Ctrl-C.
 * Ports: N8N_PORT (default 5678) and WECOM_SANDBOX_PORT (default 8931), or free ones if busy.
 */
import { log } from './proc';
import { DEFAULT_N8N_PORT, DEFAULT_SANDBOX_PORT, startStack } from './stack';
import type { Stack } from './stack';

function portFromEnv(name: string, fallback: number): number {
	const port = Number(process.env[name] ?? fallback);
	return Number.isInteger(port) && port > 0 && port < 65536 ? port : fallback;
}

/** The sandbox's web page, if this version of the sandbox has one. */
async function sandboxPage(url: string): Promise<string | undefined> {
	try {
		const response = await fetch(`${url}/`);
		return response.ok && (response.headers.get('content-type') ?? '').includes('text/html') ? `${url}/` : undefined;
	} catch {
		return undefined;
	}
}

/** The deploy notice example takes its card from the request body, so the curl shows the round trip. */
const CURL_EXAMPLE = {
	file: 'text-notice.workflow.json',
	body: { to: 'alice', title: 'Deploy finished', environment: 'production', version: '1.5.0' },
};

function curlFor(stack: Stack): string | undefined {
	const published = stack.workflows.filter((workflow) => workflow.published && workflow.webhooks.length > 0);
	const example = published.find((workflow) => workflow.file === CURL_EXAMPLE.file) ?? published[0];
	if (!example) return undefined;
	const body = example.file === CURL_EXAMPLE.file ? CURL_EXAMPLE.body : {};
	return `curl -s -X POST ${stack.server.url}/webhook/${example.webhooks[0]} -H 'Content-Type: application/json' -d '${JSON.stringify(body)}'`;
}

async function main(): Promise<void> {
	const started = Date.now();
	const stack = await startStack({
		n8nPort: portFromEnv('N8N_PORT', DEFAULT_N8N_PORT),
		sandboxPort: portFromEnv('WECOM_SANDBOX_PORT', DEFAULT_SANDBOX_PORT),
	});
	let stopping = false;
	const stop = (reason: string, exitCode = 0) => {
		if (stopping) return;
		stopping = true;
		log(`${reason}: stopping n8n and the sandbox ...`);
		stack.close().then(
			() => process.exit(exitCode),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	stack.server.child.once('exit', (code, signal) => {
		if (stopping) return;
		// The log goes with the user folder: show its end (once fully written) before it is deleted.
		void stack.server.stop().then(() => {
			const tail = stack.server.output().trim().split('\n').slice(-20).join('\n');
			log(`n8n exited on its own (${signal ?? `code ${code}`}). Last lines of its log:\n${tail}`);
			stop('n8n exit', 1);
		});
	});

	const page = await sandboxPage(stack.sandbox.url);
	const published = stack.workflows.filter((workflow) => workflow.published);
	const curl = curlFor(stack);
	const lines = [
		'',
		`Ready in ${((Date.now() - started) / 1000).toFixed(0)} s: n8n ${stack.server.url} with n8n-nodes-wecom-card installed from its tarball.`,
		'',
		`  n8n editor   : ${stack.server.url}/signin`,
		`  email        : ${stack.rest.owner?.email}`,
		`  password     : ${stack.rest.owner?.password}  (new for this user folder)`,
		`  WeCom sandbox: ${stack.sandbox.url}${page ? `  (web page: ${page})` : ''}`,
		`  sent messages: ${stack.sandbox.url}/sandbox/messages`,
		`  workflows    : ${stack.workflows.length} examples imported, ${published.length} published (${published.map((w) => w.file).join(', ') || 'none'})`,
		...(curl ? ['', 'Send a card through a published webhook (then see it under sent messages):', `  ${curl}`] : []),
		'',
		`n8n user folder (deleted on exit): ${stack.userFolder}; n8n log: ${stack.server.logFile}`,
		'Press Ctrl-C to stop.',
		'',
	];
	process.stdout.write(lines.join('\n'));
}

main().catch((error: unknown) => {
	process.stderr.write(
		`npm start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
