/**
 * `npm run sandbox`: a standalone WeCom sandbox on 127.0.0.1.
 * Port: --port N, else WECOM_SANDBOX_PORT, else 8931. Prints nothing per request.
 */
import { DEMO_CALLBACK_TOKEN, DEMO_ENCODING_AES_KEY } from './callbacks';
import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_ROBOT_KEY, DEMO_SECRET } from './demo';
import { startSandbox } from './server';

const DEFAULT_PORT = 8931;

function portFrom(args: string[], env: NodeJS.ProcessEnv): number {
	const flag = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
	const raw =
		flag === -1 ? env.WECOM_SANDBOX_PORT : args[flag].includes('=') ? args[flag].split('=')[1] : args[flag + 1];
	if (raw === undefined || raw === '') return DEFAULT_PORT;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${raw}`);
	return port;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({ port: portFrom(process.argv.slice(2), process.env) });
	// The demo secret and robot key are public demo values: printing them is fine here (CLI only).
	process.stdout.write(
		[
			`WeCom sandbox listening on ${sandbox.url}`,
			`  API Base URL : ${sandbox.url}`,
			`  Corp ID      : ${DEMO_CORP_ID}`,
			`  Agent ID     : ${DEMO_AGENT_ID}`,
			`  Corp Secret  : ${DEMO_SECRET}`,
			`  Robot webhook: ${sandbox.url}/cgi-bin/webhook/send?key=${DEMO_ROBOT_KEY}`,
			`  Callback     : Token ${DEMO_CALLBACK_TOKEN}, EncodingAESKey ${DEMO_ENCODING_AES_KEY}`,
			`                 (point clicks at a WeCom Trigger: curl -H 'Content-Type: application/json' -d '{"url": "..."}' ${sandbox.url}/sandbox/callback-config)`,
			`  Web page     : ${sandbox.url}/ (each user's cards; buttons play clicks)`,
			`  Control API  : ${sandbox.url}/sandbox/health | messages | stats | faults | member-drops | reset`,
			'                 (from this machine only; POST/DELETE need Content-Type: application/json)',
			'Press Ctrl+C to stop.',
			'',
		].join('\n'),
	);
	const stop = (): void => {
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`WeCom sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
