/**
 * Headless Debian Chromium driven by playwright-core, for screenshots of the n8n editor and the
 * sandbox page. Installs the `chromium` Debian package when /usr/bin/chromium is missing (CI
 * reaches Debian packages; needs root, as the CI container has).
 */
import { existsSync } from 'node:fs';

import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

import { log, runOrThrow } from './proc';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags measured on this machine (playwright adds --headless itself). */
const FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

export async function ensureChromium(): Promise<void> {
	if (existsSync(CHROMIUM)) return;
	log(`${CHROMIUM} missing: apt-get install -y chromium`);
	await runOrThrow('apt-get', ['update']);
	await runOrThrow('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

export async function launchChromium(): Promise<Browser> {
	await ensureChromium();
	return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}
