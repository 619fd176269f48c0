#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the sources, then starts it
// with scripts/server.mjs in this same process, so SIGTERM/SIGINT sent to it reach the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
			stdio: 'inherit',
			// the server's heap bound (package.json "start") is too small for the build
			env: {
				...process.env,
				NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '')
					.replace(/--max-old-space-size=\d+/g, '')
					.trim()
			}
		}
	);
	if (r.status !== 0) process.exit(r.status ?? 1);
}

await import('./server.mjs');
