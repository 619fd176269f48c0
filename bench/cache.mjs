#!/usr/bin/env node
// `node bench/cache.mjs [--port 3251] [--seconds 5] [--connections 10]`
//
// The public cache (src/lib/server/cache) on the data of `npm run bench:data`: starts the built
// server (node scripts/server.mjs, no build here) once with the cache off (PUBLIC_CACHE_MB=0) and
// once with the default, loads a few anonymous public routes and /healthz in the same run with
// autocannon (bench/load.mjs) and prints requests/s and the share of /healthz's. Every request of
// a load asks for the same address, so the cached run is the best case (all hits after the first).
import { spawn } from 'node:child_process';
import { load, log, root, sleep, waitHealthy } from './common.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(opt('--port', 3251));
const seconds = Number(opt('--seconds', 5));
const connections = Number(opt('--connections', 10));
const base = `http://127.0.0.1:${port}`;

const ROUTES = [
	['`/healthz` (floor)', '/healthz'],
	['`/` (all tenants)', '/'],
	['tenant start page (`/landshut`)', '/landshut'],
	['finder, city (`/landshut/angebote`)', '/landshut/angebote'],
	['finder, district (`/bench-kreis-01/angebote`)', '/bench-kreis-01/angebote'],
	['concept (`/landkreis-gifhorn/konzept`)', '/landkreis-gifhorn/konzept'],
	['OParl body list', '/oparl/v1.1/body'],
	['ICS feed (`/landshut/kalender.ics`)', '/landshut/kalender.ics']
];

async function run(label, env) {
	const child = spawn(process.execPath, ['scripts/server.mjs'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	try {
		await waitHealthy(base, child, 120_000);
		const results = {};
		for (const [name, path] of ROUTES) {
			const head = await fetch(base + path);
			await head.arrayBuffer();
			await sleep(200);
			results[name] = {
				...(await load(base + path, connections, seconds)),
				xcache: head.headers.get('x-cache')
			};
			log(
				`${label} ${name}: ${results[name].rps.toFixed(0)} req/s (first x-cache ${results[name].xcache})`
			);
		}
		return results;
	} finally {
		child.kill('SIGTERM');
		await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
	}
}

const off = await run('off', { PUBLIC_CACHE_MB: '0' });
const on = await run('on', {});
const pct = (x) => `${(x * 100).toFixed(1)} %`;
const lines = [
	`| route | cache off req/s | of /healthz | cache on req/s | of /healthz | p95 on (ms) |`,
	`| --- | ---: | ---: | ---: | ---: | ---: |`
];
for (const [name] of ROUTES) {
	const a = off[name];
	const b = on[name];
	lines.push(
		`| ${name} | ${a.rps.toFixed(0)} | ${pct(a.rps / off['`/healthz` (floor)'].rps)} | ${b.rps.toFixed(0)} | ${pct(b.rps / on['`/healthz` (floor)'].rps)} | ${b.p95} |`
	);
}
process.stdout.write(
	`${connections} connections, ${seconds} s per route, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}\n\n${lines.join('\n')}\n`
);
