#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the sources, then starts it.
// adapter-node needs ORIGIN to check form posts; locally it defaults to http://localhost:PORT.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_CSP, SECURITY_HEADERS } from '../src/lib/server/security-headers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'build', 'index.js');

function newest(dir) {
	let latest = 0;
	if (!fs.existsSync(dir)) return latest;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name === 'paraglide') continue; // generated during the build
			latest = Math.max(latest, newest(p));
		} else latest = Math.max(latest, fs.statSync(p).mtimeMs);
	}
	return latest;
}

const sources = Math.max(
	...['src', 'messages', 'static', 'drizzle'].map((d) => newest(path.join(root, d))),
	...['package-lock.json', 'vite.config.ts', 'project.inlang/settings.json'].map((f) =>
		fs.existsSync(path.join(root, f)) ? fs.statSync(path.join(root, f)).mtimeMs : 0
	)
);
const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (process.env.SKIP_BUILD !== '1' && built < sources) {
	console.log('Building Miteinander (first start or changed sources) …');
	const r = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules/vite/bin/vite.js'), 'build'],
		{
			cwd: root,
			stdio: 'inherit'
		}
	);
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = process.env.PORT && process.env.PORT.trim() !== '' ? process.env.PORT.trim() : '3000';
process.env.PORT = port;
// A malformed PORT is left for the app's own configuration check, which names it clearly.
if (!process.env.ORIGIN && /^\d{1,5}$/.test(port)) process.env.ORIGIN = `http://localhost:${port}`;
// Logo uploads and CSV imports (sent twice: preview, then run) need more than adapter-node's 512K.
if (!process.env.BODY_SIZE_LIMIT) process.env.BODY_SIZE_LIMIT = '6M';
process.chdir(root);
const { server } = await import(path.join(root, 'build', 'index.js'));

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
