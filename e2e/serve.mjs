#!/usr/bin/env node
// Starts the app for the end-to-end tests on port 3100 (or E2E_PORT) with a fresh database, and removes that
// database again when the app stops:
// - without DATABASE_URL: a new PGlite folder in the temp directory;
// - with DATABASE_URL (postgres://…): a new database mt_e2e_<random> on that server
//   (prefix from E2E_DATABASE_PREFIX when set).
// Playwright starts this (playwright.config.ts, webServer) and stops it with SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = process.env.E2E_PORT || '3100';

/** Creates the fresh database; returns its settings for the app and how to remove it. */
async function freshDatabase() {
	const serverUrl = process.env.DATABASE_URL?.trim();
	if (!serverUrl) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miteinander-e2e-'));
		return {
			env: { DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' },
			label: `PGlite in ${dir}`,
			remove: async () => fs.rmSync(dir, { recursive: true, force: true })
		};
	}
	// CI sets E2E_DATABASE_PREFIX to find and drop the database even if this process is killed.
	const prefix = process.env.E2E_DATABASE_PREFIX || 'mt_e2e_';
	if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`bad E2E_DATABASE_PREFIX: ${prefix}`);
	const name = `${prefix}${randomBytes(6).toString('hex')}`;
	const admin = () => postgres(serverUrl, { max: 1, onnotice: () => {} });
	const sql = admin();
	try {
		await sql.unsafe(`CREATE DATABASE "${name}"`);
	} finally {
		await sql.end({ timeout: 5 });
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		env: { DATABASE_URL: url.toString() },
		label: `PostgreSQL database ${name} on ${url.host}`,
		remove: async () => {
			const sql = admin();
			try {
				await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			} finally {
				await sql.end({ timeout: 5 });
			}
		}
	};
}

const database = await freshDatabase();
console.log(`e2e: starting Miteinander on port ${PORT} with ${database.label}`);

let removed = false;
async function cleanUp() {
	if (removed) return;
	removed = true;
	try {
		await database.remove();
	} catch (err) {
		console.error(`e2e: could not remove ${database.label}:`, err);
		process.exitCode = 1;
	}
}

/** @type {NodeJS.ProcessEnv} */
const env = {
	...process.env,
	...database.env,
	PORT,
	SEED_DEMO: 'true',
	MAIL_POLL_SECONDS: '0.2',
	SMTP_URL: '',
	LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
	// encrypts a network's single sign-on client secret (e2e/auth/coordinator-sets-up-network-sign-on)
	SECRETS_KEY: 'e2e-only-secrets-key-0123456789abcdef',
	// adapter-node waits this long for open connections when it stops
	SHUTDOWN_TIMEOUT: '5',
	// the memory bound of `npm start` and the production units (README, "Memory")
	NODE_OPTIONS: process.env.NODE_OPTIONS || '--max-old-space-size=256',
	MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX || '2'
};
// No ORIGIN, as after `npm start`: the app answers at the address it was reached at
// (scripts/server.mjs), http://localhost:PORT for the browser and http://127.0.0.1:PORT in
// e2e/operations/.
delete env.ORIGIN;
delete env.PROTOCOL_HEADER;
const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
	cwd: root,
	stdio: 'inherit',
	env
});

// Playwright signals the whole process group; forwarding again is harmless (adapter-node
// ignores a second signal) and covers a signal sent to this process alone.
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) {
	process.on(signal, () => {
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
	});
}

child.on('exit', async (code, signal) => {
	await cleanUp();
	if (process.exitCode) process.exit(process.exitCode);
	process.exit(code ?? (signal ? 0 : 1));
});
