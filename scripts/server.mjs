#!/usr/bin/env node
// The production start (`npm run start:prod`, the systemd unit in deploy/ and the Dockerfile run
// exactly `node scripts/server.mjs`): starts the built app (build/, made by `npm run build`) in
// this process. `npm start` builds when needed and then runs this file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_CSP, SECURITY_HEADERS } from '../src/lib/server/security-headers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
