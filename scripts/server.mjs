#!/usr/bin/env node
// The production start (`npm run start:prod`, the systemd unit in deploy/ and the Dockerfile run
// exactly `node scripts/server.mjs`): starts the built app (build/, made by `npm run build`) in
// this process. `npm start` builds when needed and then runs this file.
import cluster from 'node:cluster';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_CSP, SECURITY_HEADERS } from '../src/lib/server/security-headers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// WORKERS=auto|N (PostgreSQL only): the primary process forks N worker processes that share the
// port (node:cluster); each runs the whole app with its own connection pool. Mails are claimed
// with FOR UPDATE SKIP LOCKED, so every worker delivers; the hourly maintenance (reminders,
// retention, digests) and the translation jobs run in worker 1 only (MITEINANDER_BACKGROUND).
// The first worker starts alone (migrations, demo network), the others once it listens.
// PGlite is one process's database: with it the server stays single-process and says so.
const workers = resolveWorkers(process.env.WORKERS);
if (cluster.isPrimary && workers > 1) {
	if (!process.env.DATABASE_URL?.trim()) {
		console.log(
			`Miteinander: WORKERS=${process.env.WORKERS} ignored – the embedded database (PGlite) runs in one process; set DATABASE_URL for several workers.`
		);
	} else {
		await runPrimary(workers);
		// the primary serves nothing itself
		await new Promise(() => {});
	}
}

/** WORKERS: unset/empty → 1, "auto" → the cores available, else a whole number 1–64. */
function resolveWorkers(value) {
	const v = (value ?? '').trim().toLowerCase();
	if (v === '') return 1;
	if (v === 'auto') return Math.max(1, os.availableParallelism());
	const n = Number(v);
	if (!Number.isInteger(n) || n < 1 || n > 64) {
		console.error(
			`Miteinander: WORKERS must be "auto" or a whole number from 1 to 64, not "${value}".`
		);
		process.exit(1);
	}
	return n;
}

async function runPrimary(count) {
	let stopping = false;
	/** @type {Map<number, string>} worker id → its slot ("1" runs the background jobs) */
	const slots = new Map();
	const fork = (slot) => {
		const worker = cluster.fork({
			MITEINANDER_WORKER: slot,
			MITEINANDER_BACKGROUND: slot === '1' ? '1' : '0'
		});
		slots.set(worker.id, slot);
		return worker;
	};
	cluster.on('exit', (worker, code, signal) => {
		const slot = slots.get(worker.id);
		slots.delete(worker.id);
		if (stopping) {
			if (slots.size === 0) process.exit(0);
			return;
		}
		console.error(`Miteinander: worker ${slot} ended (${signal ?? code}); starting it again.`);
		if (slot) fork(slot);
	});
	const stop = () => {
		if (stopping) return;
		stopping = true;
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
		setTimeout(() => process.exit(0), 12_000).unref();
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
	console.log(
		`Miteinander: ${count} worker processes (WORKERS=${process.env.WORKERS}), PostgreSQL.`
	);
	// The first worker alone applies migrations and creates the demo network; then the others.
	const first = fork('1');
	await new Promise((resolve, reject) => {
		first.once('listening', resolve);
		first.once('exit', () => reject(new Error('the first worker ended before it listened')));
	}).catch((error) => {
		console.error(`Miteinander: ${error.message}`);
		process.exit(1);
	});
	for (let i = 2; i <= count; i++) fork(String(i));
}

const port = process.env.PORT && process.env.PORT.trim() !== '' ? process.env.PORT.trim() : '3000';
process.env.PORT = port;
// A malformed PORT is left for the app's own configuration check, which names it clearly.
// Without ORIGIN, adapter-node builds each request's URL from its Host header and the scheme named
// by PROTOCOL_HEADER (default https). This server speaks plain HTTP, so the scheme is written onto
// every request under a header only this script sets (a client's value is overwritten): then a
// form posted from http://127.0.0.1:3000 or http://<machine>:3000 passes SvelteKit's CSRF check,
// while a post whose Origin is another site is still refused (403). Behind an HTTPS proxy, set
// ORIGIN (or PROTOCOL_HEADER) as README.md says.
const SCHEME_HEADER = 'x-miteinander-scheme';
const schemeFromServer = !process.env.ORIGIN?.trim() && !process.env.PROTOCOL_HEADER?.trim();
if (schemeFromServer) process.env.PROTOCOL_HEADER = SCHEME_HEADER;
// Logo uploads and CSV imports (sent twice: preview, then run) need more than adapter-node's 512K.
if (!process.env.BODY_SIZE_LIMIT) process.env.BODY_SIZE_LIMIT = '6M';
process.chdir(root);
const { server } = await import(path.join(root, 'build', 'index.js'));
if (schemeFromServer)
	server.server.prependListener('request', (req) => {
		req.headers[SCHEME_HEADER] = 'http';
	});

// adapter-node serves the static files (static/, the built JavaScript and CSS) before the app's
// hook runs. This listener runs before adapter-node's: it presets the security headers on every
// answer (the app's own values, set later, take precedence) and, for static files, the strict
// document policy (an SVG or text opened directly runs nothing and cannot be framed).
const staticFiles = new Set(listFiles(path.join(root, 'build', 'client')));
server.server.prependListener('request', (req, res) => {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	let pathname = '';
	try {
		pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
	} catch {
		// a malformed address is the app's to answer
	}
	if (staticFiles.has(pathname)) res.setHeader('Content-Security-Policy', DOCUMENT_CSP);
});

/** The files below `dir` as absolute URL paths ("/robots.txt", "/_app/immutable/…"). */
function listFiles(dir, prefix = '') {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) =>
			entry.isDirectory()
				? listFiles(path.join(dir, entry.name), `${prefix}/${entry.name}`)
				: [`${prefix}/${entry.name}`]
		);
}

// adapter-node stops accepting requests on SIGTERM/SIGINT, finishes the open ones and then emits
// sveltekit:shutdown, on which the app stops its mail worker and closes the database; the process
// then ends by itself. Should anything still hold it, it ends anyway 10 seconds later.
process.once('sveltekit:shutdown', () => {
	setTimeout(() => {
		console.error('Miteinander: still running 10 s after the shutdown, exiting.');
		process.exit(0);
	}, 10_000).unref();
});
