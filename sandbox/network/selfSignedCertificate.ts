/**
 * A throwaway certificate for the sandbox's HTTPS, made with the system's openssl when the
 * sandbox starts: no private key is ever committed or kept on disk. Clients trust it through its
 * PEM (`Sandbox.certificate`), e.g. NODE_EXTRA_CA_CERTS, which Node's TLS, fetch and n8n's
 * client all read. RSA 2048, the common default of public web servers.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface TlsMaterial {
	key: string;
	cert: string;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** The names a client may use for a sandbox bound to `host`: loopback always, and the host itself. */
export function subjectAltNames(host: string): string {
	const names = ['IP:127.0.0.1', 'IP:::1', 'DNS:localhost'];
	const own = host.replace(/^\[|\]$/g, '');
	if (!WILDCARD_HOSTS.has(own)) {
		const name = isIP(own) ? `IP:${own}` : `DNS:${own}`;
		if (!names.includes(name)) names.push(name);
	}
	return names.join(',');
}

export async function selfSignedCertificate(host: string): Promise<TlsMaterial> {
	const folder = await mkdtemp(join(tmpdir(), 'wecom-sandbox-tls-'));
	const keyPath = join(folder, 'key.pem');
	const certPath = join(folder, 'cert.pem');
	try {
		await promisify(execFile)('openssl', [
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-keyout',
			keyPath,
			'-out',
			certPath,
			'-days',
			'2',
			'-subj',
			'/CN=WeCom sandbox',
			'-addext',
			`subjectAltName=${subjectAltNames(host)}`,
		]);
		return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8') };
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
}
